// bench/RESULTS.md: one section per corpus size, each replaced when that size is run again,
// so the 1,000-, 10,000- and 100,000-page tables can sit side by side.

const TITLE = '# pagecare benchmarks';
const INTRO = `${TITLE}

Written by \`npm run bench -- --pages N\` (bench/run.mjs), which generates a deterministic corpus
(bench/generate-corpus.mjs) and measures every command below in one run on the same corpus. Each
command runs as its own process; runs under 5 s are repeated three times and the median is shown,
and cold lint and the parse floor run in turn three times, the median of their ratios the headline.
Ratios, not absolute times, are the result: they compare tools on the same machine and corpus.
CPU time and peak memory (max RSS) come from each Node process's own \`getrusage\` (bench/rusage.mjs).
Reproduce with \`npm ci && npm run bench -- --pages 10000\`; corpora are kept in the OS temp folder
(\`pagecare-bench/corpus-N\`) and regenerated when the generator changes.
`;

const open = (pages) => `<!-- bench:${pages} -->`;
const close = (pages) => `<!-- /bench:${pages} -->`;

/** The results file with this size's section replaced (or added), sections in order of size. */
export function mergeResults(existing, pages, section) {
  const sections = new Map();
  for (const match of (existing ?? '').matchAll(/<!-- bench:(\d+) -->\n[\s\S]*?<!-- \/bench:\1 -->/g)) sections.set(Number(match[1]), match[0]);
  sections.set(pages, `${open(pages)}\n${section.trim()}\n${close(pages)}`);
  const ordered = [...sections.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
  return `${INTRO}\n${ordered.join('\n\n')}\n`;
}

/** The Markdown section for one run: machine, corpus, the table, the targets, the commands. */
export function formatSection({ pages, date, machine, version, corpus, rows, targets, notes }) {
  const lines = [
    `## ${pages.toLocaleString('en-GB')} pages`,
    '',
    `- Date: ${date}`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB memory, ${machine.os}, Node ${machine.node}`,
    `- Load average (1 min) before and after: ${machine.load.map((n) => n.toFixed(2)).join(' and ')}${Math.max(...machine.load) > machine.cores / 2 ? ' (other processes shared the cores: times are inflated and ratios noisy)' : ''}`,
    `- pagecare: ${version}`,
    `- Corpus: ${corpus}`,
    '',
    '| Run | Files | Wall (s) | CPU (s) | Peak memory (MB) | Files/s | × parse floor | Findings |',
    '|---|--:|--:|--:|--:|--:|--:|---|',
    ...rows.map(formatRow),
    '',
    '### Targets (from issue 5)',
    '',
    '| Target | Measured | Result |',
    '|---|---|---|',
    ...targets.map((t) => `| ${t.target} | ${t.measured} | ${t.result} |`),
  ];
  if (notes.length > 0) lines.push('', ...notes.map((note) => `- ${note}`));
  return lines.join('\n');
}

function formatRow(row) {
  const label = `${row.id} ${row.label}`;
  if (row.outcome === 'n/a' || row.outcome === 'failed') return `| ${label} | | | | | | | ${row.outcome === 'n/a' ? 'n/a' : 'failed'} (${row.reason}) |`;
  const over = row.outcome === 'timeout' ? '> ' : '';
  const ratio = row.floorRatio === undefined ? '' : `${over}${row.floorRatio.toFixed(2)}×`;
  return `| ${label} | ${row.files ?? ''} | ${over}${seconds(row.wall)} | ${seconds(row.cpu)} | ${row.peakMb === undefined ? '?' : Math.round(row.peakMb)} | ${row.files === undefined ? '' : rate(row.files / row.wall)} | ${ratio}${row.extraRatio ?? ''} | ${row.findings ?? ''} |`;
}

export function seconds(value) {
  if (value === undefined) return '?';
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function rate(value) {
  return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-GB');
}
