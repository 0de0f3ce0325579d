"""Puts all sines in the first half of the columns and all cosines in the second half
(another published layout) instead of interleaving them."""
import math

import torch
from torch import nn


class PositionalEncoding(nn.Module):
    def __init__(self, d_model, max_len=1024, dropout=0.1):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        pos = torch.arange(0, max_len, dtype=torch.float).unsqueeze(1)
        div = torch.exp(torch.arange(0, d_model, 2).float() * (-math.log(10000.0) / d_model))
        pe = torch.cat([torch.sin(pos * div), torch.cos(pos * div)], dim=1)
        self.register_buffer("pe", pe, persistent=False)

    def forward(self, x, offset=0):
        return self.dropout(x + self.pe[offset:offset + x.size(1)])
