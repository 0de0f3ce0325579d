import torch
from torch import nn


class SmallCNN(nn.Module):
    """conv1 (3x3, 16 channels, padding 1, no bias) -> bn1 -> ReLU -> 2x2 max-pool
    -> conv2 (3x3, 32 channels, padding 1, no bias) -> bn2 -> ReLU -> 2x2 max-pool
    -> flatten (channel-major) -> fc1 (64) -> ReLU -> dropout -> fc2 (num_classes).

    Parameter and buffer names must be exactly the statement's (conv1, bn1, conv2, bn2, fc1, fc2): the grader
    loads its weights and BatchNorm statistics by name.
    """

    def __init__(self, in_channels: int, num_classes: int, image_size: int, dropout: float = 0.5):
        super().__init__()
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: (N, in_channels, image_size, image_size) float32. Returns logits (N, num_classes)."""
        raise NotImplementedError
