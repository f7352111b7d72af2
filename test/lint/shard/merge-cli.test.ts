import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { registerMerge } from '../../../src/cli/merge.js';
import { UsageError } from '../../../src/config/config-error.js';
import type { Finding } from '../../../src/lint/finding.js';
import { formatFindings, type Format } from '../../../src/lint/reporters/index.js';
import { findings } from '../../reporters/fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pagecare-merge-'));

function reportFile(name: string, format: Format, shown: readonly Finding[], files: number): string {
  const file = path.join(dir, name);
  writeFileSync(file, formatFindings(format, { findings: shown, files, version: '1', color: false }));
  return file;
}

async function merge(...args: string[]): Promise<void> {
  const program = new Command('pagecare').exitOverride().configureOutput({ writeErr: () => {} });
  registerMerge(program);
  await program.parseAsync(['merge', ...args], { from: 'user' });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

describe('pagecare merge', () => {
  const warnings = findings.filter((f) => f.severity !== 'error');
  const errors = findings.filter((f) => f.severity === 'error');

  it('writes the merged JSON report to --output and exits 0 without errors', async () => {
    const out = path.join(dir, 'out/merged.json');
    await merge(reportFile('w.json', 'json', warnings, 2), reportFile('clean.json', 'json', [], 1), '--output', out);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary).toEqual({ files: 3, errors: 0, warnings: 1, infos: 1 });
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('prints the merged SARIF log and exits 1 when it holds errors', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await merge('--format', 'sarif', reportFile('w.sarif', 'sarif', warnings, 2), reportFile('e.sarif', 'sarif', errors, 1));
    const log = JSON.parse(String(write.mock.calls[0]![0]));
    expect(log.runs[0].results).toHaveLength(findings.length);
    expect(process.exitCode).toBe(1);
  });

  it('fails with a usage error naming an unreadable or invalid report', async () => {
    await expect(merge(path.join(dir, 'missing.json'))).rejects.toThrow(new UsageError(`Cannot read report \`${path.join(dir, 'missing.json')}\` (ENOENT), expected a file written by pagecare lint`));
    const invalid = path.join(dir, 'invalid.json');
    writeFileSync(invalid, 'not json');
    await expect(merge(invalid)).rejects.toThrow(/`.*invalid\.json` is not JSON/);
    await expect(merge(reportFile('a.json', 'json', [], 1), reportFile('b.sarif', 'sarif', [], 1))).rejects.toThrow(UsageError);
  });

  it('rejects a format it cannot merge', async () => {
    await expect(merge('--format', 'github', reportFile('c.json', 'json', [], 1))).rejects.toThrow(CommanderError);
  });
});
