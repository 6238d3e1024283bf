/**
 * One seeded pseudo-random generator for the whole engine (sfc32, 128-bit state).
 * Only integer ops (Math.imul, >>>) and IEEE doubles, so the same seed gives the same
 * stream bit for bit in Node and in any browser. Never touches Math.random.
 */
import { cos, log, sin } from './math';

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** A second normal deviate from Box–Muller, kept for the next call. */
  private spareNormal: number | null = null;

  /** `stream` separates independent sequences from one seed (init, shuffle, data …). */
  constructor(seed: number, stream = 0) {
    // splitmix32 spreads a small seed over the whole state.
    let s = (seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b9);
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let t = s ^ (s >>> 16);
      t = Math.imul(t, 0x21f0aaad);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735a2d97);
      return (t ^ (t >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal N(0, 1) by Box–Muller. */
  normal(): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal;
      this.spareNormal = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * log(u));
    this.spareNormal = r * sin(2 * Math.PI * v);
    return r * cos(2 * Math.PI * v);
  }

  /** Fisher–Yates shuffle in place. */
  shuffle(order: Uint32Array | number[]): void {
    for (let i = order.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}

/** Named streams so that, e.g., changing the batch size never changes the initial weights. */
export const RngStream = { init: 1, shuffle: 2, data: 3 } as const;
