import numpy as np


def conv2d(x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int = 1, padding: int = 0) -> np.ndarray:
    """Forward pass of a 2-D convolution layer (cross-correlation, as in PyTorch's nn.Conv2d).

    x: (N, C_in, H, W); w: (C_out, C_in, kH, kW); b: (C_out,).
    Zero padding of `padding` on all four sides, the same `stride` along both spatial axes.
    Returns a float64 array of shape (N, C_out, H_out, W_out) with
    H_out = (H + 2*padding - kH) // stride + 1 and W_out = (W + 2*padding - kW) // stride + 1.
    """
    raise NotImplementedError
