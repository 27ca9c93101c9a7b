// Draws the report's charts with ECharts from the data in MODELCENSUS.
// Tooltips are drawn by ECharts itself (renderMode 'richText'), not as
// HTML: no markup from the data reaches the page, and no inline style,
// which the dashboard's Content-Security-Policy forbids.
(function () {
  'use strict';
  var data = window.MODELCENSUS || MODELCENSUS;
  var palette = ['#2f5aa8', '#d0593b', '#3a9a6a', '#8a5cb8', '#c49a1b', '#3f8fb5', '#b5486e', '#6b7280', '#94a3b8'];
  // text keeps data out of ECharts' rich-text markup ({style|text}).
  function text(s) { return String(s).replace(/[{}|]/g, ' '); }
  var superscript = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  // formatFLOP is publish.FormatFLOP's twin (publish/tables.go), so that a
  // chart prints compute as the tables beside it do: 5 × 10²⁶, 2.1 × 10²⁵,
  // 10²³ for an exact power of ten; numbers under 10⁶ as they are.
  function formatFLOP(v) {
    v = Number(v);
    if (!isFinite(v) || v < 1e6) { return String(v); }
    var exp = Math.floor(Math.log10(v));
    var mant = v / Math.pow(10, exp);
    if (mant >= 9.995) { mant = mant / 10; exp = exp + 1; }
    var sup = String(exp).split('').map(function (c) { return superscript[c]; }).join('');
    var m = mant.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
    return m === '1' ? '10' + sup : m + ' × 10' + sup;
  }
  window.modelcensusFormatFLOP = formatFLOP;
  function fmtText(v) {
    if (typeof v !== 'number') { return text(v); }
    if (Math.abs(v) >= 1e6) { return formatFLOP(v); }
    return (Math.round(v * 100) / 100).toLocaleString(data.lang === 'ko' ? 'ko-KR' : 'en-US');
  }
  function barOption(c, horizontal) {
    var categories = c.categories || [];
    var cats = horizontal ? categories.slice().reverse() : categories;
    var series = (c.series || []).map(function (s, i) {
      return {
        name: s.name, type: 'bar', data: horizontal ? (s.values || []).slice().reverse() : (s.values || []),
        itemStyle: { color: palette[i % palette.length] }, barMaxWidth: 36,
        label: { show: true, position: horizontal ? 'right' : 'top', formatter: function (p) { return fmtText(p.value); } }
      };
    });
    var cat = { type: 'category', data: cats, axisLabel: { interval: 0, width: 180, overflow: 'truncate' } };
    var val = { type: 'value', minInterval: 1 };
    // Several series (a figure by two dimensions) need a legend that names
    // each colour; one series is named by the figure's title.
    var several = series.length > 1;
    return {
      animation: false, color: palette,
      legend: several ? { type: 'scroll', top: 0 } : { show: false },
      grid: { left: horizontal ? 190 : 48, right: 48, top: several ? 48 : 24, bottom: 32 },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText',
        formatter: function (ps) {
          if (!several) { return ps.map(function (p) { return text(p.name) + ': ' + fmtText(p.value); }).join('\n'); }
          return [text(ps.length ? ps[0].name : '')].concat(ps.map(function (p) { return text(p.seriesName) + ': ' + fmtText(p.value); })).join('\n');
        }
      },
      xAxis: horizontal ? val : cat, yAxis: horizontal ? cat : val, series: series
    };
  }
  function lineOption(c) {
    var series = (c.series || []).map(function (s, i) {
      return {
        name: s.name, type: 'line', data: s.values || [], symbolSize: 9, cursor: 'pointer',
        itemStyle: { color: palette[i % palette.length] },
        label: { show: true, position: 'top', formatter: function (p) { return fmtText(p.value); } }
      };
    });
    if (series.length > 0 && c.breaks && c.breaks.length > 0) {
      // A change of dataset is a break in the series, not drift.
      series[0].markLine = {
        silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#b5486e' },
        label: { formatter: text(c.break_label || ''), position: 'insideEndTop' },
        data: c.breaks.map(function (b) { return { xAxis: b }; })
      };
    }
    return {
      animation: false, color: palette,
      grid: { left: 48, right: 32, top: 32, bottom: 48 },
      tooltip: { trigger: 'item', renderMode: 'richText', formatter: function (p) { return text(p.name) + ': ' + fmtText(p.value); } },
      xAxis: { type: 'category', data: c.categories || [], axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series
    };
  }
  function scatterOption(c) {
    var series = (c.scatter || []).map(function (s, i) {
      return {
        name: s.name, type: 'scatter', symbolSize: 7,
        itemStyle: { color: palette[i % palette.length], opacity: 0.85 },
        data: s.points.map(function (p) {
          var d = { value: [p.date, p.flop], model: p.model, org: p.org, country: p.country, estimated: !!p.estimated };
          // An estimate (--estimate-missing) is drawn hollow.
          if (p.estimated) { d.itemStyle = { color: '#fff', borderColor: palette[i % palette.length], borderWidth: 1.5 }; }
          return d;
        })
      };
    });
    if (series.length > 0) {
      series[0].markLine = {
        silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#444' },
        label: { formatter: data.thresholdLabel, position: 'insideEndTop' },
        data: [{ yAxis: data.threshold }]
      };
    }
    return {
      animation: false, color: palette,
      legend: { type: 'plain', top: 0 },
      grid: { left: 64, right: 32, top: 64, bottom: 40 },
      tooltip: {
        trigger: 'item', renderMode: 'richText',
        formatter: function (p) {
          var d = p.data;
          return [text(d.model), text(d.org), text(d.country),
            text(d.value[0]) + ' · ' + formatFLOP(d.value[1]) + ' FLOP' +
            (d.estimated ? ' ' + data.estimatedLabel : '')].join('\n');
        }
      },
      xAxis: { type: 'time' },
      yAxis: { type: 'log', logBase: 10, axisLabel: { formatter: function (v) { return formatFLOP(v); } } },
      series: series
    };
  }
  var charts = [];
  (data.charts || []).forEach(function (c) {
    var el = document.getElementById('chart-' + c.id);
    if (!el || typeof echarts === 'undefined') { return; }
    var chart = echarts.init(el, null, { renderer: 'svg', locale: data.lang === 'ko' ? 'KO' : 'EN' });
    if (c.kind === 'line') {
      chart.setOption(lineOption(c));
      // Each point leads to the explanation of the step that ends there.
      chart.on('click', function (p) { if (c.links && c.links[p.dataIndex]) { window.location.href = c.links[p.dataIndex]; } });
    } else {
      chart.setOption(c.kind === 'scatter' ? scatterOption(c) : barOption(c, c.kind === 'hbar'));
    }
    el.setAttribute('data-drawn', 'true');
    charts.push(chart);
  });
  window.modelcensusChartsDrawn = charts.length;
  function resize() { charts.forEach(function (c) { c.resize(); }); }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  // Printing (and a headless browser's PDF) lays the page out for print
  // media, where charts are sized for A4: draw them again at that size.
  if (window.matchMedia) {
    var printing = window.matchMedia('print');
    if (printing.addEventListener) { printing.addEventListener('change', resize); } else if (printing.addListener) { printing.addListener(resize); }
  }
})();
