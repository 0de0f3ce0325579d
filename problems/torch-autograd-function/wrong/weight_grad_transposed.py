"""Computes the weight gradient as x^T grad_output, shape (in, out): the transpose of what the weight
(out, in) needs. Raises a shape error unless the weight is square, where the values are wrong."""
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
        return grad_output @ weight, x.reshape(-1, weight.shape[1]).T @ g, g.sum(dim=0)
