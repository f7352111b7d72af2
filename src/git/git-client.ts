import { simpleGit, type SimpleGit } from 'simple-git';

/** Never wait for a person: no credential prompt (plain git or Git Credential Manager), no pager. */
const NON_INTERACTIVE = { GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', GIT_PAGER: 'cat' };

/**
 * simple-git refuses an environment that sets a pager, editor, askpass, ssh
 * command or config path unless told otherwise. Passing an environment at all
 * means passing the operator's own (a CI runner's GIT_SSH_COMMAND, a test's
 * GIT_CONFIG_GLOBAL), which is trusted; the argument checks (`--upload-pack`,
 * `-c core.hooksPath=…`, protocol overrides) stay on, and data-derived
 * arguments always follow `--`.
 */
const TRUST_INHERITED_ENV = {
  allowUnsafePager: true,
  allowUnsafeEditor: true,
  allowUnsafeAskPass: true,
  allowUnsafeSshCommand: true,
  allowUnsafeConfigPaths: true,
  allowUnsafeGitProxy: true,
  allowUnsafeTemplateDir: true,
  allowUnsafeDiffExternal: true,
};

/** A simple-git instance in `baseDir` with a non-interactive environment plus `env`. */
export function createGit(baseDir: string, env: Record<string, string> = {}): SimpleGit {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return simpleGit({ baseDir, unsafe: TRUST_INHERITED_ENV, errors: failOnExitCode }).env({
    ...inherited,
    ...NON_INTERACTIVE,
    ...env,
  });
}

/**
 * simple-git counts a non-zero exit as success when git wrote nothing to
 * stderr (`check-ref-format`, `rev-parse --quiet`); here every non-zero exit fails.
 */
function failOnExitCode(
  error: Buffer | Error | undefined,
  result: { exitCode: number; stdOut: Buffer[]; stdErr: Buffer[] },
): Buffer | Error | undefined {
  if (error || result.exitCode === 0) return error;
  const output = Buffer.concat([...result.stdOut, ...result.stdErr]);
  return output.length > 0 ? output : Buffer.from(`git exited with code ${result.exitCode}`);
}

/** `text` with the user and password of any URL in it masked (git echoes remote URLs in errors). */
export function redactUrlCredentials(text: string): string {
  // Anchored on `://`, so a match is only tried where one starts: linear on any input.
  return text.replace(/:\/\/[^/@\s]+@/g, '://***@');
}

/** A git failure as one safe line or paragraph: git's own words, credentials masked. */
export function describeGitError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return redactUrlCredentials(message).trim();
}
