"""A backprop split over two files, as a learner's often is: the harness must find the helper beside it."""
from correct_backprop import backward as correct_backward


def backward(W, b, X, Y, eta):
    return correct_backward(W, b, X, Y, eta)
