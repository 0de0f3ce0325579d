"""Feeds the raw coordinates to the network: fine on the unit-scale moons, but on rotated, scaled and
shifted planes the same learning rate and step count no longer fit the data."""
import torch
from torch import nn


def train_and_predict(X_train, y_train, X_test):
    Xtr, Xte = X_train.float(), X_test.float()
    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 2))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    for _ in range(300):
        optimizer.zero_grad()
        loss_fn(model(Xtr), y_train).backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        return model(Xte).argmax(dim=1)
