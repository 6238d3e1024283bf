/**
 * The engine's own elementary functions, so every JavaScript engine computes the same bits.
 * Math.exp, Math.log, Math.tanh, Math.sin … are only "implementation-approximated" by the
 * standard: Node's V8 and Chromium's V8 differ in their last bit, and a training run amplifies
 * one bit into a different outcome. These use only IEEE basic operations (+ − × ÷, comparisons)
 * and exact reads and writes of a double's 32-bit halves, which every engine does identically.
 *
 * The algorithms are those of Sun's fdlibm 5.3 (e_exp.c, e_log.c, s_log1p.c, s_expm1.c,
 * s_tanh.c, k_sin.c, k_cos.c, e_rem_pio2.c) and FreeBSD msun's e_log10.c, re-written here: argument
 * reduction by k·ln2 (or n·π/2) split into a high part exact in double and a low part, then a
 * minimax polynomial on the reduced interval (a rational form for exp), then an exact scaling
 * by 2^k. Each is below 1 ulp of error except tanh (about 1 ulp; see there). 10^x, used only
 * for histogram edges, is carried in double-double (Dekker's exact product) and is correctly rounded.
 */
export { exp, expm1, tanh } from './exp';
export { exp10 } from './exp10';
export { log, log10, log1p } from './log';
export { cos, sin } from './trig';
