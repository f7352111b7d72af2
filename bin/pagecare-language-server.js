#!/usr/bin/env node
// The pagecare language server (remark's, with the preset from `.remarkrc.mjs`): `pagecare-language-server --stdio`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/lsp/language-server.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('pagecare-language-server: dist/ is missing; run `npm ci` (or `npm run build`) in the pagecare folder first.');
  process.exit(2);
}
const { startLanguageServer } = await import(entry.href);
startLanguageServer();
