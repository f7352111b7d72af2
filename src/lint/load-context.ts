import { loadConfig, type ResolvedConfig } from '../config/load-config.js';
import { buildIndex } from '../content/content-index.js';
import { resolveToday } from '../time/today.js';
import type { LintContext } from './context.js';

/** Config, index and today for a repository: what one run of the rules shares. */
export async function loadContext(options: {
  cwd: string;
  configPath?: string | undefined;
  today?: string | undefined;
  config?: ResolvedConfig;
  /** Where `PAGECARE_TODAY` is read from (default: this process's environment). */
  env?: NodeJS.ProcessEnv;
}): Promise<LintContext> {
  const config = options.config ?? loadConfig({ cwd: options.cwd, configPath: options.configPath });
  const today = resolveToday({ explicit: options.today, timeZone: config.config.timezone, ...(options.env ? { env: options.env } : {}) });
  return { config, index: await buildIndex(config), today };
}
