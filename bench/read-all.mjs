// Read every page and glossary entry as text, without parsing: the floor for commands that
// need only front matter (`pagecare review`).
//
//   node bench/read-all.mjs <corpus>   → {"files":…,"bytes":…} on stdout
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentFiles } from './content-files.mjs';

const files = await contentFiles(path.resolve(process.argv[2] ?? '.'));
let bytes = 0;
let next = 0;
// A bounded number of reads in flight, as a careful reader of many files would do.
await Promise.all(
  Array.from({ length: 64 }, async () => {
    while (next < files.length) {
      const text = await readFile(files[next++], 'utf8');
      bytes += Buffer.byteLength(text);
    }
  }),
);
process.stdout.write(`${JSON.stringify({ files: files.length, bytes })}\n`);
