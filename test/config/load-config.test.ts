import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { loadConfig } from '../../src/config/load-config.js';
import { UsageError } from '../../src/config/config-error.js';
import { makeRepo } from '../helpers/temp-repo.js';

function load(config: string) {
  const root = makeRepo({ 'pagecare.config.yml': config });
  return () => loadConfig({ cwd: root });
}

describe('pagecare.config.yml', () => {
  it('has the contract defaults when absent', () => {
    const root = makeRepo({});
    const config = loadConfig({ cwd: root });
    expect(config.config.policy).toEqual({ maxInterval: 'P3Y', dueSoon: 'P90D', staleAfter: 'P10Y', upcoming: 'P6M', reminders: { before: [90, 30, 7], overdueEvery: 7 } });
    expect(config.config.timezone).toBe('Europe/London');
    expect(config.severities['review-due-soon']).toBe('warning');
    expect(config.severities['reference-stale']).toBe('info');
    expect(config.file).toBeUndefined();
  });

  it('finds the repository root from a subfolder', () => {
    const root = makeRepo({ 'pagecare.config.yml': 'policy: { dueSoon: P30D }\n' });
    const sub = path.join(root, 'content', 'pages', 'deep');
    mkdirSync(sub, { recursive: true });
    const config = loadConfig({ cwd: sub });
    expect(config.root).toBe(root);
    expect(config.policy.dueSoon.days).toBe(30);
  });

  it('sets per-rule severity and options', () => {
    const config = load("rules:\n  review-due-soon: 'off'\n  reference-stale: [warning, { note: x }]\n")();
    expect(config.severities['review-due-soon']).toBe('off');
    expect(config.severities['reference-stale']).toBe('warning');
    expect(config.ruleOptions['reference-stale']).toEqual({ note: 'x' });
  });

  it('names the key, its line and the fix for a bad duration', () => {
    expect(load('# policy\npolicy:\n  maxInterval: 3 years\n')).toThrow(
      /pagecare\.config\.yml:3: Unexpected `3 years` in `policy\.maxInterval`, expected an ISO 8601 duration .* such as P3Y/,
    );
  });

  it('suggests the nearest key for a typo', () => {
    expect(load('polcy:\n  dueSoon: P30D\n')).toThrow(/Unknown field `polcy`, expected `policy`/);
    expect(load('rules:\n  review-overdu: warning\n')).toThrow(/Unknown field `rules\.review-overdu`, expected `review-overdue`/);
  });

  it('lists the allowed severities', () => {
    expect(load('rules:\n  review-overdue: warn\n')).toThrow(/expected one of `off`, `info`, `warning`, `error`/);
  });

  it('rejects an unknown time zone and broken YAML as usage errors', () => {
    expect(load('timezone: Mars/Olympus\n')).toThrow(UsageError);
    expect(load('timezone: Mars/Olympus\n')).toThrow(/IANA time zone/);
    expect(load('policy: [unclosed\n')).toThrow(/invalid YAML/);
  });
});
