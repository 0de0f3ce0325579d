import math

import torch
from torch import nn


class PositionalEncoding(nn.Module):
    def __init__(self, d_model: int, max_len: int = 1024, dropout: float = 0.1):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        # exact-ish table computed in float64, stored as float32
        pos = torch.arange(max_len, dtype=torch.float64).unsqueeze(1)          # (max_len, 1)
        two_i = torch.arange(0, d_model, 2, dtype=torch.float64)               # (d_model/2,)
        angle = pos / torch.pow(torch.tensor(10000.0, dtype=torch.float64), two_i / d_model)
        table = torch.empty(max_len, d_model, dtype=torch.float64)
        table[:, 0::2] = torch.sin(angle)
        table[:, 1::2] = torch.cos(angle)
        self.register_buffer("pe", table.to(torch.float32), persistent=False)

    def forward(self, x: torch.Tensor, offset: int = 0) -> torch.Tensor:
        L = x.shape[1]
        return self.dropout(x + self.pe[offset:offset + L])
