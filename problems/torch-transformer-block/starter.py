import math

import torch
from torch import nn


class MultiHeadAttention(nn.Module):
    """Multi-head self-attention with q_proj, k_proj, v_proj, out_proj = nn.Linear(d_model, d_model) (bias on).

    forward(x, mask=None): x (B, L, d_model); mask None or a bool (L, L) tensor, True where query i may attend
    key j. Head h uses features h*d_head:(h+1)*d_head (d_head = d_model // n_heads); scores are scaled by
    1/sqrt(d_head); heads are concatenated in order and passed through out_proj.
    """

    def __init__(self, d_model: int, n_heads: int):
        super().__init__()
        raise NotImplementedError

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
        raise NotImplementedError


class FeedForward(nn.Module):
    """fc1 = nn.Linear(d_model, d_ff), exact GELU, fc2 = nn.Linear(d_ff, d_model)."""

    def __init__(self, d_model: int, d_ff: int):
        super().__init__()
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError


class TransformerBlock(nn.Module):
    """PRE-norm transformer block: x = x + dropout(attn(ln1(x), mask)); x = x + dropout(ffn(ln2(x))).

    Submodules (their names are graded): ln1, attn (MultiHeadAttention), ln2 (nn.LayerNorm(d_model)),
    ffn (FeedForward). Dropout is active only in training mode.
    """

    def __init__(self, d_model: int, n_heads: int, d_ff: int, dropout: float = 0.1):
        super().__init__()
        raise NotImplementedError

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
        raise NotImplementedError
