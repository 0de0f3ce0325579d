import math

import torch
from torch import nn


class MiniGPT(nn.Module):
    """A decoder-only transformer language model: token + learned position embeddings, n_layers PRE-norm
    blocks with CAUSAL multi-head self-attention, a final LayerNorm and a linear head to vocabulary logits.

    Parameter names and shapes must be exactly the ones in the statement (the grader loads its weights by
    name), e.g. tok_emb.weight, pos_emb.weight, blocks.0.ln1.weight, blocks.0.attn.q_proj.weight, ...,
    blocks.0.ffn.fc1.weight, ln_f.weight, head.weight (no bias on the head).
    """

    def __init__(self, vocab_size: int, max_len: int, d_model: int, n_heads: int, n_layers: int, d_ff: int):
        super().__init__()
        raise NotImplementedError

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        """idx: (B, T) int64 token ids, 1 <= T <= max_len. Returns logits of shape (B, T, vocab_size)."""
        raise NotImplementedError
