import importlib.util
from pathlib import Path

import numpy as np
import torch


def _reference_class():
    path = Path(__file__).with_name("reference.py")
    spec = importlib.util.spec_from_file_location("mljudge_torch_positional_encoding_reference", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PositionalEncoding


def cases():
    Reference = _reference_class()
    rng = np.random.default_rng(20261204)

    def case(name, public, covers, init, shape, *, x=None, offset=None, seed=0, train=False, category=None):
        # The state comes from the reference built under a fixed seed. The table "pe" is a non-persistent
        # buffer, so the state dict is empty: the submission's own table is what gets graded.
        torch.manual_seed(seed)
        state = {n: t.detach().numpy().copy() for n, t in Reference(**init).state_dict().items()}
        x = rng.normal(size=shape).astype(np.float32) if x is None else x
        out = {"name": name, "public": public, "covers": covers, "init": init, "state": state, "args": [x],
               "kwargs": {} if offset is None else {"offset": offset},
               "upstream": rng.normal(size=shape).astype(np.float32), "train": train}
        if category:
            out["category"] = category
        return out

    return [
        # Zeros in, so the output is the table itself (rows 0..2).
        case("example-table-rows", True, [], {"d_model": 4, "max_len": 8, "dropout": 0.1}, (1, 3, 4),
             x=np.zeros((1, 3, 4), dtype=np.float32)),
        case("example-offset", True, [], {"d_model": 4, "max_len": 8, "dropout": 0.5}, (2, 2, 4),
             x=np.ones((2, 2, 4), dtype=np.float32), offset=3),
        case("batch-of-three", False, ["batch-first", "shared-pair-frequency", "eval-no-dropout", "read-only"],
             {"d_model": 8, "max_len": 16, "dropout": 0.1}, (3, 5, 8), category="batch of sequences"),
        case("one-token", False, ["single-position", "batch-first"],
             {"d_model": 6, "max_len": 10, "dropout": 0.2}, (4, 1, 6), category="single token"),
        case("one-token-offset", False, ["single-position", "offset"],
             {"d_model": 6, "max_len": 10, "dropout": 0.2}, (1, 1, 6), offset=9, category="single token at an offset"),
        case("whole-table", False, ["full-table", "batch-first"],
             {"d_model": 16, "max_len": 32, "dropout": 0.1}, (2, 32, 16), category="whole table"),
        case("width-2", False, ["d-model-2", "shared-pair-frequency"],
             {"d_model": 2, "max_len": 7, "dropout": 0.1}, (2, 7, 2), category="width two"),
        case("offset-middle", False, ["offset", "batch-first"],
             {"d_model": 10, "max_len": 12, "dropout": 0.1}, (2, 4, 10), offset=5, category="tokens at an offset"),
        case("offset-to-end", False, ["offset", "full-table"],
             {"d_model": 8, "max_len": 20, "dropout": 0.1}, (1, 6, 8), offset=14, category="tokens at an offset"),
        case("offset-zero-explicit", False, ["offset"],
             {"d_model": 8, "max_len": 20, "dropout": 0.1}, (2, 6, 8), offset=0, category="explicit zero offset"),
        case("heavy-dropout-eval", False, ["eval-no-dropout", "buffer-not-parameter"],
             {"d_model": 12, "max_len": 24, "dropout": 0.9}, (3, 9, 12), category="dropout in eval mode"),
        case("no-dropout-train", False, ["dropout-zero", "buffer-not-parameter", "read-only"],
             {"d_model": 12, "max_len": 24, "dropout": 0.0}, (2, 9, 12), train=True,
             category="training mode without dropout"),
        case("no-dropout-eval", False, ["dropout-zero"],
             {"d_model": 6, "max_len": 9, "dropout": 0.0}, (2, 9, 6), category="zero dropout"),
        case("wide", False, ["shared-pair-frequency", "eval-no-dropout"],
             {"d_model": 512, "max_len": 64, "dropout": 0.1}, (4, 64, 512), category="wide model"),
        case("defaults", False, ["defaults", "offset", "long-table"], {"d_model": 8}, (2, 24, 8), offset=1000,
             category="constructor defaults"),
        case("long-table", False, ["long-table", "full-table", "eval-no-dropout"],
             {"d_model": 64, "max_len": 1024, "dropout": 0.5}, (2, 1024, 64), category="long table"),
    ]
