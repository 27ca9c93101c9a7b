// Reads the page's chart data (a JSON block, which the Content-Security-
// Policy allows where an inline script would not be) for report.js.
(function () {
  'use strict';
  var el = document.getElementById('mc-data');
  window.MODELCENSUS = el ? JSON.parse(el.textContent) : { charts: [] };
  // Filters submit on change, so that the URL always holds the view.
  document.querySelectorAll('form.filters select').forEach(function (s) {
    s.addEventListener('change', function () { s.form.submit(); });
  });
  // The Thresholds page's year slider shows its year as it moves, and
  // shows that year's figures when let go.
  document.querySelectorAll('input[data-year-slider]').forEach(function (r) {
    var out = r.form.querySelector('output[data-year]');
    r.addEventListener('input', function () { if (out) { out.textContent = r.value; } });
    r.addEventListener('change', function () { r.form.submit(); });
  });
})();
