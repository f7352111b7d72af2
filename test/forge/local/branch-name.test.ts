import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIX_BRANCH, isValidBranchName, reviewBranchName } from '../../../src/forge/branch-name.js';

// Outside any repository: inside one, git expands "@{-1}" to the previously checked-out branch.
const outside = mkdtempSync(path.join(os.tmpdir(), 'pagecare-refs-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

/** What git itself says, for the names this table shares with git. */
function gitAccepts(name: string): boolean {
  try {
    execFileSync('git', ['check-ref-format', '--branch', name], { stdio: 'ignore', cwd: outside, env: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(outside) } });
    return true;
  } catch {
    return false;
  }
}

describe('isValidBranchName', () => {
  const table: Array<[string, boolean]> = [
    ['pagecare/review/glossary/laparoscope', true],
    ['pagecare/fix-formatting', true],
    ['a./b', true],
    ['a@b', true],
    ['a{b}', true],
    ['café', true],
    ['a/HEAD', true],
    ['lock', true],
    ['', false],
    ['-a', false],
    ['HEAD', false],
    ['a/.b', false],
    ['.a', false],
    ['x.lock', false],
    ['a.lock/b', false],
    ['a//b', false],
    ['/a', false],
    ['a/', false],
    ['a.', false],
    ['a..b', false],
    ['a@{b', false],
    ['@{-1}', false],
    ['a b', false],
    ['a\tb', false],
    ['a\x7fb', false],
    ['a\\b', false],
    ['a~1', false],
    ['a^', false],
    ['a:b', false],
    ['a?', false],
    ['a*', false],
    ['a[b', false],
  ];

  it.each(table)('%j → %s, as git check-ref-format --branch says', (name, valid) => {
    expect(isValidBranchName(name)).toBe(valid);
    if (name !== '') expect(gitAccepts(name)).toBe(valid);
  });

  it('rejects a lone @, which git would read as HEAD', () => {
    expect(isValidBranchName('@')).toBe(false);
  });
});

describe('reviewBranchName', () => {
  it('keeps kebab-case page ids as they are', () => {
    expect(reviewBranchName('small-bowel-neuroendocrine-cancer/treatment')).toBe(
      'pagecare/review/small-bowel-neuroendocrine-cancer/treatment',
    );
    expect(reviewBranchName('glossary/laparoscope')).toBe('pagecare/review/glossary/laparoscope');
    expect(reviewBranchName('guides/v1.2/intro')).toBe('pagecare/review/guides/v1.2/intro');
    expect(FIX_BRANCH).toBe('pagecare/fix-formatting');
  });

  const odd: Array<[string, RegExp]> = [
    ['../x', /^pagecare\/review\/x-[0-9a-f]{8}$/],
    ['-rf', /^pagecare\/review\/rf-[0-9a-f]{8}$/],
    ['a..b', /^pagecare\/review\/a\.b-[0-9a-f]{8}$/],
    ['--upload-pack=x', /^pagecare\/review\/upload-pack-x-[0-9a-f]{8}$/],
    ['Pages/Café Crème', /^pagecare\/review\/pages\/cafe-creme-[0-9a-f]{8}$/],
    ['x.lock/y.lock', /^pagecare\/review\/x-lock\/y-lock-[0-9a-f]{8}$/],
    ['a//b/', /^pagecare\/review\/a\/b-[0-9a-f]{8}$/],
    ['.hidden/@{-1}', /^pagecare\/review\/hidden\/1-[0-9a-f]{8}$/],
    ['a b\tc~d^e:f?g*h[i\\j', /^pagecare\/review\/a-b-c-d-e-f-g-h-i-j-[0-9a-f]{8}$/],
    ['癌/治療 x', /^pagecare\/review\/x-[0-9a-f]{8}$/],
  ];

  it.each(odd)('sanitises %j into a safe name', (id, expected) => {
    const branch = reviewBranchName(id);
    expect(branch).toMatch(expected);
    expect(branch).toMatch(/^[a-z0-9._/-]+$/);
    expect(isValidBranchName(branch)).toBe(true);
    expect(gitAccepts(branch)).toBe(true);
    for (const part of branch.split('/')) expect(part).not.toMatch(/^[-.]|\.lock$/);
  });

  it('gives ids that sanitise alike different branches, the same id always the same one', () => {
    expect(reviewBranchName('a..b')).not.toBe(reviewBranchName('a.b'));
    expect(reviewBranchName('Glossary/Colon')).not.toBe(reviewBranchName('glossary/colon'));
    expect(reviewBranchName('../x')).toBe(reviewBranchName('../x'));
  });

  it('bounds the length, keeping long ids apart by their hash', () => {
    const long = `${'very-long-section/'.repeat(20)}page`;
    const branch = reviewBranchName(long);
    expect(branch.length).toBeLessThanOrEqual('pagecare/review/'.length + 100);
    expect(isValidBranchName(branch)).toBe(true);
    expect(reviewBranchName(`${long}-2`)).not.toBe(branch);
  });

  it.each(['', '/', '..', '---', '日本語', '../..', ' / . / -'])('throws for %j, which leaves nothing usable', (id) => {
    expect(() => reviewBranchName(id)).toThrow(/no characters usable/);
  });
});
