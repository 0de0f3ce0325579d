// The bundles main.js loads only where a page needs them (editor.js: CodeMirror; charts.js: Chart.js). Each one
// registers what it exports here when it runs; main.js waits for that (loadPart).
const REGISTRY = "mljudgeParts";

export function registerPart(name, exports) {
  window[REGISTRY] = window[REGISTRY] || {};
  window[REGISTRY][name] = exports;
}

export function loadedPart(name) {
  return window[REGISTRY]?.[name];
}
