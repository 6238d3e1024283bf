"""The same backprop with the question's two slips, written for these tests: sigmoid_prime of the
activations instead of z, and the gradient divided by len(X) (rows of X = input features)."""
import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_prime(z):
    s = sigmoid(z)
    return s * (1.0 - s)


def backward(W, b, X, Y, eta):
    zs, activations = [], [X]
    for w, c in zip(W, b):
        zs.append(w @ activations[-1] + c)
        activations.append(sigmoid(zs[-1]))
    n = len(X)                                      # the slip: len(X) counts features, not samples
    grad_W, grad_b = [None] * len(W), [None] * len(W)
    delta = activations[-1] - Y
    for l in range(len(W) - 1, -1, -1):
        grad_W[l] = delta @ activations[l].T / n
        grad_b[l] = delta.sum(axis=1, keepdims=True) / n
        if l > 0:
            delta = (W[l].T @ delta) * sigmoid_prime(activations[l])   # the slip: σ′ at a
    return grad_W, grad_b
