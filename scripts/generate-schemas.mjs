// Writes schemas/*.json from the compiled zod definitions (run after `npm run build`).
import { mkdir, writeFile } from 'node:fs/promises';
import { jsonSchemas } from '../dist/config/json-schemas.js';

const dir = new URL('../schemas/', import.meta.url);
await mkdir(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  await writeFile(new URL(name, dir), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`schemas/${name}`);
}
