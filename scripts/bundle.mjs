// The CLI and its lint worker as one bundle in dist/bundle/ (after `tsc`, which still
// builds dist/ for the preset, the language server and the library entry). Node then
// loads a handful of files at start-up instead of ~250 modules (zod alone is 92), which
// is most of what a warm `pagecare lint` costs.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  // `worker` must sit beside the chunk holding the worker pool, which starts `./worker.js`.
  entryPoints: { pagecare: 'src/cli/main.ts', worker: 'src/lint/worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  sourcemap: 'linked',
  // Without comments or indentation, every thread holds less source (each lint worker 1.3 MB, not
  // 1.75), and as one byte a character: one non-ASCII character in a comment (`’`, `—`) made V8
  // keep a whole chunk two bytes a character. Names stay, so stack traces still read; the map maps.
  minifyWhitespace: true,
  // CommonJS dependencies (yaml, nodemailer, simple-git) call require(); ESM has none.
  banner: { js: "import { createRequire as pagecareRequire } from 'node:module'; const require = pagecareRequire(import.meta.url);" },
  logLevel: 'warning',
});
