import { createHash } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { Temporal } from 'temporal-polyfill';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { DEFAULT_FROM, toSendMailOptions } from './mail-message.js';
import { MailError, type Mailer } from './mailer.js';

export interface OutboxOptions {
  /** Sender for mail that names none. */
  from?: string | undefined;
  /** The date that prefixes file names (YYYY-MM-DD); the local date by default. */
  today?: () => string;
}

/**
 * The embedded transport: each message, built by nodemailer exactly as SMTP
 * would carry it, becomes `<dir>/<date>-<handle>-<id>.eml`. A message whose
 * Message-ID is already in the folder is not written again, so a resend is harmless.
 */
export function createOutboxMailer(dir: string, options: OutboxOptions = {}): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const today = options.today ?? (() => Temporal.Now.plainDateISO().toString());
  const from = options.from ?? DEFAULT_FROM;
  return {
    kind: 'outbox',
    description: dir,
    async send(mail) {
      const id = shortId(mail.messageId);
      try {
        await mkdir(dir, { recursive: true });
        if ((await readdir(dir)).some((name) => name.endsWith(`-${id}.eml`))) return;
        const info = await transport.sendMail(toSendMailOptions(mail, from));
        const who = safe(mail.headers?.['X-Pagecare-Digest'] || mail.to.email.split('@')[0] || 'recipient');
        const file = path.join(dir, `${today()}-${who}-${id}.eml`);
        // A reader (or a crash) never sees half a message.
        await writeFileAtomic(file, info.message as Buffer);
      } catch (error) {
        const err = error as NodeJS.ErrnoException;
        throw new MailError(`Could not write to the outbox ${dir}: ${err.message}`, false, err.code);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** 12 characters that name the message: the Message-ID's own hex, or a hash of an unusual one. */
function shortId(messageId: string): string {
  const local = /^<?([A-Za-z0-9]{12,})@/.exec(messageId)?.[1];
  return (local ?? createHash('sha256').update(messageId).digest('hex')).slice(0, 12).toLowerCase();
}

function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 40) || 'recipient';
}
