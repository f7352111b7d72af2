import type { Digest, Plan } from '../review/plan.js';
import type { Ledger } from './ledger.js';
import { MailError, type Mailer, type OutgoingMail } from './mailer.js';

export interface SentDigest {
  handle: string;
  email: string;
  pages: number;
  messageId: string;
}

export interface FailedDigest {
  handle: string;
  email: string;
  pages: number;
  /** Already free of credentials. */
  error: string;
  permanent: boolean;
}

export interface SendReport {
  sent: SentDigest[];
  failed: FailedDigest[];
  /** Digests not attempted because the run was asked to stop. */
  notAttempted: Array<{ handle: string; pages: number }>;
}

/**
 * Apply the plan's reminders: one send per digest, each recorded in the
 * ledger as soon as it is accepted, so a crash or a rerun repeats nothing and
 * a failure for one recipient never stops the others.
 */
export async function sendReminders(options: {
  plan: Plan;
  mailer: Mailer;
  ledger: Ledger;
  render: (digest: Digest) => OutgoingMail;
  now?: () => Date;
  /** Checked between sends: SIGTERM lets the current send finish, then stops. */
  signal?: AbortSignal;
}): Promise<SendReport> {
  const now = options.now ?? (() => new Date());
  const report: SendReport = { sent: [], failed: [], notAttempted: [] };
  for (const digest of options.plan.digests) {
    if (options.signal?.aborted) {
      report.notAttempted.push({ handle: digest.handle, pages: digest.items.length });
      continue;
    }
    const mail = options.render(digest);
    try {
      await options.mailer.send(mail);
    } catch (error) {
      const mailError = error instanceof MailError ? error : undefined;
      report.failed.push({
        handle: digest.handle,
        email: digest.email,
        pages: digest.items.length,
        error: mailError?.message ?? 'unexpected failure while sending',
        permanent: mailError?.permanent ?? false,
      });
      continue;
    }
    const sentAt = now().toISOString();
    await options.ledger.record(
      Object.fromEntries(digest.items.map((item) => [item.ledgerKey, { sentAt, messageId: mail.messageId }])),
    );
    report.sent.push({ handle: digest.handle, email: digest.email, pages: digest.items.length, messageId: mail.messageId });
  }
  return report;
}
