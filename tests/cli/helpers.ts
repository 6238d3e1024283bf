/** Running the command line in tests: in-process through runCli, or as a real process. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/cli';
import { captureIo } from '../../src/cli/io';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/backprop-lab.mjs', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...args: string[]): Promise<CliRun> {
  return cliOn({}, ...args);
}

/** In-process with a stderr that claims to be a terminal or not, and a clock of the test's own. */
export async function cliOn(streams: Parameters<typeof captureIo>[0], ...args: string[]): Promise<CliRun> {
  const io = captureIo(streams);
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

export async function cliJson<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const run = await cli(...args, '--json');
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/**
 * A real process: `script` runs `node --import tsx src/cli/main.ts` from the project folder
 * (what `npm run cli` does); `bin` runs the package bin from `cwd`.
 */
export function spawnCli(how: 'script' | 'bin', args: string[], cwd = ROOT): Promise<CliRun> {
  const argv = how === 'script' ? ['--import', 'tsx', 'src/cli/main.ts', ...args] : [BIN, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd, env: { ...process.env, BACKPROP_LAB_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** stderr is exactly one non-empty line and shows no stack frame. */
export function isOneCleanLine(stderr: string): boolean {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  return lines.length === 1 && !/\bat .+:\d+:\d+/.test(stderr) && !/Error:/.test(stderr);
}
