/**
 * The tour's step 4 program: backprop for a sigmoid network with cross-entropy, written for this
 * lab from BP1–BP4 in the question's shape (lists of weights, biases and activations; a loop from
 * the last layer back; the divisor line). x holds one sample per column, so len(x) counts rows:
 * input features. Each slip line is followed by its fix.
 */
export interface ProgramLine {
  text: string;
  /** a line of the question's shape that is wrong, and the line that replaces it */
  kind?: 'slip' | 'fix';
}

const code = (text: string): ProgramLine => ({ text });
const slip = (text: string): ProgramLine => ({ text, kind: 'slip' });
const fix = (text: string): ProgramLine => ({ text, kind: 'fix' });

export const FIX_PROGRAM: readonly ProgramLine[] = [
  code('import numpy as np'),
  code(''),
  code('def sigmoid(z):'),
  code('    return 1.0 / (1.0 + np.exp(-z))'),
  code(''),
  code('def sigmoid_prime(z):            # σ′(z) = σ(z)(1 − σ(z))'),
  code('    s = sigmoid(z)'),
  code('    return s * (1.0 - s)'),
  code(''),
  code('def train_step(weights, biases, x, y, eta):'),
  code('    activations = [x]            # a⁰ = x, a column per sample'),
  code('    for W, b in zip(weights, biases):'),
  code('        z = W @ activations[-1] + b'),
  code('        activations.append(sigmoid(z))'),
  code('    L = len(weights)'),
  code('    delta = activations[L] - y   # BP1 with cross-entropy'),
  code('    grads = [None] * L'),
  code('    for l in range(L - 1, -1, -1):   # last layer back'),
  code('        gW = delta @ activations[l].T             # BP4'),
  code('        gb = delta.sum(axis=1, keepdims=True)     # BP3'),
  code('        grads[l] = (gW, gb)'),
  code('        if l > 0:                # BP2, one layer down'),
  code('            a = activations[l]'),
  slip('            delta = (weights[l].T @ delta) * sigmoid_prime(a)'),
  fix('            delta = (weights[l].T @ delta) * a * (1 - a)'),
  slip('    n = len(x)                   # rows of x: input features'),
  fix('    n = x.shape[1]               # columns of x: samples'),
  code('    for l in range(L):'),
  code('        weights[l] -= eta * grads[l][0] / n'),
  code('        biases[l] -= eta * grads[l][1] / n'),
];
