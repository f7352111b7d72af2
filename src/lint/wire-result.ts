import { deserialize } from 'node:v8';
import type { Dependency } from '../content/content-index.js';
import type { Piece, ScratchFile } from '../fs/scratch-file.js';
import type { FileResult } from './lint-file.js';

/**
 * A file's result as sent between threads: its dependencies as one string
 * (dependency, fingerprint, dependency, …, split by NUL, which no path or id
 * holds) rather than dozens of two-string arrays, which made up most of the
 * cost of sending a result (about 3% of a worker's time).
 */
export type WireResult = Omit<FileResult, 'dependencies' | 'links'> & { dependencies: string; links?: { records: string; dependencies: string } };

export function toWire(result: FileResult): WireResult {
  const { links, ...rest } = result;
  const findings = result.findings.map((finding) => ({ ...finding, message: narrow(finding.message) }));
  const wireLinks = links && { records: narrow(links.records), dependencies: narrow(joined(links.dependencies)) };
  return { ...rest, findings, dependencies: narrow(joined(result.dependencies)), ...(wireLinks ? { links: wireLinks } : {}) };
}

/**
 * The same text, a byte a character when every character fits in one. V8
 * keeps a string two bytes a character when it was cut from or joined with
 * one that is, whatever it holds: so is everything taken from a page with a
 * single curly quote in it. The main thread keeps these for the whole run.
 */
export function narrow(text: string): string {
  return LATIN1.test(text) ? Buffer.from(text, 'latin1').toString('latin1') : text;
}

const LATIN1 = /^[\u0000-\u00ff]*$/;

export function fromWire(wire: WireResult): FileResult {
  const { links, ...rest } = wire;
  return { ...rest, dependencies: pairs(wire.dependencies), ...(links ? { links: { records: links.records, dependencies: pairs(links.dependencies) } } : {}) };
}

function joined(dependencies: FileResult['dependencies']): string {
  // Joined as it goes: flattening first made an array of every part for each file.
  let text = '';
  for (const [dependency, fingerprint] of dependencies) text += text === '' ? `${dependency}\u0000${fingerprint}` : `\u0000${dependency}\u0000${fingerprint}`;
  return text;
}

function pairs(text: string): FileResult['dependencies'] {
  const parts = text === '' ? [] : text.split('\u0000');
  const dependencies: FileResult['dependencies'] = [];
  for (let i = 0; i < parts.length; i += 2) dependencies.push([parts[i] as Dependency, parts[i + 1]!]);
  return dependencies;
}

/** A result a worker wrote to its scratch file (v8.serialize of its wire form), read back once the workers are done. */
export interface SpilledResult {
  file: ScratchFile;
  piece: Piece;
}

export function unspill(spilled: SpilledResult): FileResult {
  return fromWire(deserialize(spilled.file.read(spilled.piece)) as WireResult);
}
