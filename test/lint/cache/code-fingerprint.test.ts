import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, page } from '../../helpers/temp-repo.js';

const PACKAGE = path.resolve(import.meta.dirname, '../../..');

/** A copy of the installed CLI (package.json, bin/ and the bundle): the bundle needs nothing else. */
function copyCli(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pagecare-cli-'));
  cpSync(path.join(PACKAGE, 'package.json'), path.join(dir, 'package.json'));
  cpSync(path.join(PACKAGE, 'bin'), path.join(dir, 'bin'), { recursive: true });
  mkdirSync(path.join(dir, 'dist'));
  cpSync(path.join(PACKAGE, 'dist/bundle'), path.join(dir, 'dist/bundle'), { recursive: true });
  return dir;
}

function lintWith(cli: string, root: string): string {
  const run = spawnSync(process.execPath, [path.join(cli, 'bin/pagecare.js'), 'lint', '--today', '2026-06-01', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(readFileSync(path.join(root, '.pagecare-cache/lint.json'), 'latin1')) as { key: string }).key;
}

describe('the cache key of the bundled CLI', () => {
  it('stays while the bundle is the same and changes with any byte of it', () => {
    const cli = copyCli();
    const root = makeRepo({ 'content/pages/a.md': page({}, 'Plain text.\n') });
    const first = lintWith(cli, root);
    expect(lintWith(cli, root)).toBe(first);
    // A changed rule ships as changed bundle bytes: results cached by the old code must not be served.
    appendFileSync(path.join(cli, 'dist/bundle/worker.js'), '\n// a change\n');
    expect(lintWith(cli, root)).not.toBe(first);
  });
});
