"""Copies the sequence-first tutorial layout: the table is (max_len, 1, d_model) and rows are taken
along x's first axis, so the batch index is used as the position (x is batch first here)."""
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
        self.register_buffer("pe", pe.unsqueeze(1), persistent=False)

    def forward(self, x, offset=0):
        return self.dropout(x + self.pe[offset:offset + x.size(0)])
