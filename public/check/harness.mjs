// Backprop Lab harness (JavaScript, Node): runs YOUR backward pass once on the probe and prints its gradients.
//
// usage: node harness.mjs your-backprop.mjs [probe.json] [probe-data.json] > mine.json
//
// your-backprop.mjs exports backward(W, b, X, Y, eta), returning { gradW, gradB }, all nested arrays:
//   W[k][j][i]  the weight from neuron i of layer k to neuron j of layer k+1
//   b[k][j]     the bias of neuron j of layer k+1
//   X[s], Y[s]  the inputs and targets of sample s
//   eta         the learning rate, for code that updates the weights as it goes
// It returns the gradient of the mean cross-entropy cost over all samples (sigmoid on every layer):
// gradW shaped like W, gradB shaped like b. W and b are copies: change them freely.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [, , modulePath, networkPath = 'probe.json', dataPath = 'probe-data.json'] = process.argv;
if (!modulePath) {
  console.error('usage: node harness.mjs your-backprop.mjs [probe.json] [probe-data.json] > mine.json');
  process.exit(2);
}
const { backward } = await import(pathToFileURL(resolve(modulePath)).href);
const network = JSON.parse(readFileSync(networkPath, 'utf8'));
const data = JSON.parse(readFileSync(dataPath, 'utf8'));
const { gradW, gradB } = backward(structuredClone(network.weights), structuredClone(network.biases), data.inputs, data.targets, data.learningRate);
// JSON.stringify writes NaN and Infinity as null; the lab names such an entry
console.log(JSON.stringify({ format: 'backprop-lab/gradients', version: 1, gradWeights: gradW, gradBiases: gradB }));
