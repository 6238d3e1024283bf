import { describe, expect, test } from 'vitest';
import { DEFAULT_TRAIN_OPTIONS, Trainer, evaluate, gateDataset, initializeNetwork } from '../../src/engine';

describe('training the question\'s network', () => {
  test('a 2-4-1 sigmoid network with the correct derivative solves XOR from seed 1', () => {
    const data = gateDataset('XOR');
    const net = initializeNetwork([2, 4, 1], ['sigmoid', 'sigmoid'], 'normal', 1);
    const trainer = new Trainer(net, data, { ...DEFAULT_TRAIN_OPTIONS, learningRate: 1 }, 1);
    trainer.train(10_000);
    expect(evaluate(net, data, trainer.options).solved).toBe(true);
  });
});
