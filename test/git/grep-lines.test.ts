import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createGit } from '../../src/git/git-client.js';
import { parseGrepLines, textsAt } from '../../src/git/grep-lines.js';
import { makeRepo } from '../helpers/temp-repo.js';
import { git, isolateGit } from '../notify/ledger/git-repos.js';

beforeAll(isolateGit);

it('reads each field of git grep -z -n output, whatever the path holds', () => {
  const output = 'abc:a b.md\x001\x00# A\r\nabc:odd\nname.md\x0012\x00text: with \x01 in it\nother:x.md\x001\x00skipped\n';
  expect(parseGrepLines(output, 'abc')).toEqual([
    { file: 'a b.md', line: 1, text: '# A\r' },
    { file: 'odd\nname.md', line: 12, text: 'text: with \x01 in it' },
  ]);
  expect(parseGrepLines('', 'abc')).toEqual([]);
});

it("gives each file's text at a commit from one grep, and asks cat-file for the files grep prints nothing for", async () => {
  const crlf = '---\r\ntitle: A\r\n---\r\n\r\n# Heading\r\n\r\nA line\rwith a lone CR.\r\n';
  const top = makeRepo(
    {
      'content/pages/crlf page.md': crlf,
      'content/pages/no-end.md': '# Title\n\n## Last',
      'content/pages/empty.md': '',
      'content/pages/binary.md': '# Bin\n\0\n',
      'content/pages/untouched.md': '# Untouched\n',
    },
    false,
  );
  git(top, 'init', '--quiet', '--initial-branch=main');
  git(top, 'add', '-A');
  git(top, 'commit', '--quiet', '-m', 'content');
  const base = git(top, 'rev-parse', 'HEAD');
  // Only the files asked for; from a subfolder, as --changed does when the content root is inside the repository; grep.fullName must not matter.
  git(top, 'config', 'grep.fullName', 'true');
  const files = ['pages/crlf page.md', 'pages/no-end.md', 'pages/empty.md', 'pages/binary.md', 'pages/absent.md'];
  const texts = await textsAt(createGit(path.join(top, 'content')), base, files);
  expect(Object.fromEntries(texts)).toEqual({
    // Lines joined by \n: a file's last line end is dropped, its CRs kept.
    'pages/crlf page.md': crlf.slice(0, -1),
    'pages/no-end.md': '# Title\n\n## Last',
    'pages/empty.md': '',
    'pages/binary.md': '# Bin\n\0\n',
    'pages/absent.md': undefined,
  });
});
