import * as z from '../zod.js';
import { editorsFileSchema } from './editors-schema.js';
import { configSchema } from './schema.js';
import { glossarySchema, pageSchema } from '../content/schema.js';

/**
 * JSON Schemas for editors' autocompletion, generated from the same zod
 * definitions the linter validates with, so the two cannot drift.
 */
export function jsonSchemas(): Record<string, object> {
  const make = (title: string, schema: z.core.$ZodType) => ({
    ...z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }),
    title,
  });
  return {
    'pagecare.config.schema.json': make('pagecare.config.yml', configSchema),
    'page.schema.json': make('pagecare page front matter', pageSchema),
    'glossary.schema.json': make('pagecare glossary entry front matter', glossarySchema),
    'editors.schema.json': make('content/editors.yml', editorsFileSchema),
  };
}
