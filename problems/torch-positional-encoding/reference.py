import math

import torch
from torch import nn


class PositionalEncoding(nn.Module):
    def __init__(self, d_model, max_len=1024, dropout=0.1):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        # Built in float64 and stored as float32: the table is exact to float32 rounding at every position.
        pos = torch.arange(max_len, dtype=torch.float64).unsqueeze(1)
        freq = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float64) * (-math.log(10000.0) / d_model))
        pe = torch.zeros(max_len, d_model, dtype=torch.float64)
        pe[:, 0::2] = torch.sin(pos * freq)
        pe[:, 1::2] = torch.cos(pos * freq)
        # Derived data, not state: kept out of the state dict.
        self.register_buffer("pe", pe.to(torch.float32), persistent=False)

    def forward(self, x, offset=0):
        L = x.size(1)
        return self.dropout(x + self.pe[offset:offset + L])
