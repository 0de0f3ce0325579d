import torch
from torch import nn


def train_and_predict(X_train: torch.Tensor, y_train: torch.Tensor, X_test: torch.Tensor) -> torch.Tensor:
    Xtr = X_train.detach().to(torch.float32)
    Xte = X_test.detach().to(torch.float32)
    mean = Xtr.mean(dim=0, keepdim=True)
    std = Xtr.std(dim=0, keepdim=True).clamp_min(1e-12)
    Xtr = (Xtr - mean) / std
    Xte = (Xte - mean) / std
    y = y_train.detach().long()

    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2))
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    for _ in range(500):
        opt.zero_grad()
        loss = loss_fn(model(Xtr), y)
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        return model(Xte).argmax(dim=1).to(torch.int64)
