import { z } from 'zod';

export const editorSchema = z.strictObject({
  name: z.string().min(1),
  email: z.email(),
  github: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*(\/[A-Za-z0-9._-]+)?$/, 'expected a GitHub login or org/team slug')
    .optional(),
  clinical: z.boolean().optional().meta({ description: 'A clinical reviewer' }),
});
export type Editor = z.infer<typeof editorSchema>;

export const editorsFileSchema = z.strictObject({
  editors: z.record(z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case handle'), editorSchema),
  escalation: z.array(z.string()).optional().meta({ description: 'Handles told about overdue pages' }),
});
export type EditorsFile = z.infer<typeof editorsFileSchema>;
