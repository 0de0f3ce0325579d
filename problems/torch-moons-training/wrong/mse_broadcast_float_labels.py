"""Labels as floats with the wrong loss: MSELoss between an (N, 1) output and (N,) float labels, which
broadcasts to an (N, N) difference (only a warning), so the network learns to predict the mean label for
every point; the prediction is then thresholded at 0.5."""
import torch
from torch import nn


def train_and_predict(X_train, y_train, X_test):
    mean = X_train.double().mean(dim=0)
    std = X_train.double().std(dim=0).clamp_min(1e-12)
    Xtr = ((X_train.double() - mean) / std).float()
    Xte = ((X_test.double() - mean) / std).float()
    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1),
                          nn.Sigmoid())
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.MSELoss()
    target = y_train.float()
    for _ in range(200):
        optimizer.zero_grad()
        loss_fn(model(Xtr), target).backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        return (model(Xte).squeeze(1) > 0.5).long()
