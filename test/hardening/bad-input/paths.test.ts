import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/engine.js';
import type { Finding } from '../../../src/lint/finding.js';
import { BIN } from '../../helpers/run-cli.js';
import { makeRepo, page } from '../../helpers/temp-repo.js';
import { CANARY, findingsOf, TODAY } from './batch.js';

/** A repository with a file holding the canary just outside it (beside the repository folder). */
function repoBesideSecret(files: Record<string, string>): { root: string; secret: string } {
  const root = makeRepo(files);
  const secret = path.join(path.dirname(root), `${path.basename(root)}-secret.md`);
  writeFileSync(secret, `---\ntitle: ${CANARY}\n---\n# ${CANARY}\n`);
  return { root, secret };
}

/** The first body line of `page()`. */
const BODY = page({}, '').split('\n').length;
const messages = (findings: Finding[], file: string) => findingsOf(findings, file).map((f) => `${f.line} ${f.ruleId}: ${f.message}`);

describe('paths from content cannot reach outside the repository', () => {
  it('reports a link to a file that exists just outside the repository as leading outside, without looking at it', async () => {
    const { root, secret } = repoBesideSecret({});
    const name = path.basename(secret);
    mkdirSync(path.join(root, 'content/pages'));
    writeFileSync(path.join(root, 'content/pages/a.md'), page({}, `[secret](../../../${name}) and [a heading](../../../${name}#secret) and [x](glossary:../../../${name})\n`));
    const { findings } = await lint({ cwd: root, today: TODAY });
    expect(messages(findings, 'content/pages/a.md')).toEqual([
      `${BODY} link-broken: Broken link \`../../../${name}\`: it leads outside the repository, expected a page inside the repository`,
      `${BODY} link-broken: Broken link \`../../../${name}#secret\`: it leads outside the repository, expected a page inside the repository`,
      `${BODY} glossary-link-unknown: Unknown glossary id \`../../../${name}\` in link \`x\`, expected \`glossary:<id>\` with the kebab-case id of an entry content/glossary/<id>.md`,
    ]);
    expect(JSON.stringify(findings)).not.toContain(CANARY);
  });

  it('looks up a link out of the content folder but inside the repository on disk, as documented', async () => {
    const root = makeRepo({ 'README.md': '# Readme\n', 'content/pages/a.md': page({}, '[readme](../../README.md#readme) and [gone](../../GONE.md)\n') });
    const { findings } = await lint({ cwd: root, today: TODAY });
    expect(messages(findings, 'content/pages/a.md')).toEqual([`${BODY} link-broken: Broken link \`../../GONE.md\`: no such file, expected the path of an existing page, relative to this page`]);
  });

  it('does not read a page that is a symbolic link out of the repository, and reads one that stays inside', async () => {
    const { root, secret } = repoBesideSecret({ 'content/pages/real.md': page() });
    symlinkSync(secret, path.join(root, 'content/pages/escape.md'));
    symlinkSync(path.join(root, 'content/pages/real.md'), path.join(root, 'content/pages/alias.md'));
    const { findings, files } = await lint({ cwd: root, today: TODAY });
    expect(files).toContain('content/pages/escape.md');
    expect(messages(findings, 'content/pages/escape.md')).toEqual([
      '1 file-encoding: Cannot read file (a symbolic link out of the repository), expected a readable Markdown file in the repository',
    ]);
    expect(messages(findings, 'content/pages/alias.md')).toEqual(messages(findings, 'content/pages/real.md'));
    expect(JSON.stringify(findings)).not.toContain(CANARY);
  });

  it('reports pages that link to a pipe or a device instead of blocking on them or reading forever', () => {
    const root = makeRepo({ 'content/pages/a.md': page() });
    mkdirSync(path.join(root, 'pipes'));
    expect(spawnSync('mkfifo', [path.join(root, 'pipes/pipe')]).status).toBe(0);
    symlinkSync('../../pipes/pipe', path.join(root, 'content/pages/pipe.md'));
    symlinkSync('/dev/zero', path.join(root, 'content/pages/zero.md'));
    // Discovery lists both links. Reading the pipe blocks and /dev/zero never ends: the CLI runs in a
    // child process with a timeout, so a regression fails here rather than hanging the suite.
    const run = spawnSync(process.execPath, [BIN, 'lint', '--today', TODAY, '--format', 'json'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    const { messages: found } = JSON.parse(run.stdout) as { messages: Finding[] };
    expect(messages(found, 'content/pages/pipe.md')).toEqual(['1 file-encoding: Cannot read file (not a regular file), expected a readable Markdown file in the repository']);
    expect(messages(found, 'content/pages/zero.md')).toEqual([
      '1 file-encoding: Cannot read file (a symbolic link out of the repository), expected a readable Markdown file in the repository',
    ]);
    expect(messages(found, 'content/pages/a.md')).toEqual([]);
  });
});
