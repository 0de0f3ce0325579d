import torch
from torch import nn


class PositionalEncoding(nn.Module):
    """Sinusoidal positional encoding added to a batch of token vectors, followed by dropout.

    __init__(d_model, max_len=1024, dropout=0.1): d_model even; builds the (max_len, d_model) float32 table
    PE[pos, 2i] = sin(pos / 10000^(2i/d_model)), PE[pos, 2i+1] = cos(pos / 10000^(2i/d_model)) once and
    registers it as a NON-persistent buffer named "pe" (register_buffer("pe", table, persistent=False)).
    The module has no parameters.

    forward(x, offset=0): x is (B, L, d_model) float32, batch first; returns dropout(x + PE[offset:offset+L])
    with shape (B, L, d_model). Dropout is active only in training mode (model.train()).
    """

    def __init__(self, d_model: int, max_len: int = 1024, dropout: float = 0.1):
        super().__init__()
        raise NotImplementedError

    def forward(self, x: torch.Tensor, offset: int = 0) -> torch.Tensor:
        raise NotImplementedError
