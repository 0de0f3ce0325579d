// mljudge's browser code: htmx for live status, CodeMirror 6 for code and Markdown answers, KaTeX for math,
// Chart.js for leaderboard and profile charts.
import htmx from "htmx.org";
import katex from "katex";
import { initCharts } from "./charts.js";
import { initCountdowns } from "./countdown.js";
import { flushDrafts, initEditors } from "./editor.js";
import { forgetEveryone, forgetOtherUsers } from "./storage.js";

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

function renderMath(root) {
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

function boot(root) {
  renderMath(root);
  initEditors(root);
  initCharts(root);
  initCountdowns(root);
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
