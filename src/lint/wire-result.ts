import type { Dependency } from '../content/content-index.js';
import type { FileResult } from './lint-file.js';

/**
 * A file's result as sent between threads: its dependencies as one string
 * (dependency, fingerprint, dependency, …, split by NUL, which no path or id
 * holds) rather than dozens of two-string arrays, which made up most of the
 * cost of sending a result (about 3% of a worker's time).
 */
export type WireResult = Omit<FileResult, 'dependencies'> & { dependencies: string };

export function toWire(result: FileResult): WireResult {
  return { ...result, dependencies: result.dependencies.flat().join('\u0000') };
}

export function fromWire(wire: WireResult): FileResult {
  const parts = wire.dependencies === '' ? [] : wire.dependencies.split('\u0000');
  const dependencies: FileResult['dependencies'] = [];
  for (let i = 0; i < parts.length; i += 2) dependencies.push([parts[i] as Dependency, parts[i + 1]!]);
  return { ...wire, dependencies };
}
