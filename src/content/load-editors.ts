import { readFile } from 'node:fs/promises';
import { editorsFileSchema, type Editor } from '../config/editors-schema.js';
import { parseFrontMatter } from './front-matter.js';
import { describeIssues } from './schema-issues.js';

export interface EditorsProblem {
  line: number;
  column: number;
  message: string;
}

export interface Editors {
  /** Undefined when editors.yml is missing or unusable: handle checks are then skipped, not guessed. */
  editors: Record<string, Editor> | undefined;
  escalation: string[];
  problems: EditorsProblem[];
}

export async function loadEditors(file: string): Promise<Editors> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      editors: undefined,
      escalation: [],
      problems: [{ line: 1, column: 1, message: `Cannot read editors file (${code ?? 'error'}), expected a YAML file listing \`editors:\` by handle` }],
    };
  }
  // Reuse the front-matter parser so every problem carries the file's own line.
  const parsed = parseFrontMatter(`---\n${text}\n---\n`);
  const at = (line: number) => Math.max(1, line - 1);
  if (parsed.errors.length > 0) {
    return {
      editors: undefined,
      escalation: [],
      problems: parsed.errors.map((e) => ({ line: at(e.line), column: e.column, message: `Invalid YAML: ${e.message}` })),
    };
  }
  const result = editorsFileSchema.safeParse(parsed.data ?? {}, { reportInput: true });
  if (!result.success) {
    const problems = describeIssues(result.error.issues, {
      knownKeys: (p) => (p.length === 0 ? ['editors', 'escalation'] : p.length === 2 ? ['name', 'email', 'github', 'clinical'] : []),
    }).map((problem) => {
      const span = parsed.keySpan(problem.path) ?? parsed.keySpan(problem.path.slice(0, -1));
      return { line: at(span?.line ?? 2), column: span?.column ?? 1, message: problem.message };
    });
    return { editors: undefined, escalation: [], problems };
  }
  const escalation = result.data.escalation ?? [];
  const problems = escalation
    .map((handle, i) => ({ handle, i }))
    .filter(({ handle }) => !Object.hasOwn(result.data.editors, handle))
    .map(({ handle, i }) => {
      const span = parsed.keySpan(['escalation', i]);
      return { line: at(span?.line ?? 2), column: span?.column ?? 1, message: `Unknown handle \`${handle}\` in \`escalation\`, expected a handle listed under \`editors\`` };
    });
  return { editors: result.data.editors, escalation, problems };
}
