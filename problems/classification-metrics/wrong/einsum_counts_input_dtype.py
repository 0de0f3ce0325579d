"""Counts TP, predicted and actual positives with np.einsum / np.add.reduce in the inputs' own dtype
(einsum does not widen): uint8 wraps past 255, int16 past 32767, uint16 past 65535. Bools are cast to
uint8 first."""
import numpy as np


def binary_metrics(y_true, y_pred):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.dtype == bool:
        t = t.astype(np.uint8)
    if p.dtype == bool:
        p = p.astype(np.uint8)
    tp = int(np.einsum("i,i->", t, p))
    pred_pos = int(np.add.reduce(p, dtype=p.dtype))
    true_pos = int(np.add.reduce(t, dtype=t.dtype))
    fp, fn = pred_pos - tp, true_pos - tp
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
