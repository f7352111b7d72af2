/** The fixed "today" of every rule fixture, so date rules are exact. */
export const TODAY = '2026-06-01';

export interface Expectation {
  line: number;
  ruleId: string;
  severity: string;
}

const MARKER = /expect(?:@(\d+))?:\s*([a-z0-9-]+\s+(?:error|warning|info)(?:\s*,\s*[a-z0-9-]+\s+(?:error|warning|info))*)/g;

/**
 * Inline expectations: `# expect: rule-id severity` (YAML comment) or
 * `<!-- expect: rule-id severity -->` on the line the finding belongs to;
 * `expect@N:` names another line (for line 1, where no comment can sit).
 */
export function expectedFindings(text: string): Expectation[] {
  const expectations: Expectation[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(MARKER)) {
      const target = match[1] ? Number(match[1]) : index + 1;
      for (const item of match[2]!.split(',')) {
        const [ruleId, severity] = item.trim().split(/\s+/) as [string, string];
        expectations.push({ line: target, ruleId, severity });
      }
    }
  });
  return expectations;
}
