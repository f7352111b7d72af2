import type { LedgerEntries } from '../../../src/notify/ledger.js';
import type { Received } from '../../notify/mail/smtp-server.js';

export interface DeliveryAccount {
  /** Ledger keys (page|due|milestone|handle) with how many accepted messages carried each. */
  perKey: Record<string, number>;
  /** Message-IDs the server accepted more than once, with the count. */
  repeated: Record<string, number>;
  /** Accepted messages that no ledger entry accounts for (sent, then superseded by another message). */
  unaccounted: string[];
  /** Accepted messages whose envelope or digest header is not the recipient the ledger key names. */
  misaddressed: string[];
}

/**
 * What the SMTP server accepted, counted against the final ledger: each
 * ledger key is covered by the message recorded for it, so a key counted
 * twice was mailed twice, and a key counted zero times was lost.
 */
export function accountDeliveries(received: readonly Received[], ledger: LedgerEntries, emailOf: Record<string, string>): DeliveryAccount {
  const keysById = new Map<string, string[]>();
  for (const [key, entry] of Object.entries(ledger)) keysById.set(entry.messageId, [...(keysById.get(entry.messageId) ?? []), key]);
  const perKey: Record<string, number> = Object.fromEntries(Object.keys(ledger).map((key) => [key, 0]));
  const seen: Record<string, number> = {};
  const unaccounted: string[] = [];
  const misaddressed: string[] = [];
  for (const mail of received) {
    const id = mail.parsed.messageId ?? '(none)';
    seen[id] = (seen[id] ?? 0) + 1;
    const keys = keysById.get(id);
    if (!keys) {
      unaccounted.push(id);
      continue;
    }
    for (const key of keys) {
      perKey[key] = (perKey[key] ?? 0) + 1;
      const handle = key.slice(key.lastIndexOf('|') + 1);
      const header = mail.parsed.headers.get('x-pagecare-digest');
      if (header !== handle || mail.to.join(',') !== emailOf[handle]) misaddressed.push(`${id} for ${key}`);
    }
  }
  const repeated = Object.fromEntries(Object.entries(seen).filter(([, n]) => n > 1));
  return { perKey, repeated, unaccounted, misaddressed };
}
