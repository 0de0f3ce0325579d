// localStorage, used only as a per-user fallback: drafts live on the server (per user, any device). Every key of
// ours is "mljudge:<kind>:<user id>:<...>", so that the next person at a shared computer never sees them.
const PREFIX = "mljudge:";

export function storageGet(key) {
  try { return window.localStorage.getItem(key); } catch { return null; }
}
export function storageSet(key, value) {
  try { window.localStorage.setItem(key, value); } catch { /* private mode or full: the server has the draft */ }
}
export function storageRemove(key) {
  try { window.localStorage.removeItem(key); } catch { /* ignore */ }
}

function ourKeys() {
  try {
    return Object.keys(window.localStorage).filter((key) => key.startsWith(PREFIX));
  } catch {
    return [];
  }
}

// Keeps only the keys of the user this page was rendered for (userId "" when logged out: none). Removes
// another user's keys (a session that ended without "Log out"), and the old unscoped "mljudge:draft:<slug>".
export function forgetOtherUsers(userId) {
  ourKeys().forEach((key) => {
    const parts = key.split(":");
    if (!userId || parts.length < 4 || parts[2] !== userId) storageRemove(key);
  });
}

export function forgetEveryone() {
  ourKeys().forEach(storageRemove);
}
