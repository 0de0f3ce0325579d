"""Back-propagates to x through weight.T (as if the forward were x @ weight): right shape only when the
weight is square, and then the wrong values."""
import torch


class LinearFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, weight, bias):
        ctx.save_for_backward(x, weight)
        return x @ weight.T + bias

    @staticmethod
    def backward(ctx, grad_output):
        x, weight = ctx.saved_tensors
        g = grad_output.reshape(-1, weight.shape[0])
        return grad_output @ weight.T, g.T @ x.reshape(-1, weight.shape[1]), g.sum(dim=0)
