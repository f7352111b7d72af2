import { afterAll } from 'vitest';
import { removeTempRepos } from './helpers/temp-repo.js';

afterAll(() => removeTempRepos());
