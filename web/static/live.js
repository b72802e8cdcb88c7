// The live deadline board (web/staff/live.py): the element [data-live-events] listens to the
// server's event stream and replaces its board with each "board" event's HTML (rendered by the
// server from api.deadline_board; nothing is computed here). When no stream can be opened (the
// process serves its limit of streams, or the network drops it for good), the board is fetched
// again every 10 seconds instead. No inline script: the Content-Security-Policy forbids it.
document.addEventListener("DOMContentLoaded", function () {
  var live = document.querySelector("[data-live-events]");
  if (!live) return;
  var board = live.querySelector(".okv3-live-board-content");
  var status = live.querySelector(".okv3-live-status");
  var polling = null;

  function show(html, how) {
    if (typeof Chart !== "undefined") {
      board.querySelectorAll("canvas").forEach(function (canvas) {
        var chart = Chart.getChart(canvas);
        if (chart) chart.destroy();
      });
    }
    board.innerHTML = html;
    if (window.okv3DrawCharts) window.okv3DrawCharts(board);
    live.setAttribute("data-updates", String(Number(live.getAttribute("data-updates") || "0") + 1));
    // the time the server answered, in the course's zone (the board's own "As of" line)
    var asOf = board.querySelector(".okv3-live-asof time");
    status.textContent = how + (asOf ? ", as of " + asOf.textContent : "");
  }

  function poll() {
    if (polling) return;
    status.textContent = "Live updates unavailable: reloading every 10 seconds";
    polling = setInterval(function () {
      fetch(live.getAttribute("data-live-board"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) { show(html, "Reloaded every 10 seconds"); })
        .catch(function () { status.textContent = "Could not reach the server; trying again"; });
    }, 10000);
  }

  if (!window.EventSource) { poll(); return; }
  var source = new EventSource(live.getAttribute("data-live-events"));
  source.addEventListener("open", function () { status.textContent = "Live"; });
  source.addEventListener("board", function (event) {
    show(JSON.parse(event.data).html, "Live");
  });
  source.addEventListener("error", function () {
    // CLOSED: the server refused the stream (503) and the browser gave up; otherwise the
    // browser reconnects by itself (after the stream's end, or a network blip)
    if (source.readyState === EventSource.CLOSED) poll();
    else status.textContent = "Reconnecting...";
  });
});
