/** Where a command writes: real streams from main.ts, string buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export function captureIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
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
