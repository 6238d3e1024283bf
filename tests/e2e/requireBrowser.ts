/** Runs before each end-to-end file: without a browser (globalSetup found none) the file fails at once with the one-line advice. */
import { inject } from 'vitest';

const problem = inject('browserProblem');
if (problem) throw new Error(problem);
