"""Backprop Lab harness (plain Python): runs YOUR backward pass once on the probe and prints its gradients.

usage: python3 harness_python.py your_backprop.py [probe.json] [probe-data.json] > mine.json

your_backprop.py defines backward(W, b, X, Y, eta) -> (grad_W, grad_b), all nested lists of floats:
  W[k][j][i]  the weight from neuron i of layer k to neuron j of layer k+1
  b[k][j]     the bias of neuron j of layer k+1
  X[s], Y[s]  the inputs and targets of sample s
  eta         the learning rate, for code that updates the weights as it goes
It returns the gradient of the mean cross-entropy cost over all samples (sigmoid on every layer):
grad_W shaped like W, grad_b shaped like b. W and b are copies: change them freely.
"""
import copy
import importlib.util
import json
import os
import sys
import traceback


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
    grad_W, grad_b = backward(copy.deepcopy(network["weights"]), copy.deepcopy(network["biases"]), data["inputs"], data["targets"], data["learningRate"])
    print(json.dumps({
        "format": "backprop-lab/gradients",
        "version": 1,
        "gradWeights": [[[float(g) for g in row] for row in m] for m in grad_W],
        "gradBiases": [[float(g) for g in v] for v in grad_b],
    }))


if __name__ == "__main__":
    main()
