import path from 'node:path';
import { UsageError } from '../config/config-error.js';
import type { ResolvedConfig } from '../config/load-config.js';
import { DEFAULT_FROM } from './mail-message.js';
import type { Mailer } from './mailer.js';
import { createOutboxMailer } from './outbox-mailer.js';
import { createSmtpMailer, parseSmtpUrl } from './smtp-mailer.js';

type Env = Readonly<Record<string, string | undefined>>;
type MailConfig = Pick<ResolvedConfig, 'root' | 'config'>;

/** The sender: `PAGECARE_MAIL_FROM`, then `mail.from`, then `pagecare <pagecare@localhost>`. */
export function mailFrom(env: Env, config: MailConfig): string {
  return present(env.PAGECARE_MAIL_FROM) ?? present(config.config.mail.from) ?? DEFAULT_FROM;
}

/**
 * SMTP when `PAGECARE_SMTP_URL` is set, otherwise the outbox folder, whose
 * file names carry the run's `today`. An
 * empty variable counts as unset, as a CI secret that was never defined is.
 * Throws `UsageError` for an unusable URL, without repeating its credentials.
 */
export function createMailer(env: Env, config: MailConfig, today: () => string): Mailer {
  const from = mailFrom(env, config);
  const url = present(env.PAGECARE_SMTP_URL);
  if (url) {
    try {
      parseSmtpUrl(url);
    } catch (error) {
      // parseSmtpUrl's messages are already free of the URL and its secrets.
      throw new UsageError(`Invalid PAGECARE_SMTP_URL: ${(error as Error).message}`);
    }
    return createSmtpMailer({ url, from, retries: config.config.mail.retries });
  }
  const dir = path.resolve(config.root, config.config.mail.outbox);
  return createOutboxMailer(dir, { from, today });
}

function present(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
