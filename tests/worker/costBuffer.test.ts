import { describe, expect, test } from 'vitest';
import { CostBuffer } from '../../src/worker/lab/costBuffer';
import type { LabEvent } from '../../src/worker/lab/protocol';

describe('the outgoing cost batch', () => {
  test('flushes its costs with their epochs and transfers the buffer', () => {
    const buffer = new CostBuffer();
    const sent: Array<{ event: LabEvent; transfer: Transferable[] }> = [];
    const post = (event: LabEvent, transfer: Transferable[]) => sent.push({ event, transfer });
    buffer.array.set([0.5, 0.4, 0.3]);
    buffer.length = 3;
    const outgoing = buffer.array.buffer;
    buffer.flush(post, 7);
    expect(sent).toHaveLength(1);
    const event = sent[0].event as Extract<LabEvent, { type: 'costs' }>;
    expect(event).toMatchObject({ type: 'costs', runId: 7, startEpoch: 0 });
    expect(Array.from(event.costs)).toEqual([0.5, 0.4, 0.3]);
    expect(sent[0].transfer).toEqual([outgoing]);
    expect(buffer.array.buffer).not.toBe(outgoing);
    expect(buffer.start).toBe(3);
    buffer.flush(post, 7);
    expect(sent).toHaveLength(1); // nothing to send
  });

  test('reuses buffers the page hands back instead of allocating new ones', () => {
    const buffer = new CostBuffer();
    const returned = new ArrayBuffer(4096 * 8);
    buffer.recycle(returned);
    buffer.recycle(new ArrayBuffer(3)); // too small: ignored
    buffer.length = 2000;
    buffer.array = new Float64Array(4096);
    buffer.flush(() => {}, 1);
    expect(buffer.array.buffer).toBe(returned);
    expect(buffer.array.length).toBe(4096);
  });
});
