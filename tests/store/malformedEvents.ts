/**
 * Malformed worker → page messages for the fuzz tests (Node and e2e): real events of a run,
 * each broken in one place (a field deleted, or replaced by junk of another type, a NaN, a
 * huge string, a typed array of the wrong kind or length), plus whole messages that are not
 * events at all. Typed arrays travel to a browser encoded as `{ $typed, values }`.
 */
import fc from 'fast-check';
import { DEFAULT_CONFIG, type LabConfig } from '../../src/engine';
import type { LabEvent } from '../../src/worker/lab/protocol';
import { FakeWorkerEnv } from '../worker/harness';

/** The events of a short run on `config`: run, status, snapshots, costs, configured, an error, a scrub. */
export function realEvents(config: LabConfig = DEFAULT_CONFIG): LabEvent[] {
  const env = new FakeWorkerEnv();
  env.send({ type: 'configure', config });
  env.send({ type: 'trainOneEpoch' });
  env.send({ type: 'trainOneEpoch' });
  env.send({ type: 'configure', config: { ...config, learningRate: config.learningRate * 2 } });
  env.send({ type: 'scrub', epoch: 1 });
  env.send({ type: 'setParam', index: -5, value: 1 });
  env.send({ type: 'inspectPass' });
  return env.events;
}

const TYPED = [Float64Array, Float32Array] as const;

/** Junk of every kind a buggy worker could send in place of a value. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, -1, 0.5, 2 ** 53, '', true, {}, [], 'x'.repeat(100_000)),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string()), { maxKeys: 3 }),
  fc.tuple(fc.constantFrom(...TYPED), fc.nat(12)).map(([Typed, n]) => new Typed(n)),
);

/** Every path (list of keys) into a plain value, typed arrays counted as leaves. */
function pathsOf(value: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  if (prefix.length > 0) out.push(prefix);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return out;
  for (const key of Object.keys(value)) pathsOf((value as Record<string, unknown>)[key], [...prefix, key], out);
  return out;
}

/** A deep copy with the value at `path` replaced (or deleted when `replacement` is the DELETE marker). */
const DELETE = Symbol('delete');
function mutated(value: unknown, path: string[], replacement: unknown): unknown {
  const copy = structuredClone(value);
  let parent = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (replacement === DELETE) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

/** One real event broken at one place, or a message that is no event at all. */
export function malformedEvent(events: readonly LabEvent[]): fc.Arbitrary<unknown> {
  const broken = fc
    .constantFrom(...events)
    .chain((event) => fc.tuple(fc.constant(event), fc.constantFrom(...pathsOf(event)), fc.oneof(junk, fc.constant(DELETE))))
    .map(([event, path, replacement]) => mutated(event, path, replacement));
  const notEvents = fc.oneof(
    junk,
    fc.constant({ type: 'snapshot', runId: 1, snapshot: {} }),
    fc.constant({ type: 'error', message: { text: 'not a string' } }),
    fc.record({ type: fc.constantFrom('runStarted', 'costs', 'status', 'inspected', 'nope'), runId: fc.oneof(fc.constant(1), junk) }),
  );
  return fc.oneof({ weight: 4, arbitrary: broken }, { weight: 1, arbitrary: notEvents });
}

/** Typed arrays as `{ $typed, values }`, so a message can be handed to page.evaluate; numbers (NaN too) pass as they are. */
export function encodeTyped(value: unknown): unknown {
  if (value instanceof Float64Array || value instanceof Float32Array) return { $typed: value.constructor.name, values: Array.from(value) };
  if (Array.isArray(value)) return value.map(encodeTyped);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeTyped(v)]));
  return value;
}
