"""Backprop Lab harness (NumPy): runs YOUR backward pass once on the probe and prints its gradients.

usage: python3 harness_numpy.py your_backprop.py [probe.json] [probe-data.json] > mine.json

your_backprop.py defines backward(W, b, X, Y, eta) -> (grad_W, grad_b):
  W[k]  the weights into layer k+1, an n_(k+1) x n_k array (row j: the weights into neuron j)
  b[k]  the biases of layer k+1, an n_(k+1) x 1 column
  X, Y  the inputs and targets, one column per sample
  eta   the learning rate, for code that updates the weights as it goes
It returns the gradient of the mean cross-entropy cost over all samples (sigmoid on every layer):
grad_W[k] shaped like W[k], grad_b[k] with n_(k+1) entries. W and b are copies: change them freely.
"""
import importlib.util
import json
import os
import sys
import traceback

import numpy as np


def load_backward(path):
    # your file may import modules that sit next to it, as when run from its own folder
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    try:
        spec = importlib.util.spec_from_file_location("your_backprop", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.backward
    except Exception:
        traceback.print_exc()
        # nothing goes to stdout, so mine.json stays empty and the lab says so
        sys.exit("harness: could not load backward from %s (the error is above)" % path)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    backward = load_backward(sys.argv[1])
    with open(sys.argv[2] if len(sys.argv) > 2 else "probe.json") as f:
        network = json.load(f)
    with open(sys.argv[3] if len(sys.argv) > 3 else "probe-data.json") as f:
        data = json.load(f)
    W = [np.array(m, dtype=float) for m in network["weights"]]
    b = [np.array(v, dtype=float).reshape(-1, 1) for v in network["biases"]]
    X = np.array(data["inputs"], dtype=float).T
    Y = np.array(data["targets"], dtype=float).T
    grad_W, grad_b = backward([w.copy() for w in W], [c.copy() for c in b], X, Y, data["learningRate"])
    print(json.dumps({
        "format": "backprop-lab/gradients",
        "version": 1,
        "gradWeights": [np.asarray(g, dtype=float).tolist() for g in grad_W],
        "gradBiases": [np.asarray(g, dtype=float).reshape(-1).tolist() for g in grad_b],
    }))


if __name__ == "__main__":
    main()
