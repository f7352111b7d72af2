import path from 'node:path';
import { UsageError } from '../config/config-error.js';
import type { ResolvedConfig } from '../config/load-config.js';
import { DEFAULT_FROM } from './mail-message.js';
import type { Mailer } from './mailer.js';
import { createOutboxMailer } from './outbox-mailer.js';
import { createSmtpMailer, parseSmtpUrl, type SmtpTimeouts } from './smtp-mailer.js';

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
 * Throws `UsageError` for an unusable URL, without repeating its credentials,
 * or an unusable `PAGECARE_SMTP_TIMEOUT`.
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
    return createSmtpMailer({ url, from, retries: config.config.mail.retries, timeouts: smtpTimeouts(env) });
  }
  const dir = path.resolve(config.root, config.config.mail.outbox);
  return createOutboxMailer(dir, { from, today });
}

/**
 * `PAGECARE_SMTP_TIMEOUT`: seconds to wait for the connection and for the
 * greeting, and twice that for any other reply, before giving the attempt up
 * (as the defaults: 30, 30 and 60 s).
 */
function smtpTimeouts(env: Env): SmtpTimeouts | undefined {
  const text = present(env.PAGECARE_SMTP_TIMEOUT)?.trim();
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(seconds > 0)) {
    throw new UsageError(`Invalid PAGECARE_SMTP_TIMEOUT "${text}"; expected a number of seconds above 0, such as 30`);
  }
  const ms = Math.round(seconds * 1000);
  return { connection: ms, greeting: ms, socket: 2 * ms };
}

function present(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
