import { glob } from 'tinyglobby';
import path from 'node:path';
import type { ResolvedConfig } from '../config/load-config.js';
import { trimEnd } from './repo-path.js';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Root-relative posix paths of the pages and glossary entries pagecare governs, sorted. */
export async function discoverContent(config: ResolvedConfig): Promise<string[]> {
  const { content } = config.config;
  const files = await glob([...content.pages, `${trimSlash(content.glossary)}/*.md`], {
    cwd: config.root,
    ignore: [...ALWAYS_IGNORED, ...content.ignore],
    onlyFiles: true,
    dot: false,
  });
  return files.sort();
}

/** Every file under the content root: the targets relative links may point to. */
export async function discoverLinkTargets(config: ResolvedConfig): Promise<string[]> {
  const root = trimSlash(config.config.content.root);
  const files = await glob(`${root}/**/*`, { cwd: config.root, ignore: ALWAYS_IGNORED, onlyFiles: true, dot: true });
  return files.sort();
}

export function isGlossaryPath(config: ResolvedConfig, relative: string): boolean {
  const dir = path.posix.normalize(trimSlash(config.config.content.glossary));
  return path.posix.dirname(relative) === dir;
}

function trimSlash(value: string): string {
  return trimEnd(value, '/') || '.';
}
