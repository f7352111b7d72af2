#!/usr/bin/env node
// Runs the bundled CLI; `npm ci` builds it (the `prepare` script), so there is no step to remember.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bundle/pagecare.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('pagecare: dist/ is missing; run `npm ci` (or `npm run build`) in the pagecare folder first.');
  process.exit(2);
}
await import(entry.href);
