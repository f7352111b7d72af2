// The parse floor: read every page and parse it with the parser pagecare uses (micromark
// through mdast-util-from-markdown, with YAML front matter: what remark-parse plus
// remark-frontmatter run), on as many worker threads as cores, keeping no trees.
// No linter that parses every page can beat this; `pagecare lint` cold is measured against it.
//
//   node bench/parse-floor.mjs <corpus>   → {"files":…,"bytes":…,"workers":…} on stdout
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { contentFiles } from './content-files.mjs';

if (isMainThread) {
  const files = await contentFiles(path.resolve(process.argv[2] ?? '.'));
  const workers = os.availableParallelism();
  // Workers take the next file from a shared counter, so a slow file never leaves a core idle.
  const counter = new SharedArrayBuffer(4);
  const results = await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { files, counter } });
      return new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    }),
  );
  const total = results.reduce((sum, r) => ({ files: sum.files + r.files, bytes: sum.bytes + r.bytes }), { files: 0, bytes: 0 });
  process.stdout.write(`${JSON.stringify({ ...total, workers })}\n`);
} else {
  const { files, counter } = workerData;
  const next = new Int32Array(counter);
  const options = { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] };
  let done = 0;
  let bytes = 0;
  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
    const text = readFileSync(files[i], 'utf8');
    fromMarkdown(text, options);
    done += 1;
    bytes += Buffer.byteLength(text);
  }
  parentPort.postMessage({ files: done, bytes });
}
