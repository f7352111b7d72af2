import path from 'node:path';
import type { VFile } from 'vfile';
import { isGlossaryPath } from '../content/discover.js';
import { parseFrontMatter } from '../content/front-matter.js';
import { relativeTo } from '../content/repo-path.js';
import { Clock } from './clock.js';
import type { LintContext } from './context.js';

/** Gives every file its context, kind and parsed front matter before the rules run. */
export function prepareFile(context: LintContext, file: VFile): void {
  const value = file.value;
  const text = typeof value === 'string' ? value : new TextDecoder().decode(value);
  const relative = relativeTo(context.config.root, path.resolve(file.cwd, file.path));
  const frontMatter = parseFrontMatter(text);
  const data = frontMatter.data;
  file.data.pagecare = {
    context,
    kind: isGlossaryPath(context.config, relative) ? 'glossary' : 'page',
    path: relative,
    frontMatter,
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined,
    clock: new Clock(context.today),
  };
}
