import type { RehearsalReport } from './report.js';

/**
 * The rehearsal report as one self-contained HTML page: the data is embedded as JSON and drawn as inline
 * SVG by inline script, so the page opens from a file, offline, with nothing fetched from anywhere.
 */
export function renderReportHtml(report: RehearsalReport): string {
  // `<` escaped so no value can close the script element (e.g. a description containing "</script>").
  const data = JSON.stringify(report).replace(/</g, '\\u003c');
  const title = `Rehearsal ${escapeHtml(report.campaign.id)}: ${escapeHtml(report.campaign.state)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330;max-width:1100px}
h1{font-size:20px}h2{font-size:16px;margin:28px 0 6px}
table{border-collapse:collapse}td,th{padding:2px 12px 2px 0;text-align:left;vertical-align:top}
th{font-weight:600;color:#556}.ok{color:#17803d}.bad{color:#b42318}
svg{background:#fafbfc;border:1px solid #e3e6ea}.legend span{display:inline-block;margin-right:14px}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
</style></head><body>
<h1>${title}</h1>
<table id="facts"></table>
<h2>Execution states over time</h2><div id="states"></div>
<h2>Download throughput over time</h2><div id="throughput"></div>
<h2>Time to update (first offer to success)</h2><div id="ttu"></div>
<h2>Failures by result code</h2><div id="failures"></div>
<script id="report-data" type="application/json">${data}</script>
<script>
${CLIENT_SCRIPT}
</script>
</body></html>
`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Runs in the browser: draws the charts from the embedded data with plain DOM calls and SVG. */
const CLIENT_SCRIPT = String.raw`
const R = JSON.parse(document.getElementById('report-data').textContent);
// The SVG namespace comes from the HTML parser (an <svg> in markup), so the page names no URL at all.
const probe = document.createElement('div'); probe.innerHTML = '<svg></svg>';
const NS = probe.firstChild.namespaceURI;
const W = 1000, H = 260, L = 60, B = 30, T = 10;
const COLORS = { queued: '#9aa4b2', offered: '#7b61ff', downloading: '#2e90fa', installing: '#f79009', installed: '#fdb022',
  retry_wait: '#e478fa', succeeded: '#12b76a', failed: '#f04438', timed_out: '#b42318', cancelled: '#667085', rejected: '#c11574' };
const color = (k, i) => COLORS[k] || ['#0e9384', '#dd2590', '#6172f3', '#ee46bc'][i % 4];
function el(name, attrs, parent) {
  const e = document.createElementNS(NS, name);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(e);
  return e;
}
function text(parent, x, y, s, anchor) { const t = el('text', { x, y, 'font-size': 11, fill: '#556', 'text-anchor': anchor || 'start' }, parent); t.textContent = s; return t; }
function chart(id, xMax, yMax, xLabel, yFmt) {
  const svg = el('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H });
  document.getElementById(id).appendChild(svg);
  const x = (v) => L + (v / (xMax || 1)) * (W - L - 10), y = (v) => H - B - (v / (yMax || 1)) * (H - B - T);
  for (let i = 0; i <= 4; i++) {
    const v = (yMax * i) / 4;
    el('line', { x1: L, x2: W - 10, y1: y(v), y2: y(v), stroke: '#e3e6ea' }, svg);
    text(svg, L - 6, y(v) + 4, yFmt(v), 'end');
  }
  for (let i = 0; i <= 5; i++) text(svg, x((xMax * i) / 5), H - B + 16, xLabel((xMax * i) / 5), 'middle');
  return { svg, x, y };
}
function legend(id, keys) {
  const d = document.createElement('div'); d.className = 'legend';
  keys.forEach((k, i) => { const s = document.createElement('span'); s.innerHTML = '<i style="background:' + color(k, i) + '"></i>'; s.append(k); d.appendChild(s); });
  document.getElementById(id).appendChild(d);
}
const secs = (ms) => (ms / 1000).toFixed(ms < 10000 ? 1 : 0) + ' s';
const fmtDur = (ms) => ms >= 3600000 ? (ms / 3600000).toFixed(1) + ' h' : ms >= 60000 ? (ms / 60000).toFixed(1) + ' min' : secs(ms);

// Facts: the two questions a rehearsal answers first.
const facts = document.getElementById('facts');
const rows = [
  ['campaign', R.campaign.state + (R.campaign.pauseReason ? ' (paused itself: ' + R.campaign.pauseReason.message + ')' : '')],
  ['vehicles', R.summary.vehicles + ' in fleet "' + R.fleet.name + '", ' + R.summary.eligible + ' eligible, ' + R.summary.succeeded + ' succeeded, ' + R.summary.failed + ' failed'],
  ['measured duration', fmtDur(R.duration.measuredMs) + ' at time scale ' + R.settings.timeScale],
  ['projected real-time duration', R.duration.projectedRealTimeMs === null ? 'not enough successes to project' : fmtDur(R.duration.projectedRealTimeMs) + ' (estimate: ' + R.duration.method + ')'],
  ['thresholds', R.thresholds.verdict],
  ['sent', (R.summary.bytesSent / 1e6).toFixed(1) + ' MB, ' + R.summary.throughputMBps.toFixed(2) + ' MB/s on average, ' + R.summary.reconnects + ' reconnects'],
];
for (const [k, v] of rows) { const tr = facts.insertRow(); tr.insertCell().outerHTML = '<th>' + k + '</th>'; tr.insertCell().textContent = v; }

// States over time: stacked areas.
(function states() {
  const s = R.timeline; if (!s.length) return;
  // Every state that ever held a vehicle, known ones in lifecycle order, so the stack always adds up.
  const seen = new Set(s.flatMap((p) => Object.keys(p.counts).filter((k) => p.counts[k] > 0)));
  const keys = Object.keys(COLORS).filter((k) => seen.has(k)).concat([...seen].filter((k) => !(k in COLORS)));
  const tMax = s[s.length - 1].tMs, total = Math.max(1, ...s.map((p) => keys.reduce((a, k) => a + (p.counts[k] || 0), 0)));
  const c = chart('states', tMax, total, secs, (v) => Math.round(v));
  const base = s.map(() => 0);
  keys.forEach((k, i) => {
    const top = s.map((p, j) => base[j] + (p.counts[k] || 0));
    const pts = s.map((p, j) => c.x(p.tMs) + ',' + c.y(top[j])).concat(s.map((p, j) => c.x(p.tMs) + ',' + c.y(base[j])).reverse());
    el('polygon', { points: pts.join(' '), fill: color(k, i), opacity: 0.85, 'data-state': k }, c.svg);
    top.forEach((v, j) => (base[j] = v));
  });
  legend('states', keys);
})();

// Throughput: bytes per second between samples, gateway side and fleet side.
(function throughput() {
  const s = R.timeline; if (s.length < 2) return;
  const rate = (key) => s.slice(1).map((p, i) => ({ t: p.tMs, v: ((p[key] - s[i][key]) * 1000) / Math.max(1, p.tMs - s[i].tMs) }));
  const sent = rate('bytesSent'), recv = rate('bytesReceived');
  const max = Math.max(1, ...sent.map((p) => p.v), ...recv.map((p) => p.v));
  const c = chart('throughput', s[s.length - 1].tMs, max, secs, (v) => (v / 1e6).toFixed(1) + ' MB/s');
  [['gateway sent', sent], ['fleet received', recv]].forEach(([k, pts], i) => {
    el('polyline', { points: pts.map((p) => c.x(p.t) + ',' + c.y(p.v)).join(' '), fill: 'none', stroke: color(k, i), 'stroke-width': 2 }, c.svg);
  });
  legend('throughput', ['gateway sent', 'fleet received']);
})();

// Time to update: histogram of first offer to success.
(function ttu() {
  const v = R.timeToUpdate.ms; if (!v.length) { document.getElementById('ttu').textContent = 'no successful updates'; return; }
  const max = Math.max(...v), bins = Math.min(30, Math.max(5, Math.ceil(Math.sqrt(v.length)))), w = max / bins || 1;
  const counts = new Array(bins).fill(0);
  for (const x of v) counts[Math.min(bins - 1, Math.floor(x / w))]++;
  const c = chart('ttu', max, Math.max(4, ...counts), secs, (n) => Math.round(n)); // at least 4: whole-number ticks
  counts.forEach((n, i) => el('rect', { x: c.x(i * w) + 1, y: c.y(n), width: Math.max(1, c.x(w) - c.x(0) - 2), height: c.y(0) - c.y(n), fill: '#2e90fa' }, c.svg));
  const p = R.timeToUpdate;
  const d = document.createElement('div'); d.textContent = 'median ' + secs(p.p50Ms) + ', p90 ' + secs(p.p90Ms) + ', max ' + secs(p.maxMs) + ' over ' + v.length + ' vehicles';
  document.getElementById('ttu').appendChild(d);
})();

// Failures by result code: horizontal bars.
(function failures() {
  const e = Object.entries(R.failuresByCode).sort((a, b) => b[1] - a[1]);
  if (!e.length) { document.getElementById('failures').textContent = 'no failures'; return; }
  const rowH = 22, svg = el('svg', { width: W, height: e.length * rowH + 10 });
  document.getElementById('failures').appendChild(svg);
  const max = e[0][1];
  e.forEach(([code, n], i) => {
    text(svg, 190, i * rowH + 18, code, 'end');
    el('rect', { x: 200, y: i * rowH + 6, width: Math.max(2, (n / max) * (W - 280)), height: rowH - 6, fill: '#f04438', 'data-code': code }, svg);
    text(svg, 206 + (n / max) * (W - 280), i * rowH + 18, String(n));
  });
})();
`;
