// The collector's dashboard: reads /api/v1/metrics/summary and /api/v1/metrics/{service} and redraws every
// REFRESH_MS. No build step: plain browser JavaScript and uPlot from the WebJar.
(function () {
  'use strict';

  const REFRESH_MS = 10000;
  const tableBody = document.querySelector('#services tbody');
  const instancesBody = document.querySelector('#instances tbody');
  const rangeSelect = document.getElementById('range');
  const chartBox = document.getElementById('chart');
  let selected = null;
  let plot = null;
  // The x axis always spans the chosen range, however few points it holds.
  let xRange = [0, 1];

  function text(value) {
    return value === null || value === undefined ? '–' : String(value);
  }

  function percent(value) {
    return value === null || value === undefined ? '–' : value.toFixed(value === 100 ? 0 : 2) + ' %';
  }

  function millis(value) {
    return value === null || value === undefined ? '–' : Math.round(value) + ' ms';
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString() : '–';
  }

  function cell(row, content, className) {
    const td = document.createElement('td');
    if (className) {
      const badge = document.createElement('span');
      badge.className = className;
      badge.textContent = content;
      td.appendChild(badge);
    } else {
      td.textContent = content;
    }
    row.appendChild(td);
    return td;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      let detail = response.statusText;
      try {
        detail = (await response.json()).detail || detail;
      } catch (ignored) {
        // not a problem body
      }
      throw new Error(url + ': ' + response.status + ' ' + detail);
    }
    return response.json();
  }

  function renderServices(summary) {
    tableBody.replaceChildren();
    document.getElementById('empty').hidden = summary.services.length > 0;
    for (const service of summary.services) {
      const row = document.createElement('tr');
      row.dataset.service = service.service;
      row.dataset.status = service.status;
      if (service.service === selected) {
        row.classList.add('selected');
      }
      cell(row, service.service);
      cell(row, service.status, 'status ' + service.status);
      cell(row, service.instancesUp + ' / ' + service.instancesTotal);
      cell(row, percent(service.availability1h));
      cell(row, percent(service.availability24h));
      cell(row, millis(service.responseTime.p50Millis));
      cell(row, millis(service.responseTime.p95Millis));
      cell(row, millis(service.responseTime.p99Millis));
      const change = service.lastStatusChange;
      cell(row, change ? change.from + ' → ' + change.to + ', ' + time(change.at) : '–');
      row.addEventListener('click', () => {
        selected = service.service;
        refresh();
      });
      tableBody.appendChild(row);
    }
  }

  function renderInstances(metrics) {
    instancesBody.replaceChildren();
    for (const instance of metrics.instances) {
      const row = document.createElement('tr');
      row.dataset.instance = instance.instance;
      cell(row, instance.instance);
      cell(row, instance.status, 'status ' + instance.status);
      cell(row, time(instance.since));
      cell(row, text(instance.httpStatus));
      cell(row, millis(instance.responseTimeMillis));
      cell(row, text(instance.error));
      const figures = instance.figures || {};
      cell(row, figures.requestRate == null ? '–' : figures.requestRate.toFixed(2));
      cell(row, figures.errorRate == null ? '–' : (figures.errorRate * 100).toFixed(1) + ' %');
      cell(row, millis(figures.p95Millis));
      cell(row, figures.heapUsedBytes == null ? '–' : Math.round(figures.heapUsedBytes / 1048576) + ' MB');
      cell(row, figures.cpuUsage == null ? '–' : (figures.cpuUsage * 100).toFixed(1) + ' %');
      instancesBody.appendChild(row);
    }
  }

  function renderChart(metrics) {
    const points = metrics.history;
    const data = [
      points.map(p => Date.parse(p.at) / 1000),
      points.map(p => p.avgMillis),
      points.map(p => p.p95Millis),
      points.map(p => p.availability * 100),
    ];
    chartBox.dataset.points = String(points.length);
    chartBox.dataset.service = metrics.service;
    document.getElementById('chart-service').textContent = '· ' + metrics.service;
    const width = Math.max(320, chartBox.clientWidth || 900);
    if (plot && plot.width === width) {
      plot.setData(data);
      return;
    }
    if (plot) {
      plot.destroy();
    }
    plot = new uPlot({
      width: width,
      height: 300,
      scales: { x: { time: true, range: () => xRange }, ms: { auto: true }, pct: { range: [0, 100] } },
      series: [
        {},
        { label: 'mean (ms)', scale: 'ms', stroke: '#1c7ed6', width: 2, spanGaps: false },
        { label: 'p95 (ms)', scale: 'ms', stroke: '#e8590c', width: 1.5, dash: [6, 4] },
        { label: 'availability (%)', scale: 'pct', stroke: '#2f9e44', width: 1 },
      ],
      axes: [
        {},
        { scale: 'ms', label: 'ms' },
        { scale: 'pct', side: 1, label: '%', grid: { show: false } },
      ],
    }, data, chartBox);
  }

  async function refresh() {
    const error = document.getElementById('error');
    try {
      const summary = await getJson('/api/v1/metrics/summary');
      if (!selected || !summary.services.some(s => s.service === selected)) {
        selected = summary.services.length ? summary.services[0].service : null;
      }
      renderServices(summary);
      if (selected) {
        const seconds = Number(rangeSelect.value);
        const to = new Date();
        const from = new Date(to.getTime() - seconds * 1000);
        const metrics = await getJson('/api/v1/metrics/' + encodeURIComponent(selected)
            + '?from=' + from.toISOString() + '&to=' + to.toISOString());
        xRange = [from.getTime() / 1000, to.getTime() / 1000];
        renderChart(metrics);
        renderInstances(metrics);
      }
      error.hidden = true;
      document.getElementById('refreshed').textContent = 'updated ' + new Date().toLocaleTimeString();
    } catch (e) {
      error.textContent = 'Could not refresh: ' + e.message;
      error.hidden = false;
    }
  }

  rangeSelect.addEventListener('change', refresh);
  window.addEventListener('resize', () => {
    if (plot) {
      plot.setSize({ width: Math.max(320, chartBox.clientWidth), height: 300 });
    }
  });
  refresh();
  setInterval(refresh, REFRESH_MS);
})();
