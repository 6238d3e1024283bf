/** Where a command writes: real streams from main.ts, string buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal, so work longer than PROGRESS_AFTER_MS shows its progress there */
  errIsTty?: boolean;
  /** milliseconds, for pacing progress (tests inject a clock; main.ts uses performance.now) */
  now?(): number;
}

export function captureIo(options: Pick<CliIo, 'errIsTty' | 'now'> = {}): CliIo & { stdout: string; stderr: string } {
  const io = {
    ...options,
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}

/** Progress appears only for work that has already taken this long. */
export const PROGRESS_AFTER_MS = 2000;
/** and is redrawn at most this often */
const PROGRESS_EVERY_MS = 250;

export interface Progress {
  /** `done` of the total units are finished */
  tick(done: number): void;
  /** clears the progress line, if one was drawn */
  end(): void;
}

const SILENT: Progress = { tick() {}, end() {} };

/**
 * A progress line on stderr ("\r"-redrawn, then cleared) for work of `total` units, shown once it
 * has run PROGRESS_AFTER_MS and only when stderr is a terminal: pipes and files get nothing.
 */
export function progressOn(io: CliIo, label: string, total: number): Progress {
  if (!io.errIsTty) return SILENT;
  const now = io.now ?? (() => performance.now());
  const started = now();
  let shownAt = -Infinity;
  let width = 0;
  return {
    tick(done) {
      const t = now();
      const elapsed = t - started;
      if (elapsed < PROGRESS_AFTER_MS || t - shownAt < PROGRESS_EVERY_MS) return;
      shownAt = t;
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const left = fraction > 0 ? ` · about ${Math.ceil((elapsed * (1 - fraction)) / fraction / 1000)} s left` : '';
      const line = `${label}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} (${Math.floor(fraction * 100)}%)${left}`;
      io.err(`\r${line.padEnd(width)}`);
      width = line.length;
    },
    end() {
      if (width > 0) io.err(`\r${' '.repeat(width)}\r`);
      width = 0;
    },
  };
}
