/** The command cannot run (bad usage, unreadable or invalid config): the CLI exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
