// Deterministic benchmark corpus: a content repository per the content contract, with
// N pages of 6–12 KB, 300 glossary entries, 40 editors and ~2% planted defects.
//
//   node bench/generate-corpus.mjs --pages 10000 [--out DIR] [--seed TEXT]
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ASPECTS, AUTHOR_SURNAMES, DEFINITIONS, FIRST_NAMES, GLOSSARY_BASE, GROUPS, HEADINGS, INITIALS, JOURNALS, LIST_INTROS,
  LIST_ITEMS, ORGANS, PAGE_LINK_SENTENCES, PROCEDURES, PUBLISHERS, REFERENCE_ANGLES, REFERENCE_WHAT, SECTIONS,
  SENTENCES, SURNAMES, TERM_SENTENCES,
} from './corpus-words.mjs';
import { git, gitEnv } from './git.mjs';
import { random } from './random.mjs';

/** Bump when the output changes, so runners regenerate corpora made by an older generator. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 'pagecare-bench';
/** Dates are spread around this day; the runner lints with PAGECARE_TODAY set to it. */
export const BENCH_TODAY = '2026-06-01';
/** Written last: a corpus without it is incomplete and gets regenerated. */
export const MARKER = '.bench-corpus.json';
export const DEFECT_KINDS = ['review-overdue', 'glued-word', 'link-broken', 'glossary-link-unknown'];

const GLOSSARY_SIZE = 300;
const FOLDERS = GROUPS.length * SECTIONS.length;
const DAY = 86_400_000;
const TODAY = Date.parse(`${BENCH_TODAY}T00:00:00Z`) / DAY;

export function defaultCorpusDir(pages) {
  return path.join(os.tmpdir(), 'pagecare-bench', `corpus-${pages}`);
}

/** The marker of a complete corpus made by this generator with these settings, or undefined. */
export function readMarker(dir, { pages, seed = DEFAULT_SEED }) {
  try {
    const marker = JSON.parse(readFileSync(path.join(dir, MARKER), 'utf8'));
    const current = marker.generator === GENERATOR_VERSION && marker.pages === pages && marker.seed === seed && marker.baseCommit;
    return current ? marker : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Write the corpus to `dir` (replacing an older corpus there, refusing any
 * other non-empty folder), commit it to a new git repository, and return the
 * marker: counts, planted defects and how many pages link to each glossary entry.
 */
export function generateCorpus({ dir, pages, seed = DEFAULT_SEED }) {
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`expected a positive number of pages, got ${pages}`);
  prepareDir(dir);
  const glossary = glossaryEntries(seed);
  const editors = editorHandles();
  const metas = Array.from({ length: pages }, (_, i) => pageMeta(seed, i));
  const dependants = Object.fromEntries(glossary.map((g) => [g.id, 0]));
  const defects = Object.fromEntries(DEFECT_KINDS.map((kind) => [kind, 0]));
  let bytes = 0;
  let smallest = Infinity;
  let largest = 0;

  // Generated prose reads at age 13–14 by SMOG, like much real patient information: the
  // publisher's target is set where it stands, so readability flags outliers, not every page.
  write(dir, 'pagecare.config.yml', 'timezone: Europe/London\nrules:\n  readability: [warning, { age: 14 }]\n');
  write(dir, '.gitignore', `.pagecare-cache/\nreports/\n.remarkrc.mjs\n${MARKER}\n`);
  write(dir, 'content/editors.yml', editorsYaml());
  for (const entry of glossary) write(dir, entry.file, glossaryText(seed, entry, editors));
  for (let i = 0; i < pages; i++) {
    const page = pageText(seed, i, metas, glossary, editors);
    write(dir, metas[i].file, page.text);
    for (const id of page.glossaryIds) dependants[id] += 1;
    if (page.defect) defects[page.defect] += 1;
    const size = Buffer.byteLength(page.text);
    bytes += size;
    smallest = Math.min(smallest, size);
    largest = Math.max(largest, size);
  }

  const baseCommit = commitAll(dir);
  const marker = {
    generator: GENERATOR_VERSION,
    seed,
    pages,
    today: BENCH_TODAY,
    baseCommit,
    glossaryEntries: glossary.length,
    editors: Object.keys(editors.all).length,
    folders: new Set(metas.map((m) => path.posix.dirname(m.file))).size,
    pageBytes: { total: bytes, min: smallest, max: largest },
    defects,
    glossaryDependants: dependants,
  };
  writeFileSync(path.join(dir, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  return marker;
}

function prepareDir(dir) {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(path.join(dir, MARKER)) && !existsSync(path.join(dir, 'content/editors.yml'))) {
      throw new Error(`${dir} is not empty and does not hold a benchmark corpus; not overwriting it`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
}

function write(dir, file, text) {
  const target = path.join(dir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
}

/** One commit with a fixed author and date, so the same corpus always has the same commit id. */
function commitAll(dir) {
  const env = gitEnv(BENCH_TODAY);
  git(dir, env, 'init', '--quiet', '--initial-branch=main');
  git(dir, env, 'add', '--all');
  git(dir, env, 'commit', '--quiet', '--message', 'Benchmark corpus');
  return git(dir, env, 'rev-parse', 'HEAD');
}

// ------------------------------------------------------------------ people

function editorHandles() {
  const people = FIRST_NAMES.map((first, i) => {
    const surname = SURNAMES[i];
    return { handle: `${first[0]}${surname}`.toLowerCase(), name: `${first} ${surname}`, email: `${first}.${surname}@example.org`.toLowerCase(), github: `${first}-${surname}`.toLowerCase() };
  });
  const lead = { handle: 'content-lead', name: 'Content lead', email: 'content-lead@example.org', github: 'example-org/content-leads' };
  const teams = GROUPS.slice(0, 5).map((g) => {
    const handle = `${g.folder.split('-')[0]}-clinical`;
    return { handle, name: `${g.topic} clinical reviewers`, email: `${handle}@example.org`, github: `example-org/${handle}`, clinical: true };
  });
  return { people: people.map((p) => p.handle), clinical: teams.map((t) => t.handle), reviewers: [...teams.map((t) => t.handle), ...people.map((p) => p.handle)], all: Object.fromEntries([...people, lead, ...teams].map((e) => [e.handle, e])) };
}

function editorsYaml() {
  const lines = ['# Who owns and reviews the benchmark content.', 'editors:'];
  for (const e of Object.values(editorHandles().all)) {
    lines.push(`  ${e.handle}: { name: ${e.name}, email: ${e.email}, github: ${e.github}${e.clinical ? ', clinical: true' : ''} }`);
  }
  lines.push('escalation: [content-lead]', '');
  return lines.join('\n');
}

// ------------------------------------------------------------------ glossary

/** 300 entries in popularity order (the first are linked most): the common terms, then the rest, each shuffled by the seed. */
function glossaryEntries(seed) {
  const rng = random(seed, 'glossary-order');
  const entry = (term, aliases) => ({ term, aliases, id: slugify(term), file: `content/glossary/${slugify(term)}.md` });
  const base = GLOSSARY_BASE.map(([term, ...aliases]) => entry(term, aliases));
  const combos = ORGANS.flatMap((organ) => PROCEDURES.map((what) => entry(capitalise(`${organ} ${what}`), [])));
  return [...rng.sample(base, base.length), ...rng.sample(combos, GLOSSARY_SIZE - base.length)];
}

function glossaryText(seed, entry, editors) {
  const rng = random(seed, 'glossary', entry.id);
  const dates = reviewDates(rng, false);
  const front = [`term: ${entry.term}`];
  if (entry.aliases.length > 0) front.push(`aliases: [${entry.aliases.join(', ')}]`);
  front.push(`owner: ${rng.pick(editors.people)}`, `last_reviewed: ${dates.last}`, `next_review: ${dates.next}`);
  const definition = rng.sample(DEFINITIONS, rng.int(1, 3)).join(' ');
  return `---\n${front.join('\n')}\n---\n${entry.term} is a word your care team may use. ${definition}\n`;
}

// ------------------------------------------------------------------ pages

/** What other pages need to know about page i (path, title, headings): drawn from its own stream. */
function pageMeta(seed, i) {
  const rng = random(seed, 'meta', i);
  const folder = i % FOLDERS;
  const group = GROUPS[Math.floor(folder / SECTIONS.length)];
  const section = SECTIONS[folder % SECTIONS.length];
  const aspect = rng.pick(ASPECTS);
  return {
    group,
    section,
    title: `${section.title} ${group.topic}: ${aspect}`,
    file: `content/pages/${group.folder}/${section.folder}/${slugify(aspect)}-${i + 1}.md`,
    headings: rng.sample(HEADINGS, rng.int(4, 7)),
  };
}

/** Exactly 2% of pages carry one planted defect, the four kinds in turn. */
function defectOf(i) {
  return i % 50 === 7 ? DEFECT_KINDS[Math.floor(i / 50) % DEFECT_KINDS.length] : undefined;
}

function pageText(seed, i, metas, glossary, editors) {
  const rng = random(seed, 'page', i);
  const meta = metas[i];
  const topic = meta.group.topic;
  const defect = defectOf(i);
  const front = frontMatter(rng, meta, editors, defect, i % 100 === 42);
  const target = rng.int(6200, 10900);

  // Sections of paragraphs and lists, grown round-robin until the page reaches its size.
  const intro = { heading: undefined, blocks: [paragraph(rng, topic)] };
  const sections = [intro, ...meta.headings.map((heading) => ({ heading, blocks: [paragraph(rng, topic)] }))];
  let size = front.length + sections.reduce((n, s) => n + (s.heading?.length ?? 0) + 4 + blockSize(s.blocks[0]), 0);
  for (let s = 1; size < target; s = (s % (sections.length - 1)) + 1) {
    const block = rng.chance(0.25) ? list(rng) : paragraph(rng, topic);
    sections[s].blocks.push(block);
    size += blockSize(block) + 2;
  }

  // Links replace sentences at random places: 5–25 glossary links, 1–4 links to other pages.
  const slots = sections.flatMap((s) => s.blocks.filter((b) => b.sentences).flatMap((b) => b.sentences.map((_, n) => ({ block: b, n }))));
  const glossaryLinks = rng.int(5, 25);
  const pageLinks = rng.int(1, 4);
  const ownLink = rng.chance(0.2) ? 1 : 0;
  const places = rng.sample(slots, glossaryLinks + pageLinks + ownLink + (defect === 'link-broken' || defect === 'glossary-link-unknown' ? 1 : 0));
  const glossaryIds = new Set();
  let p = 0;
  const put = (templates, link) => {
    const { block, n } = places[p++];
    block.sentences[n] = fill(rng.pick(templates), topic, link);
  };
  for (let k = 0; k < glossaryLinks && p < places.length; k++) {
    const entry = glossary[rng.skewed(glossary.length)];
    glossaryIds.add(entry.id);
    put(TERM_SENTENCES, `[${linkText(rng, entry)}](glossary:${entry.id})`);
  }
  for (let k = 0; k < pageLinks && p < places.length; k++) put(PAGE_LINK_SENTENCES, pageLink(rng, i, metas));
  if (ownLink && p < places.length) {
    const heading = rng.pick(meta.headings);
    put(PAGE_LINK_SENTENCES, `[${heading.toLowerCase()}](#${slugify(heading)})`);
  }
  if (defect === 'link-broken' && p < places.length) put(PAGE_LINK_SENTENCES, brokenLink(rng, i, metas));
  if (defect === 'glossary-link-unknown' && p < places.length) {
    const entry = glossary[rng.skewed(glossary.length)];
    put(TERM_SENTENCES, `[${linkText(rng, entry)}](glossary:${misspell(entry.id, glossary)})`);
  }

  const body = sections.map((s) => [s.heading && `## ${s.heading}`, ...s.blocks.map(renderBlock)].filter(Boolean).join('\n\n'));
  return { text: `${front}\n${body.join('\n\n')}\n`, glossaryIds, defect };
}

function frontMatter(rng, meta, editors, defect, draft) {
  const lines = [`title: "${meta.title}"`];
  if (rng.chance(0.5)) lines.push(`summary: What you need to know about ${meta.group.topic}, ${meta.title.split(': ')[1]}.`);
  lines.push(`owner: ${rng.pick(editors.people)}`);
  if (rng.chance(0.6)) lines.push(`reviewers: [${rng.sample(editors.reviewers, rng.int(1, 2)).join(', ')}]`);
  if (draft) lines.push('status: draft');
  const dates = reviewDates(rng, defect === 'review-overdue');
  lines.push(`last_reviewed: ${dates.last}`, `next_review: ${dates.next}`, `reviewed_by: [${rng.pick(editors.clinical)}]`);
  if (rng.chance(0.5)) lines.push(`tags: [${meta.group.topic}, ${meta.section.folder.replace(/-/g, ' ')}]`);
  lines.push('references:');
  const whats = rng.sample(REFERENCE_WHAT, rng.int(3, 8));
  whats.forEach((what, n) => lines.push(...reference(rng, what, meta.group.topic, defect === 'glued-word' && n === 0)));
  return `---\n${lines.join('\n')}\n---\n`;
}

/** next_review between tomorrow and ~2.7 years ahead, at most 3 years after last_reviewed; overdue pages are up to 200 days late. */
function reviewDates(rng, overdue) {
  if (overdue) {
    const next = TODAY - rng.int(1, 200);
    return { last: isoDay(next - 730), next: isoDay(next) };
  }
  const ahead = rng.int(1, 1000);
  const interval = rng.int(Math.max(ahead + 1, 365), 1095);
  return { last: isoDay(TODAY + ahead - interval), next: isoDay(TODAY + ahead) };
}

function reference(rng, what, topic, glued) {
  // A glued-word defect joins the topic's last two words, both of which the page body uses.
  const subject = glued ? topic.replace(/ (\S+)$/, '$1') : topic;
  const title = `${what} ${subject}: ${rng.pick(REFERENCE_ANGLES)}`;
  const year = rng.int(2012, 2025);
  const type = glued ? 'article' : rng.pick(['article', 'article', 'article', 'article', 'article', 'guideline', 'guideline', 'guideline', 'book', 'web']);
  const lines = [`  - type: ${type}`, `    title: "${title}"`];
  const field = (name, value) => lines.push(`    ${name}: ${value}`);
  if (type === 'article') {
    const journal = rng.pick(JOURNALS);
    const first = rng.int(1, 900);
    field('authors', authors(rng));
    field('journal', journal.name);
    field('year', year);
    field('volume', rng.int(10, 150));
    field('issue', rng.int(1, 12));
    field('pages', `${first}–${first + rng.int(5, 20)}`);
    field('doi', `${journal.prefix}/${journal.code}.${year}.${rng.int(100, 9999)}`);
    if (rng.chance(0.3)) field('pmid', rng.int(10_000_000, 39_999_999));
  } else if (type === 'guideline') {
    if (rng.chance(0.6)) field('publisher', rng.pick(PUBLISHERS));
    else field('journal', rng.pick(JOURNALS).name);
    field('year', year);
    if (rng.chance(0.5)) field('url', `https://www.example.org/guidance/${slugify(title)}`);
  } else if (type === 'book') {
    field('authors', authors(rng));
    field('publisher', rng.pick(PUBLISHERS));
    field('year', year);
  } else {
    field('url', `https://www.example.org/${slugify(topic)}/${rng.int(1000, 9999)}`);
    field('accessed', isoDay(TODAY - rng.int(10, 900)));
  }
  return lines;
}

/** House style: initials without full stops, "and others" for long author lists. */
function authors(rng) {
  const names = rng.sample(AUTHOR_SURNAMES, 2).map((surname) => `${rng.pick(INITIALS)} ${surname}`);
  return rng.chance(0.7) ? `${names[0]} and others` : names.join(' and ');
}

function paragraph(rng, topic) {
  return { sentences: Array.from({ length: rng.int(2, 5) }, () => fill(rng.pick(SENTENCES), topic)) };
}

function list(rng) {
  return { intro: rng.pick(LIST_INTROS), items: rng.sample(LIST_ITEMS, rng.int(3, 6)), ordered: rng.chance(0.2) };
}

function blockSize(block) {
  return block.sentences ? block.sentences.reduce((n, s) => n + s.length + 1, 0) : block.intro.length + block.items.reduce((n, s) => n + s.length + 4, 2);
}

function renderBlock(block) {
  if (block.sentences) return block.sentences.join(' ');
  return `${block.intro}\n\n${block.items.map((item, n) => `${block.ordered ? `${n + 1}.` : '-'} ${item}`).join('\n')}`;
}

function fill(template, topic, link = '') {
  return template.replaceAll('{topic}', topic).replaceAll('{link}', link);
}

/** The term, an alias, or a simple plural: all of them pass glossary-link-text. */
function linkText(rng, entry) {
  const roll = rng.next();
  if (entry.aliases.length > 0 && roll < 0.3) return rng.pick(entry.aliases);
  const text = /^[A-Z][a-z]/.test(entry.term) ? entry.term.toLowerCase() : entry.term;
  return roll > 0.9 && /[^sy]$/.test(text) ? `${text}s` : text;
}

/** A link to another page (most often in the same group), half of them to one of its headings. */
function pageLink(rng, i, metas) {
  const j = linkTarget(rng, i, metas);
  const target = metas[j];
  const href = path.posix.relative(path.posix.dirname(metas[i].file), target.file);
  if (rng.chance(0.5)) return `[${target.title.toLowerCase()}](${href})`;
  const heading = rng.pick(target.headings);
  return `[${heading.toLowerCase()}](${href}#${slugify(heading)})`;
}

function linkTarget(rng, i, metas) {
  const n = metas.length;
  let j = rng.int(0, n - 1);
  if (rng.chance(0.7)) {
    // Same group: same tens digit of the folder number.
    const group = Math.floor((i % FOLDERS) / SECTIONS.length);
    j = rng.int(0, Math.floor((n - 1) / FOLDERS)) * FOLDERS + group * SECTIONS.length + rng.int(0, SECTIONS.length - 1);
  }
  return j < n && j !== i ? j : (i + 1) % n;
}

function brokenLink(rng, i, metas) {
  const from = path.posix.dirname(metas[i].file);
  if (rng.chance(0.5)) return `[a page that was removed](${path.posix.relative(from, `content/pages/${metas[i].group.folder}/removed-page-${i}.md`)})`;
  const target = metas[linkTarget(rng, i, metas)];
  return `[a section that was renamed](${path.posix.relative(from, target.file)}#section-that-was-renamed)`;
}

/** A glossary id with one letter dropped: close to a real one, so pagecare can suggest it. */
function misspell(id, glossary) {
  const ids = new Set(glossary.map((g) => g.id));
  for (let cut = Math.floor(id.length / 2); cut < id.length; cut++) {
    const candidate = id.slice(0, cut) + id.slice(cut + 1);
    if (!ids.has(candidate) && !candidate.endsWith('-')) return candidate;
  }
  return `${id}-x`;
}

function slugify(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function capitalise(text) {
  return text[0].toUpperCase() + text.slice(1);
}

function isoDay(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

// ------------------------------------------------------------------ command line

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '10000' }, out: { type: 'string' }, seed: { type: 'string', default: DEFAULT_SEED } } });
  const pages = Number(values.pages);
  const dir = path.resolve(values.out ?? defaultCorpusDir(pages));
  const started = performance.now();
  let marker;
  try {
    marker = generateCorpus({ dir, pages, seed: values.seed });
  } catch (error) {
    process.stderr.write(`generate-corpus: ${error.message}\n`);
    process.exit(2);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${pages} pages, ${marker.glossaryEntries} glossary entries, ${marker.editors} editors in ${dir} (${(marker.pageBytes.total / 1e6).toFixed(1)} MB, ${seconds} s)`);
}
