// Chart.js charts whose configuration the server renders as JSON (<canvas data-chart="id of a json_script">).
import Chart from "chart.js/auto";
import { registerPart } from "./parts.js";

export function initCharts(root) {
  root.querySelectorAll("canvas[data-chart]:not([data-drawn])").forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    const config = JSON.parse(source.textContent);
    config.options = { responsive: true, maintainAspectRatio: false, animation: false, ...(config.options || {}) };
    canvas.dataset.drawn = "1";
    canvas.chart = new Chart(canvas, config);
  });
}

registerPart("charts", { initCharts });
