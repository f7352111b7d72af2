import type * as z from '../zod.js';
import { nearest } from './nearest.js';

export interface SchemaProblem {
  /** Path of the offending value; for unknown keys, the key itself. */
  path: Array<string | number>;
  message: string;
  /** Unknown keys are reported as warnings, everything else at the rule's severity. */
  unknownKey: boolean;
  /** The value is missing altogether. */
  missing: boolean;
}

type Issue = z.core.$ZodIssue;

/** Turn schema-library issues into "what is wrong, what would be right" sentences. */
export function describeIssues(
  issues: readonly Issue[],
  options: { knownKeys?: (path: Array<string | number>) => string[]; describe?: (path: Array<string | number>) => string | undefined } = {},
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const where = `\`${formatPath(path)}\``;
    const hint = options.describe?.(path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const known = options.knownKeys?.(path) ?? [];
          const close = nearest(key, known);
          const expected = close ? `expected \`${close}\`` : `expected one of ${known.map((k) => `\`${k}\``).join(', ')}`;
          problems.push({ path: [...path, key], message: `Unknown field \`${formatPath([...path, key])}\`, ${expected}`, unknownKey: true, missing: false });
        }
        break;
      case 'invalid_type': {
        const input = (issue as { input?: unknown }).input;
        if (input === undefined) {
          problems.push({ path, message: `Missing required field ${where}, expected ${hint ?? `a ${issue.expected}`}`, unknownKey: false, missing: true });
        } else {
          problems.push({ path, message: `Unexpected ${typeName(input)} in ${where}, expected ${hint ?? `a ${issue.expected}`}`, unknownKey: false, missing: false });
        }
        break;
      }
      case 'invalid_value':
        problems.push({
          path,
          message: `Unexpected ${show((issue as { input?: unknown }).input)} in ${where}, expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`,
          unknownKey: false,
          missing: false,
        });
        break;
      case 'invalid_union': {
        const first = issue.errors.flat()[0];
        const values = issue.errors.flat().flatMap((e) => (e.code === 'invalid_value' ? e.values.map(String) : []));
        const expected = values.length > 0 ? `one of ${values.map((v) => `\`${v}\``).join(', ')}` : (hint ?? first?.message ?? 'another value');
        problems.push({ path, message: `Unexpected ${show((issue as { input?: unknown }).input)} in ${where}, expected ${expected}`, unknownKey: false, missing: false });
        break;
      }
      case 'too_small':
        problems.push({ path, message: `Empty ${where}, expected ${hint ?? 'a value'}`, unknownKey: false, missing: false });
        break;
      default:
        problems.push({ path, message: `Unexpected ${show((issue as { input?: unknown }).input)} in ${where}, ${issue.message}`, unknownKey: false, missing: false });
    }
  }
  return problems;
}

export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(root)';
}

function typeName(value: unknown): string {
  if (value === null) return 'empty value';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return `${typeof value} ${show(value)}`;
}

function show(value: unknown): string {
  if (value === undefined) return 'value';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}
