import path from 'node:path';

type Engine = typeof import('../../../src/lint/engine.js');

/**
 * The built engine (run `npx tsc -p tsconfig.build.json` first): worker threads,
 * and so the time budget, exist only as compiled JavaScript.
 */
export async function distEngine(): Promise<Engine> {
  return (await import(path.resolve(import.meta.dirname, '../../../dist/lint/engine.js'))) as Engine;
}

/** A config that gives each file `budget` (an ISO 8601 duration) before its worker is stopped. */
export function budgetConfig(budget: string): string {
  return `lint:\n  timeBudget: ${budget}\n`;
}
