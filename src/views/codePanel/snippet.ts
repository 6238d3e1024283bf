/**
 * A from-scratch NumPy-style backprop, written for this lab (notation: W[l] is n_l × n_(l−1),
 * a[0] = X with one column per sample, z[l] = W[l] @ a[l-1] + b[l], a[l] = f(z[l])). Three places
 * change with the lab's switches; each variant holds the lines of its form.
 */
import type { DerivativeMode, GradientDivisor, SigmoidForm } from '../../engine';

export type SnippetLine = string | { slot: 'sigmoid' | 'divisor' | 'derivative' };

export const SIGMOID_LINES: Record<SigmoidForm, string[]> = {
  naive: ['    return 1.0 / (1.0 + np.exp(-z))           # e^(−z) overflows once z < −709.78'],
  stable: ['    e = np.exp(-np.abs(z))                     # never more than 1: no overflow', '    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))'],
};

export const DIVISOR_LINES: Record<GradientDivisor, string[]> = {
  features: ['    n = len(X)                  # rows of X = input features: steps scale by m / n_0'],
  samples: ['    n = X.shape[1]              # columns of X = samples: the mean gradient'],
};

export const DERIVATIVE_LINES: Record<DerivativeMode, string[]> = {
  buggy: ['            delta = (W[l].T @ delta) * f_prime(a[l - 1])   # BP2 at a: the slip'],
  correct: ['            delta = (W[l].T @ delta) * f_prime(z[l - 1])   # BP2 at z'],
};

export const SNIPPET: readonly SnippetLine[] = [
  'import numpy as np',
  '',
  'def f(z):',
  { slot: 'sigmoid' },
  '',
  'def f_prime(z):',
  '    s = f(z)',
  '    return s * (1.0 - s)',
  '',
  'def train_epoch(W, b, X, Y, eta):',
  '    L = len(W) - 1                    # W[1] … W[L]; W[0] is unused',
  '    a, z = [X], [None]',
  '    for l in range(1, L + 1):',
  '        z.append(W[l] @ a[l - 1] + b[l])',
  '        a.append(f(z[l]))',
  '    delta = a[L] - Y                  # BP1 (sigmoid output, cross-entropy)',
  { slot: 'divisor' },
  '    for l in range(L, 0, -1):',
  '        grad_W = delta @ a[l - 1].T / n                  # BP4',
  '        grad_b = delta.sum(axis=1, keepdims=True) / n    # BP3',
  '        if l > 1:',
  { slot: 'derivative' },
  '        W[l] -= eta * grad_W',
  '        b[l] -= eta * grad_b',
];
