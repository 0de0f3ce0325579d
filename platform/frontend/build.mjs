// Bundles src/ into ../static/dist/ and copies KaTeX's CSS and fonts beside it.
import * as esbuild from "esbuild";
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "static", "dist");
mkdirSync(out, { recursive: true });

await esbuild.build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  sourcemap: true,
  format: "iife",
  target: ["es2020"],
  outfile: join(out, "main.js"),
  logLevel: "warning",
});

const katex = join(here, "node_modules", "katex", "dist");
cpSync(join(katex, "katex.min.css"), join(out, "katex.min.css"));
cpSync(join(katex, "fonts"), join(out, "fonts"), { recursive: true });
