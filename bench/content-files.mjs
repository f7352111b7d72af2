// The files every measured tool is given: the corpus's pages and glossary entries.
import { glob } from 'tinyglobby';

export const CONTENT_GLOBS = ['content/pages/**/*.md', 'content/glossary/*.md'];

export async function contentFiles(root) {
  return (await glob(CONTENT_GLOBS, { cwd: root, absolute: true, onlyFiles: true })).sort();
}
