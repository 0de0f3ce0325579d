// Countdowns to a server-rendered time (<span data-countdown="ISO 8601">): assignment due times and the mock
// interview's timer. The server decides what counts (a submission after the end does not); this only shows
// the time left. data-countdown-reload reloads the page once the time is up, so the page shows the summary.
const timers = new Set();

function format(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n) => String(n).padStart(2, "0");
  if (days > 0) return `${days}d ${pad(h)}:${pad(m)}:${pad(s)}`;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

function tick(el) {
  const left = Date.parse(el.dataset.countdown) - Date.now();
  if (Number.isNaN(left)) return false;
  el.textContent = left > 0 ? `${format(left)} left` : "time is up";
  el.dataset.left = String(Math.max(0, Math.floor(left / 1000)));
  if (left <= 0 && "countdownReload" in el.dataset && !el.dataset.reloaded) {
    el.dataset.reloaded = "1";
    setTimeout(() => window.location.reload(), 500);   // the server's end is authoritative; a moment's grace
  }
  return left > 0;
}

export function initCountdowns(root) {
  root.querySelectorAll("[data-countdown]:not([data-counting])").forEach((el) => {
    el.dataset.counting = "1";
    if (!tick(el)) return;
    const timer = setInterval(() => {
      if (!el.isConnected || !tick(el)) {
        clearInterval(timer);
        timers.delete(timer);
      }
    }, 1000);
    timers.add(timer);
  });
}
