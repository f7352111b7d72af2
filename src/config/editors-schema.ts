import * as z from '../zod.js';

export const editorSchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  email: z.email(),
  github: z.optional(z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]*(\/[A-Za-z0-9._-]+)?$/, 'expected a GitHub login or org/team slug'))),
  clinical: z.optional(z.boolean()).check(z.meta({ description: 'A clinical reviewer' })),
});
export type Editor = z.infer<typeof editorSchema>;

export const editorsFileSchema = z.strictObject({
  editors: z.record(z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case handle')), editorSchema),
  escalation: z.optional(z.array(z.string())).check(z.meta({ description: 'Handles told about overdue pages' })),
});
export type EditorsFile = z.infer<typeof editorsFileSchema>;
