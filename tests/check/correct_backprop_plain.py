"""A correct full-batch backprop in plain Python (nested lists), written for these tests."""
import math


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def backward(W, b, X, Y, eta):
    m = len(X)
    grad_W = [[[0.0] * len(row) for row in w] for w in W]
    grad_b = [[0.0] * len(c) for c in b]
    for x, y in zip(X, Y):
        activations = [x]
        for w, c in zip(W, b):
            a = activations[-1]
            activations.append([sigmoid(c[j] + sum(w[j][i] * a[i] for i in range(len(a)))) for j in range(len(w))])
        delta = [a - t for a, t in zip(activations[-1], y)]
        for l in range(len(W) - 1, -1, -1):
            for j in range(len(W[l])):
                grad_b[l][j] += delta[j] / m
                for i in range(len(W[l][j])):
                    grad_W[l][j][i] += delta[j] * activations[l][i] / m
            if l > 0:
                a = activations[l]
                delta = [sum(W[l][j][i] * delta[j] for j in range(len(W[l]))) * a[i] * (1 - a[i]) for i in range(len(a))]
    return grad_W, grad_b
