/** The mystery slip: its opaque code, its choice from a seed, and that the hidden slip really trains on every buildRun path. */
import { describe, expect, test } from 'vitest';
import { decodeMystery, encodeMystery, endMystery, mysteryCandidates, mysterySlip, mysteryStore, startMystery } from '../../src/app/bugLab/mystery';
import { createLabStore } from '../../src/store/labStore';
import { DEFAULT_CONFIG, type LabConfig, MAX_SEED, SLIPS, buildRun, cloneNetwork } from '../../src/engine';

describe('the mystery slip', () => {
  test('the code carries the seed, scrambled; other text is refused', () => {
    for (const seed of [0, 1, 12345, MAX_SEED]) {
      const code = encodeMystery(seed);
      expect(decodeMystery(code)).toBe(seed);
      expect(code).not.toBe(seed.toString(36));
    }
    for (const bad of ['', 'ABC', 'zzzzzzzz', '1.5', 'derivativeAtA']) expect(decodeMystery(bad)).toBeNull();
  });

  test('candidates leave out the invisible naive sigmoid and switches already on; a seed picks the same slip every time', () => {
    const question: LabConfig = { ...DEFAULT_CONFIG, dataset: 'AND', hidden: [2], derivative: 'buggy', gradientDivisor: 'features' };
    const candidates = mysteryCandidates(question, [2, 2, 1]);
    expect(candidates).not.toContain('naiveSigmoid');
    expect(candidates).not.toContain('derivativeAtA');
    expect(candidates).toContain('answerBp1');
    // on 2-4-1 no two neighbouring layers share a size: no off-by-one slips
    expect(mysteryCandidates(DEFAULT_CONFIG, [2, 4, 1])).not.toContain('bp4WrongLayer');
    expect(mysterySlip(7, candidates)).toBe(mysterySlip(7, candidates));
    const picked = new Set(Array.from({ length: 200 }, (_, seed) => mysterySlip(seed, candidates)));
    expect(picked.size).toBe(candidates.length);
  });

  test('a configuration carrying the hidden slip trains with it (and without it again once cleared)', () => {
    const config: LabConfig = { ...DEFAULT_CONFIG, dataset: 'XOR', hidden: [2], epochs: 200 };
    const plain = buildRun(config);
    const start = cloneNetwork(plain.net);
    const hidden = buildRun({ ...config, slips: ['noBiasGradient'] } as LabConfig, undefined, cloneNetwork(start));
    plain.trainer.train(200);
    hidden.trainer.train(200);
    const biasAt = plain.net.params.length - 1;
    expect(hidden.net.params[biasAt]).toBe(start.params[biasAt]);
    expect(plain.net.params[biasAt]).not.toBe(start.params[biasAt]);
    expect(SLIPS.noBiasGradient.showsInGradients).toBe(true);
    hidden.trainer.setOptions({ ...hidden.trainer.options, slips: undefined } as typeof hidden.trainer.options);
    hidden.trainer.train(10);
    expect(hidden.net.params[biasAt]).not.toBe(start.params[biasAt]);
  });
});

describe('the mystery on the lab store', () => {
  test('a code puts the slip in the configuration in secret; a preset ends the mystery with it; End clears it', () => {
    const store = createLabStore();
    expect(startMystery(store, 'not a code!')).toMatch(/is not a mystery code/);
    expect(startMystery(store, encodeMystery(99))).toBeNull();
    const { slip, code } = mysteryStore.getState();
    expect(code).toBe(encodeMystery(99));
    expect((store.getState().config as { slips?: string[] }).slips).toEqual([slip]);
    // the switches the controls show are untouched
    expect(store.getState().config.derivative).toBe(DEFAULT_CONFIG.derivative);
    store.getState().applyPreset('question-and');
    expect(mysteryStore.getState().code).toBeNull();
    expect(startMystery(store, encodeMystery(5))).toBeNull();
    endMystery(store);
    expect(mysteryStore.getState().code).toBeNull();
    expect((store.getState().config as { slips?: string[] }).slips).toBeUndefined();
  });
});
