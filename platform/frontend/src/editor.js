// CodeMirror 6 editors bound to hidden <textarea>s, so forms (and htmx) post their content as usual.
// A draft is autosaved to localStorage per problem; "Reset" puts the starter code back.
import { EditorView, basicSetup } from "codemirror";
import { python } from "@codemirror/lang-python";
import { markdown } from "@codemirror/lang-markdown";
import { keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";

const SAVE_DELAY_MS = 400;
// CodeMirror puts its theme in a <style> element; the Content-Security-Policy admits it by this response's
// nonce (base.html), not by 'unsafe-inline'.
const CSP_NONCE = document.querySelector('meta[name="csp-nonce"]')?.content || "";

function storageGet(key) {
  try { return window.localStorage.getItem(key); } catch { return null; }
}
function storageSet(key, value) {
  try { window.localStorage.setItem(key, value); } catch { /* private mode or full: drafts are a nicety */ }
}
function storageRemove(key) {
  try { window.localStorage.removeItem(key); } catch { /* ignore */ }
}

function setDoc(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

export function initEditors(root) {
  root.querySelectorAll("textarea[data-editor]:not([data-editor-ready])").forEach((textarea) => {
    textarea.dataset.editorReady = "1";
    const lang = textarea.dataset.editor === "markdown" ? markdown() : python();
    const draftKey = textarea.dataset.draftKey || null;
    const starter = textarea.value;
    const saved = draftKey ? storageGet(draftKey) : null;
    let timer = null;
    const host = document.createElement("div");
    host.className = "editor";
    textarea.insertAdjacentElement("afterend", host);
    textarea.hidden = true;
    const view = new EditorView({
      doc: saved ?? starter,
      parent: host,
      extensions: [
        basicSetup,
        EditorView.cspNonce.of(CSP_NONCE),
        keymap.of([indentWithTab]),
        lang,
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          textarea.value = update.state.doc.toString();
          textarea.dispatchEvent(new Event("input", { bubbles: true }));
          if (draftKey) {
            clearTimeout(timer);
            timer = setTimeout(() => storageSet(draftKey, textarea.value), SAVE_DELAY_MS);
          }
        }),
      ],
    });
    textarea.value = view.state.doc.toString();
    textarea.editorView = view;
    const form = textarea.form;
    form?.querySelectorAll("[data-editor-reset]").forEach((button) => {
      button.addEventListener("click", (e) => {
        e.preventDefault();
        if (!window.confirm("Replace your code with the starter code? Your draft will be lost.")) return;
        setDoc(view, starter);
        if (draftKey) storageRemove(draftKey);
      });
    });
  });
}
