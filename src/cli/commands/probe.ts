/** `backprop-lab probe --out DIR`: writes the probe (network and data) and the harnesses that print your gradients. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROBE_DATA_FILE_NAME, PROBE_NETWORK_FILE_NAME, probeDataText, probeNetworkText } from '../../engine/probe';
import { UsageError } from '../errors';
import { parseFlags } from '../flags';
import { makeFolder, writeTextFile } from '../files';
import { helpText, wantsHelp } from '../help';
import type { CliIo } from '../io';

/** The harnesses, kept once in public/check/ (the page offers the same files). */
const HARNESS_FILES = ['harness_numpy.py', 'harness_python.py', 'harness.mjs'] as const;
const HARNESS_DIR = fileURLToPath(new URL('../../../public/check/', import.meta.url));

const PROBE_FLAGS = {
  out: { kind: 'string', value: 'DIR', help: 'the folder to write probe.json, probe-data.json and the three harnesses into' },
  help: { kind: 'boolean', short: 'h', help: 'show this help' },
} as const;

const PROBE_HELP = helpText(
  'backprop-lab probe --out DIR',
  'Writes the probe network and data, and the NumPy, plain Python and JavaScript harnesses (docs/check.md).',
  PROBE_FLAGS,
  [
    'then: python3 DIR/harness_numpy.py your_backprop.py DIR/probe.json DIR/probe-data.json > mine.json',
    '      backprop-lab check --network DIR/probe.json --data DIR/probe-data.json --gradients mine.json',
  ],
);

function harnessText(name: (typeof HARNESS_FILES)[number]): string {
  return readFileSync(join(HARNESS_DIR, name), 'utf8');
}

export async function probeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (wantsHelp(argv)) {
    io.out(PROBE_HELP);
    return 0;
  }
  const values = parseFlags('probe', argv, PROBE_FLAGS);
  const out = values.out;
  if (typeof out !== 'string' || out === '') throw new UsageError('--out DIR is required (see: backprop-lab probe --help)');
  const files: [string, string][] = [
    [PROBE_NETWORK_FILE_NAME, probeNetworkText()],
    [PROBE_DATA_FILE_NAME, probeDataText()],
    ...HARNESS_FILES.map((name): [string, string] => [name, harnessText(name)]),
  ];
  makeFolder('out', out);
  for (const [name, text] of files) writeTextFile('out', join(out, name), text);
  io.out(`wrote ${files.map(([name]) => name).join(', ')} to ${out}\n`);
  return 0;
}
