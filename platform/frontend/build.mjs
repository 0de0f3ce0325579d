// Bundles src/ into ../static/dist/ and copies KaTeX's CSS and fonts beside it. Four bundles, so that a page
// downloads only what it uses: main.js on every page (htmx), math.js where math is (KaTeX), editor.js where an
// editor is (CodeMirror), charts.js where a chart is (Chart.js); main.js loads the other three on demand. Source maps only for
// development (`npm run build:dev`, or MLJUDGE_SOURCEMAPS=1): production serves none.
import * as esbuild from "esbuild";
import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "static", "dist");
const dev = process.argv.includes("--dev") || process.env.MLJUDGE_SOURCEMAPS === "1";
mkdirSync(out, { recursive: true });
// A map left by an earlier development build must not be served by a production one.
for (const name of readdirSync(out)) if (name.endsWith(".map")) rmSync(join(out, name));

await esbuild.build({
  entryPoints: ["main", "math", "editor", "charts"].map((name) => join(here, "src", `${name}.js`)),
  bundle: true,
  minify: true,
  sourcemap: dev,
  format: "iife",
  target: ["es2020"],
  outdir: out,
  logLevel: "warning",
});

const katex = join(here, "node_modules", "katex", "dist");
cpSync(join(katex, "katex.min.css"), join(out, "katex.min.css"));
cpSync(join(katex, "fonts"), join(out, "fonts"), { recursive: true });
