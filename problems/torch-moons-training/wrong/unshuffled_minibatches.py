"""Mini-batches over the training rows in their given order, never reshuffled, with a large learning rate
(Adam, 0.05): when the rows come sorted by label every batch holds one class, each epoch ends on a long
run of label-1 batches, and the model ends up predicting label 1 everywhere. The same loop with a fresh
permutation each epoch is accepted."""
import torch
from torch import nn


def train_and_predict(X_train, y_train, X_test):
    mean = X_train.double().mean(dim=0)
    std = X_train.double().std(dim=0).clamp_min(1e-12)
    Xtr = ((X_train.double() - mean) / std).float()
    Xte = ((X_test.double() - mean) / std).float()
    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 2))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    loss_fn = nn.CrossEntropyLoss()
    for _ in range(30):
        for start in range(0, len(Xtr), 32):
            optimizer.zero_grad()
            loss_fn(model(Xtr[start:start + 32]), y_train[start:start + 32]).backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        return model(Xte).argmax(dim=1)
