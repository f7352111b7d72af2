import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Editor } from '../config/editors-schema.js';
import type { ResolvedConfig } from '../config/load-config.js';
import { discoverLinkTargets, isGlossaryPath, discoverContent } from './discover.js';
import { parseFrontMatter } from './front-matter.js';
import { scanHeadingSlugs } from './headings.js';
import { loadEditors, type EditorsProblem } from './load-editors.js';

export interface GlossaryTerm {
  id: string;
  term: string;
  aliases: string[];
  /** Root-relative path of the entry. */
  file: string;
}

/**
 * What the cross-file rules need to know about the whole repository, built
 * once per run: compact and plain data, so it can be shared with workers.
 */
export interface IndexData {
  root: string;
  editorsFile: string;
  editors: Record<string, Editor> | undefined;
  escalation: string[];
  editorsProblems: EditorsProblem[];
  glossary: Record<string, GlossaryTerm>;
  /** Root-relative paths of every file under the content root. */
  files: string[];
  /** Root-relative paths of the pages and glossary entries to lint. */
  content: string[];
}

export class ContentIndex {
  readonly files: ReadonlySet<string>;
  private readonly slugCache = new Map<string, ReadonlySet<string> | undefined>();

  constructor(readonly data: IndexData) {
    this.files = new Set(data.files);
  }

  get root(): string {
    return this.data.root;
  }

  editor(handle: string): Editor | undefined {
    const editors = this.data.editors;
    return editors && Object.hasOwn(editors, handle) ? editors[handle] : undefined;
  }

  glossaryTerm(id: string): GlossaryTerm | undefined {
    return Object.hasOwn(this.data.glossary, id) ? this.data.glossary[id] : undefined;
  }

  /** Heading anchors of a root-relative Markdown file, scanned on first use. */
  headingSlugs(relative: string): ReadonlySet<string> | undefined {
    if (!this.slugCache.has(relative)) {
      let slugs: ReadonlySet<string> | undefined;
      try {
        const text = readFileSync(path.join(this.root, relative), 'utf8');
        slugs = new Set(scanHeadingSlugs(text.slice(offsetOfBody(text))));
      } catch {
        slugs = undefined;
      }
      this.slugCache.set(relative, slugs);
    }
    return this.slugCache.get(relative);
  }
}

export async function buildIndex(config: ResolvedConfig): Promise<ContentIndex> {
  const editorsFile = config.config.content.editors;
  const [editors, files, content] = await Promise.all([
    loadEditors(path.join(config.root, editorsFile)),
    discoverLinkTargets(config),
    discoverContent(config),
  ]);
  const glossary: Record<string, GlossaryTerm> = {};
  await Promise.all(
    content
      .filter((file) => isGlossaryPath(config, file))
      .map(async (file) => {
        const id = path.posix.basename(file, '.md');
        const entry = await readGlossaryTerm(path.join(config.root, file));
        glossary[id] = { id, file, term: entry.term ?? id, aliases: entry.aliases };
      }),
  );
  return new ContentIndex({
    root: config.root,
    editorsFile,
    editors: editors.editors,
    escalation: editors.escalation,
    editorsProblems: editors.problems,
    glossary,
    files,
    content,
  });
}

async function readGlossaryTerm(file: string): Promise<{ term: string | undefined; aliases: string[] }> {
  try {
    const data = parseFrontMatter(await readFile(file, 'utf8')).data as { term?: unknown; aliases?: unknown } | undefined;
    const term = typeof data?.term === 'string' ? data.term : undefined;
    const aliases = Array.isArray(data?.aliases) ? data.aliases.filter((a): a is string => typeof a === 'string') : [];
    return { term, aliases };
  } catch {
    // An unreadable entry still exists as an id; its own lint run reports the problem.
    return { term: undefined, aliases: [] };
  }
}

function offsetOfBody(text: string): number {
  const fm = parseFrontMatter(text);
  if (!fm.present) return 0;
  let offset = 0;
  for (let line = 1; line < fm.bodyLine; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}
