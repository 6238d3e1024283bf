/** Errors the command line reports as one line on stderr; everything else is a bug. */

/** Bad flag, unknown value, missing or malformed file: exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** gradcheck above tolerance */
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;
/** an unexpected internal error (EX_SOFTWARE) */
export const EXIT_INTERNAL = 70;
