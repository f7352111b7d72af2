/** The mail port: SMTP (nodemailer) or the embedded outbox of .eml files, behind one `send`. */
export interface Address {
  name: string;
  email: string;
}

export interface OutgoingMail {
  to: Address;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Deterministic per digest, so a resend after a crash is recognisable as the same message. */
  messageId: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  /** Where mail goes, safe to print (never a credential). */
  readonly description: string;
  /** Resolves once the message is accepted; rejects with a `MailError`. */
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

/** A send that failed; `permanent` failures (5xx) are not retried. */
export class MailError extends Error {
  override name = 'MailError';
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly code?: string,
    readonly responseCode?: number,
  ) {
    super(message);
  }
}
