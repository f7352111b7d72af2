#!/usr/bin/env node
// Runs the bundled CLI; `npm ci` builds it (the `prepare` script), so there is no step to remember.
import { existsSync } from 'node:fs';
import v8 from 'node:v8';

// Start-up keeps most of what it makes (the bundle's code, the content index), and V8 answers a
// young generation whose objects survive by doubling it, here to 32 MB, which this thread then
// held for half a cold lint of 10,000 pages while the workers needed the memory. Held at its
// starting 2 MB instead (this thread then reached 4-8 MB): cold peaks 290-299 MB against 296-308 MB
// interleaved. Growth comes back when lint workers start or a cache is read (src/lint/young-generation.ts).
v8.setFlagsFromString('--semi-space-growth-factor=1');

const entry = new URL('../dist/bundle/pagecare.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('pagecare: dist/ is missing; run `npm ci` (or `npm run build`) in the pagecare folder first.');
  process.exit(2);
}
await import(entry.href);
