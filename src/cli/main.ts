/** Node entry of the command line: `node --import tsx src/cli/main.ts <command> [flags]`. */
import { runCli } from './cli';
import { EXIT_INTERNAL } from './errors';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});
process.on('uncaughtException', (err) => {
  process.stderr.write(`backprop-lab: internal error: ${err.message.split('\n')[0]}\n`);
  process.exit(EXIT_INTERNAL);
});

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: process.stderr.isTTY === true,
  now: () => performance.now(),
});
