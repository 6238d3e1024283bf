import { initializeNetwork, gateDataset, Trainer, DEFAULT_TRAIN_OPTIONS, evaluate } from '../src/engine/index';
const data = gateDataset('XOR');
for (const derivative of ['correct','buggy'] as const) {
  let solved = 0; const t0 = performance.now(); let epochs = 0;
  for (let seed = 0; seed < 50; seed++) {
    const net = initializeNetwork([2,2,1], ['sigmoid','sigmoid'], 'normal', seed);
    const tr = new Trainer(net, data, { ...DEFAULT_TRAIN_OPTIONS, derivative }, seed);
    tr.train(60000); epochs += 60000;
    if (evaluate(net, data, tr.options).solved) solved++;
  }
  const ms = performance.now() - t0;
  console.log(derivative, 'XOR solved', solved, '/50', (epochs / ms * 1000).toFixed(0), 'epochs/s');
}
for (const gate of ['AND','OR'] as const) for (const derivative of ['correct','buggy'] as const) {
  const d = gateDataset(gate); let solved = 0;
  for (let seed = 0; seed < 50; seed++) { const net = initializeNetwork([2,2,1], ['sigmoid','sigmoid'], 'normal', seed);
    const tr = new Trainer(net, d, { ...DEFAULT_TRAIN_OPTIONS, derivative, gradientDivisor: 'features' }, seed); tr.train(60000); if (evaluate(net, d, tr.options).solved) solved++; }
  console.log(gate, derivative, solved, '/50');
}
