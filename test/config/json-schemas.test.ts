import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/config/json-schemas.js';
import { parseFrontMatter } from '../../src/content/front-matter.js';

const project = path.resolve(import.meta.dirname, '../..');
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

describe('schemas/', () => {
  const generated = jsonSchemas();

  it.each(Object.keys(generated))('%s is up to date with the zod definitions (npm run schemas)', (name) => {
    const committed = JSON.parse(readFileSync(path.join(project, 'schemas', name), 'utf8'));
    expect(committed).toEqual(generated[name]);
  });

  it('accepts the bundled content, so editors see no false squiggles', async () => {
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    const page = ajv.compile(generated['page.schema.json']!);
    const glossary = ajv.compile(generated['glossary.schema.json']!);
    const files = await glob('content/{pages,glossary}/**/*.md', { cwd: project });
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const data = parseFrontMatter(readFileSync(path.join(project, file), 'utf8')).data;
      const validate = file.includes('/glossary/') ? glossary : page;
      expect(validate(data), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('rejects an unknown field and a wrong type', () => {
    const validate = new Ajv({ strict: false }).compile(generated['page.schema.json']!);
    expect(validate({ title: 'x', owner: 'a', last_reviewed: '2025-01-01', next_review: '2026-01-01', sumary: 'typo' })).toBe(false);
    expect(validate({ title: 'x', owner: 'a', last_reviewed: '2025-01-01', next_review: '2026-01-01', reviewers: 'a' })).toBe(false);
  });
});
