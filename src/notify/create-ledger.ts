import path from 'node:path';
import type { Config } from '../config/schema.js';
import type { Ledger } from './ledger.js';
import { createFileLedger } from './ledger-file.js';
import { createGitLedger } from './ledger-git.js';

/** The ledger store the config asks for, in the content repository at `root`. */
export function createLedger(config: Pick<Config, 'ledger'>, root: string): Ledger {
  const { store, file, branch, remote } = config.ledger;
  return store === 'git'
    ? createGitLedger({ repoDir: root, remote, branch })
    : createFileLedger(path.resolve(root, file));
}
