import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { makeRepo, page } from '../helpers/temp-repo.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TODAY = '2026-06-01';

interface Step { id?: string; name?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string> }
interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const steps = action.runs.steps;
const runStep = steps.find((step) => step.id === 'pagecare')!;

// Two pages: one with an error (unknown owner) and a warning (link text), one with a warning (due soon).
const REPO = {
  'content/pages/a.md': page({ owner: 'jsmth' }, 'Some people have [cancer drugs](glossary:chemotherapy).\n'),
  'content/pages/b.md': page({ next_review: '2026-07-01' }),
};

/**
 * Run the action's main step as the runner does (`bash -eo pipefail`, the
 * inputs in its `env:`), against the pagecare checked out here as the
 * action's own path; the setup-node and `npm ci` steps are what this checkout
 * already did.
 */
function runAction(cwd: string, inputs: Record<string, string>) {
  const temp = mkdtempSync(path.join(tmpdir(), 'pagecare-action-'));
  const output = path.join(temp, 'output');
  writeFileSync(output, '');
  const withDefaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] ?? input.default ?? '']));
  // The step's env maps each input by its `${{ inputs.<name> }}` expression.
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(runStep.env ?? {})) env[key] = withDefaults[/^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(value)![1]!]!;
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', runStep.run!], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', PAGECARE_TODAY: TODAY, GITHUB_ACTION_PATH: ROOT, RUNNER_TEMP: temp, GITHUB_OUTPUT: output, ...env },
  });
  const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((line) => line.split('=') as [string, string]));
  rmSync(temp, { recursive: true, force: true });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs };
}

describe('action.yml', () => {
  it('takes command, format, config and args, defaulting to lint with annotations', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(['args', 'command', 'config', 'format']);
    expect(action.inputs.command!.default).toBe('lint');
    expect(action.inputs.format!.default).toBe('github');
    for (const input of Object.values(action.inputs)) expect(input.description).not.toBe('');
  });

  it('wires the errors and warnings outputs to a step that exists', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'warnings']);
    for (const [name, output] of Object.entries(action.outputs)) {
      const [, id, key] = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(output.value) ?? [];
      expect(steps.some((step) => step.id === id)).toBe(true);
      expect(key).toBe(name);
    }
  });

  it('is a composite action with every action pinned to a commit, as the workflows pin them', () => {
    expect(action.runs.using).toBe('composite');
    const workflows = ['content-check.yml', 'review-cycle.yml'].map((name) => readFileSync(path.join(ROOT, '.github/workflows', name), 'utf8')).join('\n');
    for (const step of steps.filter((s) => s.uses)) {
      expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
      expect(workflows).toContain(`uses: ${step.uses}`);
    }
    expect(steps.some((step) => step.run?.includes('npm ci'))).toBe(true);
  });

  it('puts no expression inside run:, only in env:, and names each shell', () => {
    for (const step of steps.filter((s) => s.run !== undefined)) {
      expect(step.run).not.toContain('${{');
      expect(step.shell).toBe('bash');
    }
    expect(Object.values(runStep.env ?? {}).sort()).toEqual(Object.keys(action.inputs).map((name) => `\${{ inputs.${name} }}`).sort());
  });
});

describe("the action's run step, run here", () => {
  it('annotates the findings, sets the counts of the JSON report and fails on errors', () => {
    const repo = makeRepo(REPO);
    const json = runCli(['lint', '--format', 'json', '--no-cache'], { cwd: repo, env: { PAGECARE_TODAY: TODAY } });
    const { summary } = JSON.parse(json.stdout) as { summary: { errors: number; warnings: number; infos: number } };
    expect(summary.errors).toBeGreaterThan(0);

    const run = runAction(repo, {});
    expect(run.status, run.stderr).toBe(1);
    expect(run.outputs).toEqual({ errors: String(summary.errors), warnings: String(summary.warnings), infos: String(summary.infos) });
    expect(run.stdout).toMatch(/^::error file=content\/pages\/a\.md,line=3,.*owner-unknown/m);
    expect(run.stdout).toMatch(/^::warning file=content\/pages\/b\.md,.*review-due-soon/m);
  });

  it('counts only what args scope the lint to, and passes format and config through', () => {
    const repo = makeRepo({ ...REPO, 'site.yml': 'policy:\n  dueSoon: P7D\n' });
    const run = runAction(repo, { args: 'content/pages/b.md', format: 'json', config: 'site.yml' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.outputs).toEqual({ errors: '0', warnings: '0', infos: '0' });
    expect(JSON.parse(run.stdout)).toEqual({ messages: [], summary: { files: 1, errors: 0, warnings: 0, infos: 0 } });
  });

  it('runs other commands with the counts of a full lint', () => {
    const repo = makeRepo(REPO);
    const run = runAction(repo, { command: 'review', args: '--dry-run' });
    expect(run.status, run.stderr).toBe(0);
    expect(Number(run.outputs.errors)).toBeGreaterThan(0);
    expect(run.stdout).toContain('b.md');
    expect(existsSync(path.join(repo, 'reports'))).toBe(false);
  });

  it('treats args as words, never as shell code', () => {
    const repo = makeRepo(REPO);
    const run = runAction(repo, { args: '$(touch pwned) `touch pwned2` ; touch pwned3' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('$(touch');
    for (const file of ['pwned', 'pwned2', 'pwned3']) expect(existsSync(path.join(repo, file))).toBe(false);
  });
});
