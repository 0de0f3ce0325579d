// mljudge's browser code on every page: htmx for live status, logging out. KaTeX (math), CodeMirror 6 (code and
// Markdown answers) and Chart.js (leaderboard, statistics and profile charts) are separate bundles, loaded only
// when a page, or a fragment htmx swaps in, has math, an editor or a chart: most pages have none of them.
import htmx from "htmx.org";
import { loadedPart } from "./parts.js";
import { initCountdowns } from "./countdown.js";
import { forgetEveryone, forgetOtherUsers } from "./storage.js";

// base.html names the bundles' URLs on this script's tag ({% static %}), so hashed file names keep working.
const BUNDLES = { ...(document.currentScript?.dataset || {}) };   // mathSrc, editorSrc, chartsSrc
const loading = {};

function loadPart(name) {
  if (loadedPart(name)) return Promise.resolve(loadedPart(name));
  if (!loading[name]) {
    loading[name] = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = BUNDLES[`${name}Src`];
      script.onload = () => resolve(loadedPart(name));
      script.onerror = () => { delete loading[name]; reject(new Error(`${name} bundle did not load`)); };
      document.head.appendChild(script);
    });
  }
  return loading[name];
}

window.htmx = htmx;
// The Content-Security-Policy allows neither eval nor inline scripts and styles: htmx must not evaluate
// hx-on / js: / trigger filters, or inject its indicator <style> (put any .htmx-indicator rules in app.css).
// allowScriptTags stays on: swapped-in fragments carry json_script data for the charts, which htmx would
// strip otherwise; an inline script in a fragment is refused by the policy anyway.
htmx.config.allowEval = false;
htmx.config.includeIndicatorStyles = false;
// Refusals (malformed 400, not allowed or form expired 403, too large 413, too many 429: the statuses of
// core/refusals.py, which a test keeps in step with this rule) carry a message to show in place: the server
// sends htmx a fragment for these, never a whole page.
htmx.config.responseHandling = [
  { code: "204", swap: false },
  { code: "[23]..", swap: true },
  { code: "4(00|03|13|29)", swap: true, error: false },
  { code: "...", swap: false, error: true },
];

function boot(root) {
  if (root.querySelector(".math:not([data-rendered])")) {
    loadPart("math").then((part) => part.renderMath(root), (err) => console.error(err));
  }
  if (root.querySelector("textarea[data-editor]:not([data-editor-ready])")) {
    loadPart("editor").then((part) => part.initEditors(root), (err) => console.error(err));
  }
  if (root.querySelector("canvas[data-chart]:not([data-drawn])")) {
    loadPart("charts").then((part) => part.initCharts(root), (err) => console.error(err));
  }
  initCountdowns(root);   // assignment deadlines and mock-interview timers: small, in this bundle
}

// Drafts still waiting to be sent (only if this page has editors).
function flushDrafts() {
  return loadedPart("editor")?.flushDrafts() ?? Promise.resolve();
}

const LOGOUT_WAIT_MS = 3000;

// Logging out sends the drafts still waiting (so nothing typed is lost), then removes every key of ours from
// localStorage: the next person at this computer starts clean.
document.addEventListener("submit", async (e) => {
  const form = e.target.closest?.("form[data-logout]");
  if (!form) return;
  e.preventDefault();
  if (form.dataset.loggingOut) return;
  form.dataset.loggingOut = "1";
  await Promise.race([flushDrafts().catch(() => {}), new Promise((done) => setTimeout(done, LOGOUT_WAIT_MS))]);
  forgetEveryone();
  form.submit();   // does not fire "submit" again
});

document.addEventListener("DOMContentLoaded", () => {
  // Logged out (the login page, an expired session): nobody's keys stay; logged in: only this user's.
  forgetOtherUsers(document.body.dataset.userId || "");
  boot(document);
});
document.addEventListener("htmx:afterSwap", (e) => boot(e.target));
