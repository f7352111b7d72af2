import path from 'node:path';
import type { ResolvedConfig } from '../config/load-config.js';
import { createMailer, mailFrom } from '../notify/create-mailer.js';
import { renderDigest } from '../notify/digest.js';
import type { Ledger } from '../notify/ledger.js';
import { withLedgerLock } from '../notify/ledger-file.js';
import { sendReminders, type SendReport } from '../notify/send-reminders.js';
import type { Plan } from '../review/plan.js';

/**
 * Send the plan's reminders holding the ledger lock, so two runs never
 * apply at once, then prune ledger keys whose `next_review` has moved on.
 */
export async function remindStep(options: {
  plan: Plan;
  config: ResolvedConfig;
  ledger: Ledger;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal | undefined;
}): Promise<{ report: SendReport; mailer: string }> {
  const { plan, config, ledger } = options;
  const today = plan.today;
  const mailer = createMailer(options.env, config, () => today.toString());
  const from = mailFrom(options.env, config);
  const context = { today, repositoryUrl: config.config.repository.url, branch: config.config.repository.branch, from };
  const lockDir = path.dirname(path.resolve(config.root, config.config.ledger.file));
  try {
    const report = await withLedgerLock(lockDir, async () => {
      const sent = await sendReminders({
        plan,
        mailer,
        ledger,
        render: (digest) => renderDigest(digest, context),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const live = new Set(plan.schedule.map((entry) => `${entry.id}|${entry.nextReview.toString()}|`));
      await ledger.prune((key) => live.has(key.slice(0, key.indexOf('|', key.indexOf('|') + 1) + 1)));
      return sent;
    });
    return { report, mailer: mailer.description };
  } finally {
    await mailer.close();
  }
}
