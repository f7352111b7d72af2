import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { TODAY } from './expectations.js';

const repo = path.resolve(import.meta.dirname, 'repo');
const remarkBin = path.resolve(import.meta.dirname, '../../node_modules/remark-cli/cli.js');

interface RemarkFile {
  path: string;
  messages: Array<{ line: number | null; ruleId: string; source: string; fatal: boolean | null | undefined }>;
}

describe('the preset in the real remark CLI', () => {
  it('gives the same findings as pagecare lint on the fixture repository', async () => {
    const run = spawnSync(process.execPath, [remarkBin, 'content', '--ext', 'md', '--no-stdout', '--report', 'json'], {
      cwd: repo,
      env: { ...process.env, PAGECARE_TODAY: TODAY },
      encoding: 'utf8',
    });
    const files = JSON.parse(run.stderr) as RemarkFile[];
    const remark = files
      .flatMap((file) =>
        file.messages
          .filter((m) => m.source === 'pagecare')
          .map((m) => `${file.path}:${m.line ?? 1} ${m.ruleId} ${m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info'}`),
      )
      .sort();
    const ours = (await lint({ cwd: repo, today: TODAY })).findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`).sort();
    expect(remark.length).toBeGreaterThan(20);
    expect(remark).toEqual(ours);
  });
});
