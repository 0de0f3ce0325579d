"""Computes in float32 (to be fast), casting back to float64 at the end: about 7 significant digits,
and values that cancel are lost entirely."""
import torch


class LinearFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, weight, bias):
        x32, w32 = x.float(), weight.float()
        ctx.save_for_backward(x32, w32)
        return (x32 @ w32.T + bias.float()).double()

    @staticmethod
    def backward(ctx, grad_output):
        x, weight = ctx.saved_tensors
        g = grad_output.float().reshape(-1, weight.shape[0])
        grad_x = grad_output.float() @ weight
        grad_w = g.T @ x.reshape(-1, weight.shape[1])
        return grad_x.double(), grad_w.double(), g.sum(dim=0).double()
