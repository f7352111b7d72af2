import { createHash } from 'node:crypto';

/** Every branch pagecare creates starts here; no other branch is ever force-pushed or deleted. */
export const PAGECARE_PREFIX = 'pagecare/';
export const REVIEW_PREFIX = `${PAGECARE_PREFIX}review/`;
export const FIX_BRANCH = `${PAGECARE_PREFIX}fix-formatting`;

/** Keeps every component well under file-system name limits (refs are files under .git/refs). */
const MAX_ID_LENGTH = 100;
const HASH_LENGTH = 8;

/**
 * The review branch of a page: `pagecare/review/<page-id>`, the id made into
 * a safe ref (lowercase `[a-z0-9._/-]`, no `..`, no component starting with
 * `-` or `.`, none ending in `.lock`, bounded length). An id that had to
 * change gets a short hash of the original appended, so two pages never share
 * a branch; kebab-case ids pass through unchanged.
 */
export function reviewBranchName(pageId: string): string {
  const cleaned = sanitiseId(pageId);
  if (cleaned === '') throw new Error(`Page id ${JSON.stringify(pageId)} has no characters usable in a branch name`);
  let id = cleaned;
  if (cleaned !== pageId || cleaned.length > MAX_ID_LENGTH) {
    const hash = createHash('sha256').update(pageId).digest('hex').slice(0, HASH_LENGTH);
    const kept = sanitiseId(cleaned.slice(0, MAX_ID_LENGTH - HASH_LENGTH - 1));
    id = kept === '' ? hash : `${kept}-${hash}`;
  }
  const branch = `${REVIEW_PREFIX}${id}`;
  // Sanitising should make this unreachable; checked so a slip can never reach git.
  if (!isValidBranchName(branch)) throw new Error(`Page id ${JSON.stringify(pageId)} gave an invalid branch name`);
  return branch;
}

function sanitiseId(id: string): string {
  // Decompose accents so `é` keeps its `e`; other non-ASCII characters become `-`.
  const folded = id.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.split('/').map(sanitiseComponent).filter(Boolean).join('/');
}

function sanitiseComponent(component: string): string {
  let part = component
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (part.endsWith('.lock')) part = `${part.slice(0, -'.lock'.length)}-lock`;
  return part;
}

/**
 * Whether `git check-ref-format --branch <name>` accepts `name` (for a plain
 * name, not `@{-1}` shorthand): the rules of git-check-ref-format(1) for
 * `refs/heads/<name>`, plus no leading `-` and not `HEAD`.
 */
export function isValidBranchName(name: string): boolean {
  if (name === '' || name.startsWith('-') || name === 'HEAD' || name === '@') return false;
  // Control characters, space, ~ ^ : ? * [ \ and DEL anywhere; `..` and `@{` as sequences.
  if (/[\x00-\x20~^:?*[\\\x7f]/.test(name) || name.includes('..') || name.includes('@{')) return false;
  if (name.endsWith('.')) return false;
  return name.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
}
