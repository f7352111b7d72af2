import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema, type Config } from './schema.js';
import { UsageError } from './config-error.js';
import { parseFrontMatter } from '../content/front-matter.js';
import { describeIssues } from '../content/schema-issues.js';
import { defaultSeverity, RULES, type RuleId, type Severity } from '../rules/catalog.js';
import { RULE_OPTIONS } from '../rules/options.js';
import { parseDuration, type Duration } from '../time/duration.js';

export const CONFIG_FILE = 'pagecare.config.yml';

export interface Policy {
  maxInterval: Duration;
  dueSoon: Duration;
  staleAfter: Duration;
  upcoming: Duration;
  reminders: { before: number[]; overdueEvery: number };
  /** How long before `next_review` a review pull request is opened. */
  pullRequestWindow: Duration;
}

export interface ResolvedConfig {
  /** Absolute path of the content repository root. */
  root: string;
  /** The config file read, if any. */
  file: string | undefined;
  config: Config;
  policy: Policy;
  severities: Record<RuleId, Severity>;
  ruleOptions: Partial<Record<RuleId, Record<string, unknown>>>;
}

/** The repository root: the nearest folder up from `cwd` with a config file or a `content/` folder. */
export function findRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CONFIG_FILE)) || existsSync(path.join(dir, 'content'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

export function loadConfig(options: { cwd: string; configPath?: string | undefined }): ResolvedConfig {
  const explicit = options.configPath ? path.resolve(options.cwd, options.configPath) : undefined;
  const root = explicit ? path.dirname(explicit) : findRoot(options.cwd);
  const file = explicit ?? (existsSync(path.join(root, CONFIG_FILE)) ? path.join(root, CONFIG_FILE) : undefined);

  let input: unknown = {};
  let keyLine = (_: Array<string | number>): number | undefined => undefined;
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read config ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    // Parse as a front-matter block so YAML errors and keys carry file lines.
    const parsed = parseFrontMatter(`---\n${text}\n---\n`);
    const shown = path.relative(options.cwd, file) || file;
    if (parsed.errors.length > 0) {
      const e = parsed.errors[0]!;
      throw new UsageError(`${shown}:${e.line - 1}:${e.column}: invalid YAML: ${e.message}`);
    }
    input = parsed.data ?? {};
    keyLine = (p) => {
      for (let n = p.length; n > 0; n--) {
        const span = parsed.keySpan(p.slice(0, n));
        if (span) return span.line - 1;
      }
      return undefined;
    };
    const result = configSchema.safeParse(input, { reportInput: true });
    if (!result.success) {
      const problems = describeIssues(result.error.issues, { knownKeys: (p) => knownConfigKeys(p) });
      const lines = problems.map((problem) => {
        const line = keyLine(problem.path);
        return `${shown}${line ? `:${line}` : ''}: ${problem.message}`;
      });
      throw new UsageError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
    }
    return resolveConfig(root, file, result.data);
  }
  return resolveConfig(root, undefined, configSchema.parse(input));
}

/** The resolved form of an already-validated config (also how worker threads rebuild it). */
export function resolveConfig(root: string, file: string | undefined, config: Config): ResolvedConfig {
  const severities = {} as Record<RuleId, Severity>;
  const ruleOptions: ResolvedConfig['ruleOptions'] = {};
  for (const rule of RULES) {
    const setting = config.rules[rule.id];
    if (setting === undefined) severities[rule.id] = defaultSeverity(rule);
    else if (typeof setting === 'string') severities[rule.id] = setting;
    else {
      severities[rule.id] = setting[0];
      ruleOptions[rule.id] = setting[1];
    }
  }
  const duration = (value: string) => parseDuration(value) as Duration;
  return {
    root,
    file,
    config,
    policy: {
      maxInterval: duration(config.policy.maxInterval),
      dueSoon: duration(config.policy.dueSoon),
      staleAfter: duration(config.policy.staleAfter),
      upcoming: duration(config.policy.upcoming),
      reminders: config.policy.reminders,
      pullRequestWindow: duration(config.pullRequests.window),
    },
    severities,
    ruleOptions,
  };
}

function knownConfigKeys(p: Array<string | number>): string[] {
  // `rules.<id>[1]`: the options that rule takes.
  if (p.length === 3 && p[0] === 'rules' && p[2] === 1) return Object.keys(RULE_OPTIONS[p[1] as RuleId]?.shape ?? {});
  let shape: unknown = configSchema.shape;
  for (const segment of p) {
    const next = (shape as Record<string, { unwrap?: () => unknown; shape?: unknown; def?: { innerType?: unknown } }>)[String(segment)];
    shape = unwrapShape(next);
    if (!shape) return segment === 'rules' ? RULES.map((r) => r.id) : [];
  }
  return p[p.length - 1] === 'rules' ? RULES.map((r) => r.id) : Object.keys(shape as object);
}

function unwrapShape(schema: unknown): unknown {
  let current = schema as { shape?: unknown; def?: { innerType?: unknown } } | undefined;
  while (current && !current.shape && current.def?.innerType) current = current.def.innerType as typeof current;
  return current?.shape;
}

