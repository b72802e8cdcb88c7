// The scores page's distributions: each <canvas data-chart='{"labels": [...], "counts": [...],
// "label": "..."}'> becomes a Chart.js bar chart. The data is the database's (api.scores_page
// bins the scores); this only draws it. No inline script: the Content-Security-Policy allows
// scripts from this site only.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof Chart === "undefined") return;
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute("data-chart"));
    new Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: [{ label: data.label, data: data.counts }] },
      options: { animation: false, plugins: { legend: { display: false } },
                 scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  });
});
