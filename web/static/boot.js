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
})();
