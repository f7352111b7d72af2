import { setTimeout as delay } from 'node:timers/promises';
import nodemailer, { type NodemailerError } from 'nodemailer';
import { DEFAULT_FROM, oneLine, toSendMailOptions } from './mail-message.js';
import { MailError, type Mailer } from './mailer.js';
import { redactSecrets, smtpUrlSecrets } from './redact.js';

export interface SmtpTimeouts {
  /** Milliseconds to wait for the TCP (and TLS) connection. */
  connection?: number;
  /** Milliseconds to wait for the server's greeting once connected. */
  greeting?: number;
  /** Milliseconds of silence after which the connection is dropped. */
  socket?: number;
}

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  url: string;
  /** Sender for mail that names none. */
  from?: string | undefined;
  timeouts?: SmtpTimeouts | undefined;
  /** Further attempts after a transient failure. */
  retries: number;
  /** First wait between attempts; it doubles each time (default 1000 ms). */
  backoffMs?: number | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

export interface SmtpEndpoint {
  host: string;
  port: number;
  secure: boolean;
  auth: { user: string; pass: string } | undefined;
  /** `smtp://host:port`, safe to print. */
  description: string;
}

const DEFAULT_TIMEOUTS: Required<SmtpTimeouts> = { connection: 30_000, greeting: 30_000, socket: 60_000 };
/** Failures of the connection rather than of the message: another attempt may well succeed. */
const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNRESET']);

/**
 * Read an SMTP URL. Throws an `Error` whose message is fixed text, never
 * any part of the URL, so it can be shown as it is.
 */
export function parseSmtpUrl(url: string): SmtpEndpoint {
  const fail = (reason: string): never => {
    throw new Error(`${reason}; expected smtp://user:pass@host:port or smtps://user:pass@host:port`);
  };
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return fail('not a URL (percent-encode any of @ : / ? # in the user name or password)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') fail('not an smtp:// or smtps:// URL');
  if (!parsed.hostname) fail('no host');
  if ((parsed.pathname && parsed.pathname !== '/') || parsed.search || parsed.hash) fail('unexpected text after the port');
  const secure = parsed.protocol === 'smtps:';
  const port = parsed.port ? Number(parsed.port) : secure ? 465 : 587;
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return fail('a malformed %-escape in the user name or password');
    }
  };
  const auth = parsed.username || parsed.password ? { user: decode(parsed.username), pass: decode(parsed.password) } : undefined;
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    secure,
    auth,
    description: `${parsed.protocol}//${parsed.hostname}:${port}`,
  };
}

/**
 * A password never crosses the network in clear: smtp:// with credentials
 * insists on STARTTLS, except to a server on this machine.
 */
export function requiresStartTls(endpoint: Pick<SmtpEndpoint, 'host' | 'secure' | 'auth'>): boolean {
  const loopback = endpoint.host === 'localhost' || endpoint.host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(endpoint.host);
  return endpoint.auth !== undefined && !endpoint.secure && !loopback;
}

/**
 * Mail through an SMTP server. Transient failures (4xx replies, dropped or
 * stalled connections) are retried with exponential backoff; permanent ones
 * (5xx) fail at once with `MailError.permanent`. Every error message is
 * scrubbed of the URL's credentials.
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const endpoint = parseSmtpUrl(options.url);
  const secrets = [...smtpUrlSecrets(options.url), ...(endpoint.auth ? [endpoint.auth.user, endpoint.auth.pass] : [])];
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const backoffMs = options.backoffMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const transport = nodemailer.createTransport({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.secure,
    auth: endpoint.auth,
    requireTLS: requiresStartTls(endpoint),
    connectionTimeout: timeouts.connection,
    greetingTimeout: timeouts.greeting,
    socketTimeout: timeouts.socket,
  });
  const from = options.from ?? DEFAULT_FROM;

  return {
    kind: 'smtp',
    description: endpoint.description,
    async send(mail) {
      const message = toSendMailOptions(mail, from);
      for (let attempt = 1; ; attempt++) {
        let failure: NodemailerError;
        try {
          const info = await transport.sendMail(message);
          if (info.rejected.length === 0) return;
          failure = Object.assign(new Error(`recipient refused: ${info.response}`), { code: 'EENVELOPE' });
        } catch (error) {
          failure = error as NodemailerError;
        }
        const transient = isTransient(failure);
        if (!transient || attempt > options.retries) {
          const tries = attempt === 1 ? '' : ` after ${attempt} attempts`;
          const text = `Could not send to ${oneLine(mail.to.email)} via ${endpoint.description}${tries}: ${describe(failure)}`;
          throw new MailError(redactSecrets(text, secrets), !transient, failure.code, failure.responseCode);
        }
        await sleep(backoffMs * 2 ** (attempt - 1));
      }
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * 4xx replies and dropped or stalled connections may pass next time; 5xx
 * replies, a failed TLS handshake (a wrong port or certificate) and anything
 * else will not.
 */
function isTransient(error: NodemailerError): boolean {
  if (typeof error.responseCode === 'number') return error.responseCode >= 400 && error.responseCode < 500;
  if (isTlsFailure(error)) return false;
  return TRANSIENT_CODES.has(error.code ?? '');
}

const CERTIFICATE_FAILURE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/;

function isTlsFailure(error: NodemailerError): boolean {
  return error.code === 'ETLS' || /^ERR_(SSL|TLS)_/.test(error.originalCode ?? '') || CERTIFICATE_FAILURE.test(error.originalCode ?? '');
}

function describe(error: NodemailerError): string {
  if (!isTlsFailure(error)) return error.message.trim();
  const reason = (error as { reason?: unknown }).reason;
  const failed = `TLS failed (${typeof reason === 'string' ? reason : error.message.trim()})`;
  // A certificate the client will not trust is the server's to fix; a failed handshake is usually the wrong scheme or port.
  if (CERTIFICATE_FAILURE.test(error.originalCode ?? '')) {
    return `${failed}; the server's certificate is not trusted: it must be current, name this host and come from a known authority`;
  }
  return `${failed}; smtps:// speaks TLS from the start (usually port 465), smtp:// upgrades with STARTTLS (usually port 587)`;
}
