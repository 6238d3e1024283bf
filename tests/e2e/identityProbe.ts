/**
 * What tests/e2e/identity.test.ts computes twice, once in Node and once in Chromium (bundled by
 * Vite into one script for a blank page): digests of the engine's math over many arguments, and
 * whole training runs. Digests are FNV-1a over every result's 64 bits, so one bit apart shows.
 */
import { type LabConfig, Rng, buildRun } from '../../src/engine';
import { cos, exp, exp10, expm1, log, log10, log1p, sin, tanh } from '../../src/engine/math';

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** FNV-1a over 32-bit words, kept in an unsigned 32-bit state. */
class Digest {
  private state = 0x811c9dc5;

  addDouble(v: number): void {
    bits[0] = v;
    this.addWord(words[0]);
    this.addWord(words[1]);
  }

  private addWord(w: number): void {
    for (let shift = 0; shift < 32; shift += 8) {
      this.state ^= (w >>> shift) & 0xff;
      this.state = Math.imul(this.state, 0x01000193) >>> 0;
    }
  }

  hex(): string {
    return this.state.toString(16).padStart(8, '0');
  }
}

type Unary = (x: number) => number;

/**
 * Each function's arguments: a spread over its useful range and a band where rounding is hardest.
 * Built from uniform draws with basic operations and the engine's exp only (2 ** x is Math.pow,
 * itself one of the functions that differ between engines).
 */
const ARGUMENTS: Record<string, (u: number, v: number) => number> = {
  exp: (u, v) => (v < 0.5 ? (u - 0.5) * 1490 : (u - 0.5) * 8),
  log: (u, v) => (v < 0.5 ? exp((u - 0.5) * 1450) : 0.5 + u),
  log1p: (u, v) => (v < 0.5 ? u * 1.99 - 0.995 : exp((u - 0.5) * 80)),
  expm1: (u, v) => (v < 0.5 ? (u - 0.5) * 100 : (u - 0.5) * 2),
  tanh: (u, v) => (v < 0.5 ? (u - 0.5) * 60 : (u - 0.5) * 4),
  sin: (u, v) => (v < 0.5 ? (u - 0.5) * 40 : u * 3 * Math.PI),
  cos: (u, v) => (v < 0.5 ? (u - 0.5) * 40 : u * 3 * Math.PI),
  log10: (u, v) => (v < 0.5 ? exp((u - 0.5) * 1450) : 1 + u * 99),
  exp10: (u) => (u - 0.5) * 40,
};

/** The functions to digest: the engine's own, or the host's (to see whether the host differs). */
function mathFunctions(host: boolean): Record<string, Unary> {
  if (host)
    return {
      exp: Math.exp,
      log: Math.log,
      log1p: Math.log1p,
      expm1: Math.expm1,
      tanh: Math.tanh,
      sin: Math.sin,
      cos: Math.cos,
      log10: Math.log10,
      exp10: (x) => 10 ** x,
    };
  return { exp, log, log1p, expm1, tanh, sin, cos, log10, exp10 };
}

/** Digest of `count` values of each function, arguments from a seeded generator (uniform draws only). */
export function mathDigests(count: number, host = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, f] of Object.entries(mathFunctions(host))) {
    const rng = new Rng(20_261_130, name.length);
    const digest = new Digest();
    const argument = ARGUMENTS[name];
    // exp10 is slow (double-double): a tenth as many
    const n = name === 'exp10' ? count / 10 : count;
    for (let k = 0; k < n; k++) digest.addDouble(f(argument(rng.uniform(), rng.uniform())));
    out[name] = digest.hex();
  }
  return out;
}

export interface RunDigest {
  /** every epoch's cost, in order */
  costs: string;
  /** the final parameters */
  params: string;
  lastCost: number;
  epochs: number;
}

/** Trains `config` for its epochs (as the page and the CLI do) and digests what came out. */
function runDigest(config: LabConfig): RunDigest {
  const run = buildRun(config);
  const costs = new Digest();
  const trace = new Float64Array(Math.min(config.epochs, 10_000));
  let done = 0;
  while (done < config.epochs) {
    const chunk = Math.min(trace.length, config.epochs - done);
    const { ran, reason } = run.trainer.train(chunk, trace, 0);
    for (let k = 0; k < ran; k++) costs.addDouble(trace[k]);
    done += ran;
    if (reason === 'diverged' || ran < chunk) break;
  }
  const params = new Digest();
  for (const v of run.net.params) params.addDouble(v);
  return { costs: costs.hex(), params: params.hex(), lastCost: run.trainer.lastCost, epochs: run.trainer.epoch };
}

export function runDigests(configs: readonly LabConfig[]): RunDigest[] {
  return configs.map(runDigest);
}
