#!/usr/bin/env node
// The action's outputs from a `pagecare lint --format json` report: prints
// `errors=N`, `warnings=N` and `infos=N` lines for $GITHUB_OUTPUT.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) fail('expected the path of a `pagecare lint --format json` report as the only argument');

let summary;
try {
  summary = JSON.parse(readFileSync(file, 'utf8')).summary;
} catch (error) {
  fail(`cannot read \`${file}\` (${error.code ?? error.message}), expected a report written by \`pagecare lint --format json --output\``);
}
const counts = ['errors', 'warnings', 'infos'].map((key) => [key, summary?.[key]]);
const bad = counts.find(([, value]) => !Number.isInteger(value) || value < 0);
if (bad) fail(`\`${file}\` has no count of ${bad[0]} in \`summary\`, expected the JSON report of \`pagecare lint\``);
process.stdout.write(counts.map(([key, value]) => `${key}=${value}\n`).join(''));

function fail(message) {
  process.stderr.write(`action-summary: ${message}\n`);
  process.exit(2);
}
