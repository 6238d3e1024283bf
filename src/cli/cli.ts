/**
 * The command dispatcher: picks the command, runs it, and turns every failure into one line on
 * stderr with its exit code (2 for bad input). Takes an io so tests can run it in-process.
 */
import { checkCommand } from './commands/check';
import { gradcheckCommand } from './commands/gradcheck';
import { probeCommand } from './commands/probe';
import { stepCommand } from './commands/step';
import { sweepCommand } from './commands/sweep';
import { trainCommand } from './commands/train';
import { EngineError } from '../engine';
import { englishText } from './english';
import { EXIT_INTERNAL, EXIT_USAGE, UsageError } from './errors';
import { closest } from './flags';
import type { CliIo } from './io';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, { run: Command; summary: string }>> = {
  train: { run: trainCommand, summary: 'train one network; predictions, final cost, solved, speed' },
  sweep: { run: sweepCommand, summary: 'train from many seeds; success rate and median final cost' },
  step: { run: stepCommand, summary: 'one inspectable pass: z, a, δ per sample, gradients, the update' },
  gradcheck: { run: gradcheckCommand, summary: 'analytic gradient vs central differences; exit 1 above tolerance' },
  probe: { run: probeCommand, summary: 'write the probe network and data, and the harnesses for your own backprop' },
  check: { run: checkCommand, summary: 'diagnose your gradients on the probe: correct, or which slips; exit 1 when wrong' },
};

const MAIN_HELP = [
  'usage: backprop-lab <command> [flags]',
  '',
  'The Backprop Lab engine on the command line.',
  '',
  'commands:',
  ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`),
  '',
  'backprop-lab <command> --help lists its flags. Exit codes: 0 done, 1 gradient check failed, 2 bad input.',
  '',
].join('\n');

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      io.out(topic && COMMANDS[topic] ? await helpOf(topic) : MAIN_HELP);
      return 0;
    }
    if (name === undefined) throw new UsageError(`missing command: ${Object.keys(COMMANDS).join(', ')} (see backprop-lab --help)`);
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
      const guess = closest(name, Object.keys(COMMANDS));
      throw new UsageError(`unknown command ${JSON.stringify(name)}${guess ? ` (did you mean ${guess}?)` : ''}; commands: ${Object.keys(COMMANDS).join(', ')}`);
    }
    return await command.run(rest, io);
  } catch (err) {
    const where = name && Object.hasOwn(COMMANDS, name) ? `backprop-lab ${name}` : 'backprop-lab';
    if (err instanceof UsageError) {
      io.err(`${where}: ${err.message}\n`);
      return EXIT_USAGE;
    }
    // Not the user's fault: still one line; the stack only on request.
    const error = err as Error;
    // an engine refusal carries its message as a code: worded here
    const text = err instanceof EngineError ? englishText(err.detail) : String(error?.message ?? error);
    io.err(
      `${where}: internal error: ${text.split('\n')[0]}${process.env.BACKPROP_LAB_DEBUG ? `\n${error?.stack}` : ' (set BACKPROP_LAB_DEBUG=1 for details)'}\n`,
    );
    return EXIT_INTERNAL;
  }
}

async function helpOf(command: string): Promise<string> {
  let text = '';
  await COMMANDS[command].run(['--help'], { out: (t) => (text += t), err: () => {} });
  return text;
}
