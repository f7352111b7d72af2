import { describe, expect, it } from 'vitest';
import { FORMATS, formatFindings, isFormat } from '../../src/lint/reporters/index.js';
import { findings, files } from './fixtures.js';

describe('formatFindings', () => {
  it('dispatches every format and returns text', () => {
    expect(FORMATS).toEqual(['stylish', 'json', 'github', 'sarif']);
    for (const format of FORMATS) {
      const text = formatFindings(format, { findings, files, version: '0.1.0', color: false });
      expect(text.endsWith('\n')).toBe(true);
    }
    expect(JSON.parse(formatFindings('json', { findings, files, version: '0.1.0', color: true }))).toHaveProperty('summary.files', 3);
    expect(formatFindings('stylish', { findings, files, version: '0.1.0', color: false })).toContain('✖ 3 problems');
    expect(isFormat('sarif')).toBe(true);
    expect(isFormat('xml')).toBe(false);
  });
});
