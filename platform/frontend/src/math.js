// KaTeX for the math the server marks up (<span class="math">, <div class="math math-display">): statements,
// hints, editorials, design answers. Loaded by main.js only where such an element is.
import katex from "katex";
import { registerPart } from "./parts.js";

export function renderMath(root) {
  root.querySelectorAll(".math:not([data-rendered])").forEach((el) => {
    try {
      katex.render(el.textContent, el, {
        displayMode: el.classList.contains("math-display"),
        throwOnError: false,
        trust: false,
      });
      el.dataset.rendered = "1";
    } catch (err) {
      el.classList.add("math-error");
    }
  });
}

registerPart("math", { renderMath });
