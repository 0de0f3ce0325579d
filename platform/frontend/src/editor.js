// CodeMirror 6 editors bound to hidden <textarea>s, so forms (and htmx) post their content as usual.
// Code drafts are autosaved to the server (data-draft-url: per user and problem, restored on any device),
// debounced, and at once on blur, before Run/Submit, when the page is left and before logging out. While a
// save has not reached the server, a copy waits in localStorage under the user's id (data-draft-key) and is
// offered again on the next load if nobody saved a newer draft meanwhile. Answers to design problems are kept
// in localStorage only, under the user's id. "Reset" puts the starter code back and forgets the draft.
import { EditorView, basicSetup } from "codemirror";
import { python } from "@codemirror/lang-python";
import { markdown } from "@codemirror/lang-markdown";
import { indentUnit } from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { registerPart } from "./parts.js";
import { storageGet, storageRemove, storageSet } from "./storage.js";

// Python's indentation is 4 spaces (PEP 8, and every starter and reference file). CodeMirror's default unit is
// 2: Enter after "def f():" gave 2 spaces, Enter at the end of a 4-space body dedented it to 2, so people
// pressed Tab or typed spaces on top and got mixed and doubled indentation that Python then rejected.
const INDENT = "    ";

const LOCAL_SAVE_DELAY_MS = 400;
const SERVER_SAVE_DELAY_MS = 1500;
// CodeMirror puts its theme in a <style> element; the Content-Security-Policy admits it by this response's
// nonce (base.html), not by 'unsafe-inline'.
const CSP_NONCE = document.querySelector('meta[name="csp-nonce"]')?.content || "";

// The flush of every server-backed editor on the page: logging out waits for them (flushDrafts).
const flushers = new Set();

export function flushDrafts() {
  return Promise.all([...flushers].map((flush) => flush()));
}

function setDoc(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

function csrfToken(form) {
  return form?.querySelector("input[name=csrfmiddlewaretoken]")?.value ?? "";
}

function readPending(key) {
  try {
    const pending = JSON.parse(storageGet(key) ?? "null");
    return typeof pending?.source === "string" && typeof pending?.base === "string" ? pending : null;
  } catch {
    return null;
  }
}

// The server copy of one editor's draft. Returns the text the editor starts from and the hooks it calls.
function serverDraft(textarea, status) {
  const url = textarea.dataset.draftUrl;
  const key = textarea.dataset.draftKey || null;
  const form = textarea.form;
  let savedAt = textarea.dataset.draftSavedAt || "";   // the server draft this editor's text is based on
  let lastSaved = textarea.value;                       // what the server holds (or the starter: no draft)
  let chain = Promise.resolve();                        // one request at a time, in order
  let serverTimer = null;
  let localTimer = null;

  const show = (text) => { if (status) status.textContent = text; };
  const keepLocal = (text) => { if (key) storageSet(key, JSON.stringify({ source: text, base: savedAt })); };

  async function send(keepalive) {
    const text = textarea.value;
    if (text === lastSaved) {
      if (key) storageRemove(key);
      return;
    }
    show("Saving…");
    let response;
    try {
      response = await fetch(url, {
        method: "POST", credentials: "same-origin", keepalive, redirect: "manual",
        headers: { "X-CSRFToken": csrfToken(form) }, body: new URLSearchParams({ source: text }),
      });
    } catch {
      keepLocal(text);
      show("Not saved: offline? Kept in this browser for now.");
      return;
    }
    if (response.ok && (response.headers.get("content-type") || "").includes("json")) {
      savedAt = (await response.json()).saved_at;
      lastSaved = text;
      if (textarea.value === text) {
        if (key) storageRemove(key);
        show("Saved");
      } else {
        keepLocal(textarea.value);
      }
    } else if (response.status === 400 || response.status === 413) {
      show(await response.text());   // the reason, as plain text: the previous draft is kept on the server
    } else {
      keepLocal(text);
      show("Not saved (logged out?). Kept in this browser for now.");
    }
  }

  function save({ keepalive = false } = {}) {
    clearTimeout(serverTimer);
    chain = chain.then(() => send(keepalive), () => send(keepalive));
    return chain;
  }

  // A copy this browser could not send last time, based on the draft the server still holds: it is newer.
  const pending = key ? readPending(key) : null;
  let initial = textarea.value;
  if (pending && pending.base === savedAt && pending.source !== textarea.value) {
    initial = pending.source;
    setTimeout(save, 0);
  } else if (key) {
    storageRemove(key);
  }

  return {
    initial,
    changed(text) {
      show("");
      clearTimeout(localTimer);
      localTimer = setTimeout(() => { if (textarea.value !== lastSaved) keepLocal(textarea.value); },
        LOCAL_SAVE_DELAY_MS);
      clearTimeout(serverTimer);
      serverTimer = setTimeout(save, SERVER_SAVE_DELAY_MS);
    },
    flush: save,
    async reset(view, starter) {
      clearTimeout(serverTimer);
      clearTimeout(localTimer);
      await chain.catch(() => {});
      lastSaved = starter;   // setDoc below changes nothing to save: no draft means the starter
      setDoc(view, starter);
      if (key) storageRemove(key);
      chain = fetch(url, { method: "DELETE", credentials: "same-origin", headers: { "X-CSRFToken": csrfToken(form) } })
        .then((r) => { if (r.ok) { savedAt = ""; show("Reset to the starter code"); } })
        .catch(() => show("Not reset on the server: offline?"));
      return chain;
    },
  };
}

// An answer kept in this browser only (design problems).
function localDraft(textarea) {
  const key = textarea.dataset.draftKey || null;
  let timer = null;
  return {
    initial: (key && storageGet(key)) ?? textarea.value,
    changed(text) {
      if (!key) return;
      clearTimeout(timer);
      timer = setTimeout(() => storageSet(key, text), LOCAL_SAVE_DELAY_MS);
    },
    flush: () => Promise.resolve(),
    reset(view, starter) {
      clearTimeout(timer);
      setDoc(view, starter);
      if (key) storageRemove(key);
    },
  };
}

// Ctrl/Cmd+Enter runs the examples, Ctrl/Cmd+Shift+Enter submits: a click on the form's own button, so htmx,
// its disabled-while-sending state and the draft flush all behave as for a click. A form without the button
// (design answers have no Run) lets the key do what it did.
function shortcuts(form) {
  const press = (selector) => () => {
    const button = form?.querySelector(selector);
    if (!button) return false;
    if (!button.disabled) button.click();
    return true;
  };
  return [
    { key: "Mod-Enter", run: press("[data-shortcut=run]") },
    { key: "Mod-Shift-Enter", run: press("[data-shortcut=submit]") },
  ];
}

export function initEditors(root) {
  root.querySelectorAll("textarea[data-editor]:not([data-editor-ready])").forEach((textarea) => {
    textarea.dataset.editorReady = "1";
    const lang = textarea.dataset.editor === "markdown" ? markdown() : python();
    const form = textarea.form;
    const starter = textarea.dataset.starter ?? textarea.value;
    const draft = textarea.dataset.draftUrl
      ? serverDraft(textarea, form?.querySelector("[data-draft-status]"))
      : localDraft(textarea);
    const host = document.createElement("div");
    host.className = "editor";
    textarea.insertAdjacentElement("afterend", host);
    textarea.hidden = true;
    const view = new EditorView({
      doc: draft.initial,
      parent: host,
      extensions: [
        basicSetup,
        EditorView.cspNonce.of(CSP_NONCE),
        indentUnit.of(INDENT),
        EditorState.tabSize.of(INDENT.length),
        // Above basicSetup's keymap, where Mod-Enter inserts a blank line.
        Prec.highest(keymap.of(shortcuts(form))),
        keymap.of([indentWithTab]),
        lang,
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          textarea.value = update.state.doc.toString();
          textarea.dispatchEvent(new Event("input", { bubbles: true }));
          draft.changed(textarea.value);
        }),
        EditorView.domEventHandlers({ blur: () => { draft.flush(); } }),
      ],
    });
    textarea.value = view.state.doc.toString();
    textarea.editorView = view;
    flushers.add(draft.flush);
    // Run and Submit post the code themselves; the draft is saved with them.
    form?.addEventListener("htmx:beforeRequest", () => draft.flush());
    form?.addEventListener("submit", () => draft.flush());
    form?.querySelectorAll("[data-editor-reset]").forEach((button) => {
      button.addEventListener("click", (e) => {
        e.preventDefault();
        if (!window.confirm("Replace your code with the starter code? Your draft will be lost.")) return;
        draft.reset(view, starter);
      });
    });
  });
}

// Leaving the page (or hiding it, on mobile) sends what is left; keepalive lets the request outlive the page.
window.addEventListener("pagehide", () => flushers.forEach((flush) => flush({ keepalive: true })));

registerPart("editor", { initEditors, flushDrafts });
