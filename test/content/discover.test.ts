import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { discoverContent, discoverFiles, discoverLinkTargets } from '../../src/content/discover.js';
import { makeRepo } from '../helpers/temp-repo.js';

/** Files in every corner the patterns below reach: dot folders and files, node_modules, folders named like pages, outside the root. */
const TREE: Record<string, string> = {
  'content/pages/a.md': 'a',
  'content/pages/nested/b.md': 'b',
  'content/pages/nested/deeper/c.md': 'c',
  'content/pages/notes.txt': 'n',
  'content/pages/.hidden.md': 'h',
  'content/pages/.drafts/d.md': 'd',
  'content/pages/drafts/e.md': 'e',
  'content/pages/node_modules/f.md': 'f',
  'content/pages/folder.md/inside.txt': 'i',
  'content/pages/UPPER.MD': 'u',
  'content/glossary/chemo.md': 'g',
  'content/glossary/sub/not-entry.md': 's',
  'content/other/x.md': 'x',
  'content/images/x.png': 'p',
  'docs/outside.md': 'o',
  '.git/HEAD': 'ref',
};

/** What the two separate globs find: the single walk must find exactly this. */
async function separately(root: string) {
  const config = loadConfig({ cwd: root });
  return { files: await discoverLinkTargets(config), content: await discoverContent(config) };
}

describe('discoverFiles', () => {
  const configs: Record<string, string> = {
    defaults: '',
    'pages anywhere under the root, with ignores': "content:\n  pages: ['content/**/*.md']\n  ignore: ['content/pages/drafts', '**/other/**', '!content/pages/a.md']\n",
    'braces, a folder as a pattern, a trailing slash': "content:\n  pages: ['content/{pages,other}/**/*.md', 'content/pages/nested/', './content/pages/../other/x.md']\n",
    'root is the repository': "content:\n  root: .\n  pages: ['**/*.md']\n",
    'pages outside the root (two walks)': "content:\n  pages: ['docs/*.md', 'content/pages/*.md']\n",
    'a pattern that climbs out (two walks)': "content:\n  pages: ['content/../docs/*.md']\n",
    'glossary outside the root (two walks)': "content:\n  root: content/pages\n  pages: ['content/pages/**/*.md']\n",
    'an ignore that climbs out (two walks)': "content:\n  ignore: ['../elsewhere/**']\n",
  };
  for (const [name, config] of Object.entries(configs)) {
    it(`finds what the two globs find: ${name}`, async () => {
      const root = makeRepo({ ...TREE, ...(config ? { 'pagecare.config.yml': config } : {}) });
      const expected = await separately(root);
      expect(expected.content.length).toBeGreaterThan(0);
      expect(await discoverFiles(loadConfig({ cwd: root }))).toEqual(expected);
    });
  }

  it('follows a symbolic link to a folder as the globs do', async () => {
    const root = makeRepo(TREE);
    mkdirSync(path.join(root, 'shared'));
    writeFileSync(path.join(root, 'shared/linked.md'), 'l');
    symlinkSync(path.join(root, 'shared'), path.join(root, 'content/pages/shared'));
    const found = await discoverFiles(loadConfig({ cwd: root }));
    expect(found.content).toContain('content/pages/shared/linked.md');
    expect(found).toEqual(await separately(root));
  });
});
