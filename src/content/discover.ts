import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import path from 'node:path';
import type { ResolvedConfig } from '../config/load-config.js';
import { trimEnd } from './repo-path.js';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Root-relative posix paths of the pages and glossary entries pagecare governs, sorted. */
export async function discoverContent(config: ResolvedConfig): Promise<string[]> {
  const files = await glob(contentPatterns(config), {
    cwd: config.root,
    ignore: contentIgnores(config),
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

/**
 * Both lists at once: when every content pattern lies under the content root,
 * the pages and glossary entries are picked from the link targets by the same
 * matching `discoverContent` does, so the tree is walked once, not twice
 * (about 50 ms at 10,000 pages, on every run, warm ones included).
 */
export async function discoverFiles(config: ResolvedConfig): Promise<{ files: string[]; content: string[] }> {
  const match = contentMatcher(config);
  if (!match) {
    const [files, content] = await Promise.all([discoverLinkTargets(config), discoverContent(config)]);
    return { files, content };
  }
  const files = await discoverLinkTargets(config);
  return { files, content: files.filter(match) };
}

export function isGlossaryPath(config: ResolvedConfig, relative: string): boolean {
  const dir = path.posix.normalize(trimSlash(config.config.content.glossary));
  return path.posix.dirname(relative) === dir;
}

function contentPatterns(config: ResolvedConfig): string[] {
  const { content } = config.config;
  return [...content.pages, `${trimSlash(content.glossary)}/*.md`];
}

function contentIgnores(config: ResolvedConfig): string[] {
  return [...ALWAYS_IGNORED, ...config.config.content.ignore];
}

/**
 * The test `discoverContent`'s glob applies to each path, or undefined when a
 * pattern could match outside the content root (or negates, or climbs with
 * `..`): then only a glob of its own finds the same files. Patterns are
 * normalised as tinyglobby does before it calls picomatch: a trailing slash
 * dropped, `/**` added unless the pattern ends in `*` (so a folder names
 * everything in it), `.` and `..` segments resolved.
 */
function contentMatcher(config: ResolvedConfig): ((relative: string) => boolean) | undefined {
  const root = path.posix.normalize(trimSlash(config.config.content.root));
  if (picomatch.scan(root).isGlob) return undefined;
  const patterns = contentPatterns(config).map(normalized);
  const inside = (pattern: string | undefined) => pattern !== undefined && (root === '.' || pattern.startsWith(`${root}/`));
  if (!patterns.every(inside)) return undefined;
  // The link targets already leave out node_modules and .git, so only the config's own
  // ignores are tested; tinyglobby drops one that negates (`!x`), as here.
  const ignores = config.config.content.ignore
    .filter((pattern) => pattern !== '' && (pattern[0] !== '!' || pattern[1] === '('))
    .map(normalized);
  if (ignores.some((pattern) => pattern === undefined)) return undefined;
  const options = { dot: false, posix: true };
  const matches = picomatch(patterns as string[], options);
  const ignored = picomatch(ignores as string[], options);
  return (relative) => matches(relative) && !ignored(relative);
}

function normalized(pattern: string): string | undefined {
  if (pattern.startsWith('!') || pattern.startsWith('/')) return undefined;
  let result = pattern.endsWith('/') ? pattern.slice(0, -1) : pattern;
  if (!result.endsWith('*')) result += '/**';
  result = path.posix.normalize(result);
  return result === '..' || result.startsWith('../') ? undefined : result;
}

function trimSlash(value: string): string {
  return trimEnd(value, '/') || '.';
}
