import type { SendMailOptions } from 'nodemailer';
import type { OutgoingMail } from './mailer.js';

/** A header value on one line: CR/LF would end the header and start one of the sender's choosing. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

const HEADER_NAME = /^[A-Za-z0-9-]+$/;

/**
 * The nodemailer message for an `OutgoingMail`, shared by both transports so
 * the outbox holds exactly what SMTP would carry. Header values are made
 * single-line again here, whoever built the mail.
 */
export function toSendMailOptions(mail: OutgoingMail, fallbackFrom: string): SendMailOptions {
  const headers = Object.entries(mail.headers ?? {})
    .filter(([name]) => HEADER_NAME.test(name))
    .map(([name, value]) => [name, oneLine(value)] as const);
  return {
    from: oneLine(mail.from) || fallbackFrom,
    to: { name: oneLine(mail.to.name), address: oneLine(mail.to.email) },
    subject: oneLine(mail.subject),
    text: mail.text,
    html: mail.html,
    messageId: oneLine(mail.messageId),
    headers: Object.fromEntries(headers),
  };
}

export const DEFAULT_FROM = 'pagecare <pagecare@localhost>';
