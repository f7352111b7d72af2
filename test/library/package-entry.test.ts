import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, page } from '../helpers/temp-repo.js';

const project = path.resolve(import.meta.dirname, '../..');

describe("the package's own entry", () => {
  it("lints and formats through `import … from 'pagecare'`, as the built package resolves it", () => {
    const root = makeRepo({ 'content/pages/a.md': page({ next_review: '2026-05-01' }) });
    // Run from the package itself, so `pagecare` resolves through package.json `exports` to dist/.
    const script = `
      import { lint, formatFindings, VERSION } from 'pagecare';
      const result = await lint({ cwd: ${JSON.stringify(root)}, today: '2026-06-01', cache: false });
      process.stdout.write(formatFindings('json', { findings: result.findings, files: result.files, version: VERSION, color: false }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ files: 2, errors: 1, warnings: 0, infos: 0 });
    expect(report.messages[0]).toMatchObject({ file: 'content/pages/a.md', ruleId: 'review-overdue', severity: 'error' });
  });
});
