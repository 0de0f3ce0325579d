"""Applies a ReLU to the output of fc2 as well: negative logits become 0."""
import torch
from torch import nn


class SmallCNN(nn.Module):
    def __init__(self, in_channels, num_classes, image_size, dropout=0.5):
        super().__init__()
        # No conv bias: the BatchNorm right after it subtracts the mean and adds its own bias.
        self.conv1 = nn.Conv2d(in_channels, 16, kernel_size=3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        self.conv2 = nn.Conv2d(16, 32, kernel_size=3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(32)
        self.pool = nn.MaxPool2d(2)
        side = image_size // 2 // 2   # each 2x2 max-pool floors an odd size
        self.fc1 = nn.Linear(32 * side * side, 64)
        self.dropout = nn.Dropout(dropout)
        self.fc2 = nn.Linear(64, num_classes)

    def forward(self, x):
        x = self.pool(torch.relu(self.bn1(self.conv1(x))))
        x = self.pool(torch.relu(self.bn2(self.conv2(x))))
        x = torch.flatten(x, start_dim=1)   # (N, C, H, W) -> (N, C*H*W), channel-major
        return torch.relu(self.fc2(self.dropout(torch.relu(self.fc1(x)))))
