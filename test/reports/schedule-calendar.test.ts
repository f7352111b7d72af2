import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { CALENDAR_NAME, formatScheduleCalendar } from '../../src/reports/schedule-calendar.js';
import { OPTIONS, plan, REPO, SCRIPT_TITLE } from './fixtures.js';

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  url: string | undefined;
  start: ICAL.Time;
  end: ICAL.Time;
}

/** Parse with ical.js, an independent RFC 5545 parser, as a calendar client would. */
function parse(text: string): { name: unknown; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      url: component.getFirstPropertyValue('url')?.toString(),
      start: event.startDate,
      end: event.endDate,
    };
  });
  return { name: calendar.getFirstPropertyValue('x-wr-calname'), events };
}

describe('review-calendar.ics', () => {
  const text = formatScheduleCalendar(plan(), OPTIONS);
  const { name, events } = parse(text);

  it('has one all-day event per scheduled review, on its next review date', () => {
    expect(name).toBe(CALENDAR_NAME);
    expect(events).toHaveLength(6);
    expect(events.map((event) => event.start.toString())).toEqual([
      '2026-05-20', '2026-06-01', '2026-06-02', '2026-07-01', '2026-10-15', '2027-09-01',
    ]);
    for (const event of events) {
      expect(event.start.isDate).toBe(true);
      expect(event.end.isDate).toBe(true);
      expect(event.start.toJSDate().getTime() < event.end.toJSDate().getTime()).toBe(true);
    }
    expect(text).toContain('DTSTART;VALUE=DATE:20260520');
  });

  it('names the page, owner, path and link', () => {
    const first = events[0]!;
    expect(first.summary).toBe('Review due: Treatment for small bowel neuroendocrine cancer');
    expect(first.description).toBe(
      `Owner: jsmith\nReviewers: net-clinical\nPath: content/pages/net/treatment.md\nLink: ${REPO}/blob/main/content/pages/net/treatment.md`,
    );
    expect(first.url).toBe(`${REPO}/blob/main/content/pages/net/treatment.md`);
    expect(events[3]!.summary).toBe(`Review due: ${SCRIPT_TITLE}`);
    expect(events[2]!.summary).toBe('Review due: Diet after surgery');
    expect(events[5]!.description).toContain('Owner: (no owner)');
  });

  it('keeps UIDs stable across runs and changes one only when its next review moves', () => {
    const uids = events.map((event) => event.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const uid of uids) expect(uid).toMatch(/^[0-9a-f]{32}@pagecare$/);

    const again = parse(formatScheduleCalendar(plan(), { ...OPTIONS, generatedAt: '2026-06-02T07:00:00Z' }));
    expect(again.events.map((event) => event.uid)).toEqual(uids);

    const moved = parse(formatScheduleCalendar(plan({ 'net/treatment': '2029-05-20' }), OPTIONS));
    const movedUid = moved.events.find((event) => event.summary.includes('small bowel'))!.uid;
    expect(uids).not.toContain(movedUid);
    expect(moved.events.map((event) => event.uid).filter((uid) => uid !== movedUid).sort()).toEqual(uids.slice(1).sort());
  });

  it('writes the same file twice on the same day', () => {
    expect(formatScheduleCalendar(plan(), OPTIONS)).toBe(text);
  });

  it('has no links without a repository URL', () => {
    const bare = parse(formatScheduleCalendar(plan(), { branch: 'main' }));
    for (const event of bare.events) {
      expect(event.url).toBeUndefined();
      expect(event.description).not.toContain('Link:');
    }
  });
});
