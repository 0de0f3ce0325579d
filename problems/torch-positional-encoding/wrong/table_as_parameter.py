"""Stores the table as nn.Parameter(pe, requires_grad=False): still a parameter (and a state dict
entry), not a buffer."""
import math

import torch
from torch import nn


class PositionalEncoding(nn.Module):
    def __init__(self, d_model, max_len=1024, dropout=0.1):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        pe = torch.zeros(max_len, d_model)
        pos = torch.arange(0, max_len, dtype=torch.float).unsqueeze(1)
        div = torch.exp(torch.arange(0, d_model, 2).float() * (-math.log(10000.0) / d_model))
        pe[:, 0::2] = torch.sin(pos * div)
        pe[:, 1::2] = torch.cos(pos * div)
        self.pe = nn.Parameter(pe, requires_grad=False)

    def forward(self, x, offset=0):
        return self.dropout(x + self.pe[offset:offset + x.size(1)])
