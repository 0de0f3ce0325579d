import torch


class LinearFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, weight, bias):
        ctx.save_for_backward(x, weight)
        return x @ weight.T + bias

    @staticmethod
    def backward(ctx, grad_output):
        x, weight = ctx.saved_tensors
        grad_x = grad_output @ weight                                   # (..., in)
        g2 = grad_output.reshape(-1, weight.shape[0])                   # (S, out)
        x2 = x.reshape(-1, weight.shape[1])                             # (S, in)
        grad_w = g2.T @ x2                                              # (out, in)
        grad_b = g2.sum(dim=0)                                          # (out,)
        return grad_x, grad_w, grad_b
