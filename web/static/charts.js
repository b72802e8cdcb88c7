// Charts drawn from the database's numbers: each <canvas data-chart='{...}'> becomes a Chart.js
// chart. {"labels": [...], "counts": [...], "label": "..."} is a bar chart (the scores page's
// distributions, the stats page's backups per hour); {"type": "line", "labels": [...],
// "datasets": [{"label", "data"}]} a line chart with several series (a student's timeline).
// The pages compute nothing: this only draws. No inline script: the Content-Security-Policy
// allows scripts from this site only.
// okv3DrawCharts(root): draw every chart inside root (the live board calls it again after each
// update, having replaced its charts' canvases).
window.okv3DrawCharts = function (root) {
  if (typeof Chart === "undefined") return;
  root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute("data-chart"));
    var datasets = data.datasets || [{ label: data.label, data: data.counts }];
    new Chart(canvas, {
      type: data.type || "bar",
      data: { labels: data.labels, datasets: datasets },
      options: { animation: false,
                 plugins: { legend: { display: datasets.length > 1 } },
                 scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  });
};
document.addEventListener("DOMContentLoaded", function () { window.okv3DrawCharts(document); });
