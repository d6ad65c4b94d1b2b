/* Draws every chart of the page with Chart.js (vendor/chartjs/chart.umd.min.js, loaded before this script by
   templates/includes/chart_scripts.html).

   A chart is a table first (templates/includes/chart.html, core/charts.py): <figure class="site-chart"
   data-chart="bar|line|stacked">, whose table has the categories in its row headers, the series in its column
   headers and the figures in data-value attributes (a cell without one has no figure). This script reads that
   table and puts a drawing of the same numbers before it; the table stays, for screen readers, print and anyone
   who wants the exact figures. Without JavaScript the table is all there is, which is complete.

   Colours come from the theme (--kennisplatform-chart-color-1…6 in static/css/theme.css). Chart.js styles its
   canvas through the CSSOM, which the Content-Security-Policy (style-src 'self') allows; nothing here writes a
   style attribute or inserts a stylesheet. */
(function () {
  "use strict";
  var COLOURS = 6;

  function token(name) {
    return getComputedStyle(document.body).getPropertyValue(name).trim();
  }

  function readTable(table) {
    var headers = table.querySelectorAll("thead th");
    var series = [];
    for (var column = 1; column < headers.length; column++) {
      series.push({ label: headers[column].textContent.trim(), values: [] });
    }
    var categories = [];
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var header = row.querySelector("th");
      categories.push(header ? header.textContent.trim() : "");
      row.querySelectorAll("td").forEach(function (cell, index) {
        if (!series[index]) return;
        var value = cell.getAttribute("data-value");
        series[index].values.push(value === null ? null : Number(value));
      });
    });
    return { categories: categories, series: series };
  }

  function options(kind, decimals, multiple) {
    var text = token("--kennisplatform-text-color");
    var grid = token("--kennisplatform-divider-color");
    var stacked = kind === "stacked";
    var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    return {
      animation: reduceMotion ? false : { duration: 400 },
      locale: document.documentElement.lang || undefined,
      maintainAspectRatio: true,
      aspectRatio: 2,
      responsive: true,
      color: text,
      plugins: {
        legend: { display: multiple, labels: { color: text } },
        tooltip: { enabled: true },
      },
      scales: {
        x: { stacked: stacked, ticks: { color: text }, grid: { display: false } },
        y: {
          stacked: stacked,
          beginAtZero: true,
          ticks: { color: text, precision: decimals },
          grid: { color: grid },
        },
      },
    };
  }

  function draw(figure) {
    if (!window.Chart || figure.querySelector("canvas")) return;
    var kind = figure.getAttribute("data-chart") || "bar";
    var table = figure.querySelector("table");
    if (!table) return;
    var data = readTable(table);
    var decimals = parseInt(figure.getAttribute("data-decimals") || "0", 10) || 0;

    var frame = document.createElement("div");
    frame.className = "site-chart__drawing";
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", figure.getAttribute("data-label") || "");
    frame.appendChild(canvas);
    var container = table.closest(".utrecht-table-container") || table;
    container.parentNode.insertBefore(frame, container);

    var datasets = data.series.map(function (series, index) {
      var colour = token("--kennisplatform-chart-color-" + ((index % COLOURS) + 1));
      return {
        label: series.label,
        data: series.values,
        backgroundColor: colour,
        borderColor: colour,
        borderWidth: kind === "line" ? 2 : 0,
        pointRadius: kind === "line" ? 3 : 0,
        spanGaps: false,
      };
    });
    new window.Chart(canvas, {
      type: kind === "line" ? "line" : "bar",
      data: { labels: data.categories, datasets: datasets },
      options: options(kind, decimals, datasets.length > 1),
    });
  }

  var SELECTOR = "figure.site-chart[data-chart]";

  function drawAll(root) {
    root = root || document;
    if (root.matches && root.matches(SELECTOR)) draw(root);
    if (root.querySelectorAll) root.querySelectorAll(SELECTOR).forEach(draw);
  }

  // Print: the page is narrower on paper; each chart is resized to it before printing and back afterwards.
  function resizeAll() {
    if (!window.Chart) return;
    document.querySelectorAll(".site-chart__drawing canvas").forEach(function (canvas) {
      var chart = window.Chart.getChart(canvas);
      if (chart) chart.resize();
    });
  }
  window.addEventListener("beforeprint", resizeAll);
  window.addEventListener("afterprint", resizeAll);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      drawAll(document);
    });
  } else {
    drawAll(document);
  }
  // Content htmx swaps in (a dashboard's period, for example) is drawn as well.
  document.addEventListener("htmx:load", function (event) {
    drawAll(event.detail && event.detail.elt);
  });
})();
