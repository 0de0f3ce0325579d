"""Passes the input tensors to the model as given: float32 inputs work, float64 ones meet float32
weights and the first Linear layer raises a dtype error."""
import torch
from torch import nn


def train_and_predict(X_train, y_train, X_test):
    mean, std = X_train.mean(dim=0), X_train.std(dim=0)
    Xtr, Xte = (X_train - mean) / std, (X_test - mean) / std
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
