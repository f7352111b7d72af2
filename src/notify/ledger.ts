/**
 * The ledger port: which reminders were sent. Keys are
 * `page id|next_review|milestone|handle` (see review/plan.ts `ledgerKey`).
 * `record` returns only once the entries are durable, so a crash after it
 * can never send them again.
 */
export interface LedgerEntry {
  /** ISO instant the message was accepted. */
  sentAt: string;
  messageId: string;
}

export type LedgerEntries = Record<string, LedgerEntry>;

export interface Ledger {
  readonly kind: 'file' | 'git';
  readonly description: string;
  load(): Promise<LedgerEntries>;
  record(entries: LedgerEntries): Promise<void>;
  /** Drop entries that can never matter again (their page's `next_review` moved on). */
  prune(keep: (key: string) => boolean): Promise<void>;
}
