/**
 * The HTML report's inline style and script: the page is one file with no
 * external assets, so it opens from disk, in a mail attachment or a CI artifact.
 */

// Text colours on their backgrounds keep at least 7:1 contrast; status is always written out, never colour alone.
export const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #4b5563; --line: #d0d7de; --accent: #1d4f91; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header, main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem; }
header { border-bottom: 1px solid var(--line); }
h1 { margin: 0.5rem 0 0.25rem; font-size: 1.75rem; }
h2 { margin: 2rem 0 0.75rem; font-size: 1.3rem; }
.meta { margin: 0; color: var(--muted); }
a { color: var(--accent); }
a:focus-visible, select:focus-visible { outline: 3px solid #f2b705; outline-offset: 2px; }
code { font: 0.85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); overflow-wrap: anywhere; }
.summary { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0; padding: 0; list-style: none; }
.summary li { min-width: 8.5rem; padding: 0.6rem 0.9rem; border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; }
.summary .n { display: block; font-size: 1.8rem; font-weight: 700; line-height: 1.2; }
.summary .status-overdue { border-left-color: #b42318; }
.summary .status-due-soon { border-left-color: #b54708; }
.summary .status-upcoming { border-left-color: #1d4f91; }
.summary .status-ok { border-left-color: #1a7f37; }
.summary .status-unscheduled { border-left-color: #4b5563; }
.chart-figure { margin: 0; }
.chart { display: block; max-width: 46rem; height: auto; }
.chart text { font: 12px system-ui, sans-serif; fill: var(--ink); }
.chart .value { font-weight: 700; }
.chart .year { fill: var(--muted); }
.chart .axis { stroke: var(--muted); stroke-width: 1; }
.chart .bar rect { fill: #1d4f91; }
.chart .bar-overdue rect { fill: #b42318; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: 0 0 0.5rem; padding: 0; border: 0; }
.filters[hidden] { display: none; }
.filters label { display: block; font-weight: 600; }
.filters select { font: inherit; padding: 0.3rem 0.5rem; border: 1px solid var(--muted); border-radius: 4px; background: #fff; color: var(--ink); }
.count { margin: 0.5rem 0; color: var(--muted); }
.note { margin-top: 0.5rem; }
.table-wrap { overflow-x: auto; }
table.schedule { width: 100%; border-collapse: collapse; }
table.schedule caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
table.schedule th, table.schedule td { padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
table.schedule thead th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
table.schedule tbody th { font-weight: 600; }
table.schedule .num { text-align: right; white-space: nowrap; }
.badge { display: inline-block; padding: 0 0.5rem; border: 1px solid currentColor; border-radius: 999px; font-size: 0.875rem; font-weight: 600; white-space: nowrap; }
.badge.status-overdue { color: #8a1c12; background: #fdecea; }
.badge.status-due-soon { color: #7a3305; background: #fff4e0; }
.badge.status-upcoming { color: #16407a; background: #e8f0fb; }
.badge.status-ok { color: #165c2a; background: #e9f6ec; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media print {
  body { font-size: 11pt; }
  header, main { max-width: none; padding: 0; }
  .filters { display: none !important; }
  a { color: inherit; }
  .badge { background: none !important; }
  thead { display: table-header-group; }
  tr, .summary li, .chart { break-inside: avoid; }
}
`;

// Filters and sorting start hidden and this reveals them, so with scripting off every row shows, in
// due-date order as the caption says, and no dead control appears.
export const SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var owner = document.getElementById('filter-owner');
  var status = document.getElementById('filter-status');
  var sort = document.getElementById('sort');
  var count = document.getElementById('schedule-count');
  var caption = document.getElementById('schedule-caption');
  var dueHeader = document.getElementById('col-due');
  var ageHeader = document.getElementById('col-reading-age');
  var body = document.querySelector('#schedule tbody');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#schedule tbody tr[data-status]'));
  if (!form || !owner || !status || !sort || !count || !caption || !dueHeader || !ageHeader || !body) return;
  function readingAge(row) {
    var value = row.getAttribute('data-reading-age');
    return value === null ? -1 : Number(value);
  }
  var byAgeNow = false;
  function order(byAge) {
    byAgeNow = byAge;
    /* Array sort is stable: equal ages, and pages without one (last), stay in due-date order. */
    var sorted = byAge ? rows.slice().sort(function (a, b) { return readingAge(b) - readingAge(a); }) : rows;
    sorted.forEach(function (row) { body.appendChild(row); });
    caption.textContent = byAge ? 'Scheduled reviews, by reading age (highest first)' : 'Scheduled reviews, by due date';
    (byAge ? ageHeader : dueHeader).setAttribute('aria-sort', byAge ? 'descending' : 'ascending');
    (byAge ? dueHeader : ageHeader).removeAttribute('aria-sort');
  }
  function apply() {
    var byAge = sort.value === 'reading-age';
    /* Rows move only when the order changes, not on every filter change. */
    if (byAge !== byAgeNow) order(byAge);
    var shown = 0;
    rows.forEach(function (row) {
      var match = (owner.value === 'all' || row.getAttribute('data-owner') === owner.value) &&
        (status.value === 'all' || row.getAttribute('data-status') === status.value);
      row.hidden = !match;
      if (match) shown++;
    });
    var noun = rows.length === 1 ? 'scheduled review' : 'scheduled reviews';
    count.textContent = (shown === rows.length
      ? 'Showing all ' + rows.length + ' ' + noun
      : 'Showing ' + shown + ' of ' + rows.length + ' ' + noun) + (byAge ? ', highest reading age first.' : '.');
  }
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
`;
