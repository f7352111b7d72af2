import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod/mini, configured: schemas import `* as z` from here, never from `zod`.
 * Classic zod made every process and lint worker spend ~45 ms more loading
 * the bundle; mini, imported as a namespace, bundles only what is used
 * (`import { z } from 'zod/mini'` bundles all of it, every locale too).
 * Mini sets no locale, and zod's messages reach people (config errors,
 * front-matter findings, merge, ledger and forge errors), so English is set
 * here, as classic zod does.
 */
config(en());

export * from 'zod/mini';
