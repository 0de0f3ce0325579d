"""Never calls optimizer.zero_grad(): backward() adds each step's gradient to all the previous ones, so
Adam follows the sum of every gradient so far instead of the current one and overshoots."""
import torch
from torch import nn


def train_and_predict(X_train, y_train, X_test):
    mean = X_train.double().mean(dim=0)
    std = X_train.double().std(dim=0).clamp_min(1e-12)
    Xtr = ((X_train.double() - mean) / std).float()
    Xte = ((X_test.double() - mean) / std).float()
    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 2))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    for _ in range(300):
        loss = loss_fn(model(Xtr), y_train)
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        return model(Xte).argmax(dim=1)
