import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { runCli } from '../helpers/run-cli.js';
import { GLOSSARY_CHEMO, makeRepo, page } from '../helpers/temp-repo.js';
import { REMARKRC } from '../../src/init/templates.js';
import { LspClient } from './lsp-client.js';

const TODAY = '2026-06-01';
const PACKAGE = path.resolve(import.meta.dirname, '../..');
const SERVER = path.join(PACKAGE, 'bin/pagecare-language-server.js');
const PAGE = 'content/pages/treatment.md';

// One problem of each severity: an unknown owner (error), link text that is not
// the term (warning), a review due within 90 days (warning), a 2012 reference (info).
const BROKEN = page(
  {
    owner: 'jsmth',
    next_review: '2026-07-15',
    references:
      '\n  - title: Somatostatin analogues for neuroendocrine tumours\n    authors: F Panzuto and others\n    journal: Neuroendocrinology\n    year: 2012',
  },
  'Some people have [cancer drugs](glossary:chemotherapy).\n',
);
const FIXED = BROKEN.replace('owner: jsmth', 'owner: jsmith');

const SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

interface JsonFinding { file: string; line: number; column: number; ruleId: string; severity: string; message: string }

/** The parts of a diagnostic `pagecare lint --format json` also has, in its terms (1-based lines). */
function asFinding(diagnostic: Diagnostic): Omit<JsonFinding, 'file'> {
  return {
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    ruleId: String(diagnostic.code),
    severity: Object.keys(SEVERITY).find((name) => SEVERITY[name] === diagnostic.severity) ?? `unknown ${diagnostic.severity}`,
    message: diagnostic.message,
  };
}

describe('pagecare-language-server over stdio, as an editor runs it', () => {
  let repo: string;
  let uri: string;
  let client: LspClient;

  beforeAll(async () => {
    // A content repository with pagecare installed, as `npm install pagecare` leaves it.
    repo = makeRepo({
      [PAGE]: BROKEN,
      '.remarkrc.mjs': REMARKRC,
    });
    mkdirSync(path.join(repo, 'node_modules'));
    symlinkSync(PACKAGE, path.join(repo, 'node_modules/pagecare'), 'dir');
    uri = pathToFileURL(path.join(repo, PAGE)).href;
    client = await LspClient.start(SERVER, { cwd: tmpdir(), workspace: repo, env: { ...process.env, PAGECARE_TODAY: TODAY } });
  });

  afterAll(() => client?.child.kill());

  it('publishes the findings `pagecare lint --format json` reports for the opened page', async () => {
    const { diagnostics } = await client.open(uri, BROKEN);

    const cli = runCli(['lint', PAGE, '--format', 'json', '--no-cache'], { cwd: repo, env: { PAGECARE_TODAY: TODAY } });
    expect(cli.status, cli.stderr).toBe(1);
    const expected = (JSON.parse(cli.stdout) as { messages: JsonFinding[] }).messages.map(({ file: _, ...rest }) => rest);

    expect(diagnostics.every((d) => d.source === 'pagecare')).toBe(true);
    expect(diagnostics.map(asFinding)).toEqual(expected);
    expect(expected.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(
      expect.arrayContaining(['owner-unknown error', 'glossary-link-text warning', 'review-due-soon warning', 'reference-stale info']),
    );
  });

  it('lints the unsaved text after an edit: the fixed problem goes, the others stay', async () => {
    const before = (await client.change(uri, 2, BROKEN)).diagnostics.map(asFinding);
    const after = await client.change(uri, 3, FIXED);

    expect(after.version).toBe(3);
    expect(after.diagnostics.map(asFinding)).toEqual(before.filter((f) => f.ruleId !== 'owner-unknown'));
    expect(before.some((f) => f.ruleId === 'owner-unknown')).toBe(true);
    // The file on disk still holds the problem: only the editor's text was fixed.
    expect(readFileSync(path.join(repo, PAGE), 'utf8')).toBe(BROKEN);
  });

  it('sees a glossary entry added while it runs, with no restart', async () => {
    const linking = FIXED.replace('[cancer drugs](glossary:chemotherapy)', '[a scan](glossary:pet-scan)');
    const unknown = (await client.change(uri, 4, linking)).diagnostics.map(asFinding);
    expect(unknown.map((f) => f.ruleId)).toContain('glossary-link-unknown');

    writeFileSync(path.join(repo, 'content/glossary/pet-scan.md'), GLOSSARY_CHEMO.replace('term: Chemotherapy', 'term: A scan').replace(/aliases: .*\n/, ''));
    // The shared index is checked against the files at most every 2 seconds.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const known = (await client.change(uri, 5, linking)).diagnostics.map(asFinding);
    expect(known.map((f) => f.ruleId)).not.toContain('glossary-link-unknown');
    expect(known).toEqual(unknown.filter((f) => f.ruleId !== 'glossary-link-unknown'));
  });

  it('clears the diagnostics when the page is closed, then shuts down cleanly', async () => {
    expect((await client.close(uri)).diagnostics).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });
});
