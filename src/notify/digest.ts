import { createHash } from 'node:crypto';
import escapeHtml from 'escape-html';
import type { FindingCounts, Digest, DigestItem, Role } from '../review/plan.js';
import { compareDates, type PlainDate } from '../time/calendar-date.js';
import { oneLine } from './mail-message.js';
import type { OutgoingMail } from './mailer.js';
import { trimEnd } from '../content/repo-path.js';

export interface DigestContext {
  today: PlainDate;
  /** Web address of the content repository (http or https); pages link into it. */
  repositoryUrl?: string | undefined;
  branch: string;
  from: string;
}

const SECTIONS: ReadonlyArray<{ role: Role; heading: string; note: string }> = [
  {
    role: 'owner',
    heading: 'Pages you own',
    note: 'Review the page, then set last_reviewed to the review date and next_review to the next due date.',
  },
  {
    role: 'reviewer',
    heading: 'Pages you review',
    note: 'You are copied for information: the owner leads the review and may ask for your help.',
  },
  {
    role: 'escalation',
    heading: 'Overdue across the site',
    note: 'These pages are past their review date. Please check with their owners that a review is under way.',
  },
];

interface Row {
  title: string;
  path: string;
  owner: string | undefined;
  due: string;
  when: string;
  findings: string;
  link: string | undefined;
}

/**
 * One recipient's reminder email, as plain text and HTML. Pure: the same
 * digest and context always give the same message, and the same ledger keys
 * the same Message-ID, so a resend after a crash is recognisably one message.
 */
export function renderDigest(digest: Digest, ctx: DigestContext): OutgoingMail {
  const items = [...digest.items].sort(
    (a, b) => compareDates(a.entry.nextReview, b.entry.nextReview) || compareText(a.entry.path, b.entry.path),
  );
  const overdue = items.filter((item) => item.entry.daysLeft < 0).length;
  const subject = `[pagecare] ${plural(items.length, 'page')} due for review${overdue > 0 ? ` (${overdue} overdue)` : ''}`;
  const base = repositoryBase(ctx.repositoryUrl);
  const sections = SECTIONS.map((section) => ({
    ...section,
    rows: items.filter((item) => item.role === section.role).map((item) => row(item, base, ctx.branch)),
  })).filter((section) => section.rows.length > 0);
  const name = oneLine(digest.name);
  const intro = `${plural(items.length, 'page')} ${items.length === 1 ? 'needs' : 'need'} your attention${
    overdue > 0 ? `, ${overdue} of them past the review date` : ''
  }.`;
  const footer = `Sent by pagecare on ${ctx.today.toString()} because you are listed in the site's editors file. You get one email per person per run, and each reminder only once.`;

  const text = [
    `Hello ${name},`,
    '',
    intro,
    ...sections.flatMap((section) => [
      '',
      section.heading,
      '-'.repeat(section.heading.length),
      section.note,
      ...section.rows.flatMap((r) => [
        '',
        `* ${oneLine(r.title)}`,
        `  Due: ${r.due} (${r.when})`,
        ...(section.role === 'escalation' ? [`  Owner: ${r.owner ?? 'none'}`] : []),
        `  Page checks: ${r.findings}`,
        `  ${r.link ?? r.path}`,
      ]),
    ]),
    '',
    '-- ',
    footer,
    '',
  ].join('\n');

  const cell = 'padding:6px 10px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top;';
  const html = [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.4;color:#1b1b1b;">',
    `<p>Hello ${escapeHtml(name)},</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    ...sections.flatMap((section) => [
      `<h2 style="font-size:18px;margin:24px 0 4px;">${escapeHtml(section.heading)}</h2>`,
      `<p style="margin:0 0 8px;">${escapeHtml(section.note)}</p>`,
      '<table style="border-collapse:collapse;width:100%;max-width:720px;">',
      `<tr>${[...['Page', 'Due'], ...(section.role === 'escalation' ? ['Owner'] : []), 'Page checks']
        .map((label) => `<th scope="col" style="${cell}">${label}</th>`)
        .join('')}</tr>`,
      ...section.rows.map(
        (r) =>
          `<tr><td style="${cell}">${
            r.link
              ? `<a href="${escapeHtml(r.link)}" style="color:#1d70b8;">${escapeHtml(r.title)}</a>`
              : escapeHtml(r.title)
          }<br><span style="color:#505a5f;font-size:13px;">${escapeHtml(r.path)}</span></td>` +
          `<td style="${cell}">${escapeHtml(r.due)}<br><span style="font-size:13px;">${escapeHtml(r.when)}</span></td>` +
          (section.role === 'escalation' ? `<td style="${cell}">${escapeHtml(r.owner ?? 'none')}</td>` : '') +
          `<td style="${cell}">${escapeHtml(r.findings)}</td></tr>`,
      ),
      '</table>',
    ]),
    `<p style="color:#505a5f;font-size:13px;margin-top:24px;">${escapeHtml(footer)}</p>`,
    '</body></html>',
    '',
  ].join('\n');

  return {
    to: { name, email: oneLine(digest.email) },
    from: oneLine(ctx.from),
    subject,
    text,
    html,
    messageId: digestMessageId(items),
    headers: {
      'X-Pagecare-Digest': oneLine(digest.handle),
      'Auto-Submitted': 'auto-generated',
      // Keeps out-of-office replies away from an unattended sender.
      'X-Auto-Response-Suppress': 'All',
    },
  };
}

/** `<` + the first 32 hex digits of sha256(sorted ledger keys) + `@pagecare>`. */
export function digestMessageId(items: readonly Pick<DigestItem, 'ledgerKey'>[]): string {
  const keys = items.map((item) => item.ledgerKey).sort(compareText);
  return `<${createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 32)}@pagecare>`;
}

/** "12 days overdue", "due today", "in 30 days". */
export function describeDaysLeft(days: number): string {
  if (days < 0) return `${plural(-days, 'day')} overdue`;
  if (days === 0) return 'due today';
  return `in ${plural(days, 'day')}`;
}

/** "2 errors, 1 warning"; "not checked" when lint did not run. */
export function describeFindings(findings: FindingCounts | undefined): string {
  if (!findings) return 'not checked';
  const parts = [
    findings.errors > 0 ? plural(findings.errors, 'error') : '',
    findings.warnings > 0 ? plural(findings.warnings, 'warning') : '',
    findings.infos > 0 ? plural(findings.infos, 'note') : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no problems found';
}

function row(item: DigestItem, base: string | undefined, branch: string): Row {
  const { entry } = item;
  return {
    title: entry.title,
    path: entry.path,
    owner: entry.owner,
    due: entry.nextReview.toString(),
    when: describeDaysLeft(entry.daysLeft),
    findings: describeFindings(entry.findings),
    link: base ? pageLink(base, branch, entry.path) : undefined,
  };
}

/** The repository URL without a trailing slash, or nothing unless it is plain http(s). */
function repositoryBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return trimEnd(parsed.href, '/');
  } catch {
    return undefined;
  }
}

/** Every segment is percent-encoded, so a path can only ever point inside the repository. */
function pageLink(base: string, branch: string, file: string): string | undefined {
  const segments = [...branch.split('/'), ...file.split('/')];
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return `${base}/blob/${segments.map(encodeURIComponent).join('/')}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
