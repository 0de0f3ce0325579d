import importlib.util
from pathlib import Path

import numpy as np
import torch
from torch import nn


def _reference_class():
    path = Path(__file__).with_name("reference.py")
    spec = importlib.util.spec_from_file_location("mljudge_torch_transformer_block_reference", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.TransformerBlock


def _causal(L):
    return np.tril(np.ones((L, L), dtype=bool))


def cases():
    Reference = _reference_class()
    rng = np.random.default_rng(20261205)

    def case(name, public, covers, init, shape, *, x=None, mask="absent", seed=0, train=False, offset=0.0,
             category=None):
        # The weights are the reference's default initialisation under a fixed seed, except the layer norms:
        # their default (weight 1, bias 0) would let ln1/ln2 be swapped, or their affine part be forgotten,
        # unnoticed, so they get seeded non-trivial values too.
        torch.manual_seed(seed)
        model = Reference(**init)
        with torch.no_grad():
            for module in (model.ln1, model.ln2):
                module.weight.copy_(1.0 + 0.3 * torch.randn_like(module.weight))
                module.bias.copy_(0.3 * torch.randn_like(module.bias))
        state = {n: t.detach().numpy().copy() for n, t in model.state_dict().items()}
        if x is None:
            x = (offset + rng.normal(size=shape)).astype(np.float32)
        kwargs = {} if isinstance(mask, str) else {"mask": mask}
        out = {"name": name, "public": public, "covers": covers, "init": init, "state": state, "args": [x],
               "kwargs": kwargs, "upstream": rng.normal(size=shape).astype(np.float32), "train": train}
        if category:
            out["category"] = category
        return out

    example_x = np.array([[[1.0, 0.0, 2.0, 0.0], [0.0, 1.0, 0.0, 2.0], [1.0, 1.0, 1.0, 1.0]]], dtype=np.float32)
    small = {"d_model": 4, "n_heads": 2, "d_ff": 8, "dropout": 0.1}

    padding = np.ones((6, 6), dtype=bool)
    padding[:, 4:] = False            # the last two keys are padding: no query may attend them
    diagonal = np.eye(5, dtype=bool)  # every query sees only itself: attention returns v
    band = np.tril(np.ones((8, 8), dtype=bool)) & np.triu(np.ones((8, 8), dtype=bool), k=-2)   # sliding window

    return [
        case("example-no-mask", True, [], small, (1, 3, 4), x=example_x),
        case("example-causal", True, [], small, (1, 3, 4), x=example_x, mask=_causal(3), seed=1),
        case("two-heads", False, ["multi-head", "pre-norm", "parameter-gradients", "independent-sequences"],
             {"d_model": 8, "n_heads": 2, "d_ff": 16, "dropout": 0.1}, (2, 5, 8), seed=2, category="several heads"),
        case("one-head", False, ["one-head", "pre-norm", "parameter-gradients"],
             {"d_model": 6, "n_heads": 1, "d_ff": 12, "dropout": 0.1}, (2, 4, 6), seed=3, category="one head"),
        case("head-width-1", False, ["head-width-1", "multi-head"],
             {"d_model": 4, "n_heads": 4, "d_ff": 8, "dropout": 0.1}, (2, 5, 4), seed=4, category="heads of width one"),
        case("causal", False, ["causal-mask", "multi-head", "independent-sequences"],
             {"d_model": 12, "n_heads": 3, "d_ff": 24, "dropout": 0.1}, (3, 7, 12), mask=_causal(7), seed=5,
             category="causal mask"),
        case("padding-keys", False, ["general-mask", "multi-head"],
             {"d_model": 8, "n_heads": 2, "d_ff": 32, "dropout": 0.1}, (2, 6, 8), mask=padding, seed=6,
             category="padding mask"),
        case("attend-to-self-only", False, ["general-mask", "multi-head", "parameter-gradients"],
             {"d_model": 8, "n_heads": 4, "d_ff": 16, "dropout": 0.1}, (2, 5, 8), mask=diagonal, seed=7,
             category="self-only mask"),
        case("sliding-window", False, ["general-mask", "causal-mask", "multi-head"],
             {"d_model": 16, "n_heads": 4, "d_ff": 40, "dropout": 0.1}, (2, 8, 16), mask=band, seed=8,
             category="sliding-window mask"),
        case("one-token", False, ["single-token", "multi-head"],
             {"d_model": 8, "n_heads": 2, "d_ff": 16, "dropout": 0.1}, (3, 1, 8), seed=9, category="single token"),
        case("one-token-masked", False, ["single-token", "causal-mask"],
             {"d_model": 8, "n_heads": 2, "d_ff": 16, "dropout": 0.1}, (2, 1, 8), mask=_causal(1), seed=10,
             category="single token"),
        case("mask-none-explicit", False, ["multi-head", "pre-norm"],
             {"d_model": 12, "n_heads": 3, "d_ff": 48, "dropout": 0.1}, (2, 6, 12), mask=None, seed=11,
             category="no mask"),
        case("large-offset", False, ["large-offset", "pre-norm", "parameter-gradients"],
             {"d_model": 16, "n_heads": 2, "d_ff": 32, "dropout": 0.1}, (2, 6, 16), seed=12, offset=100.0,
             category="inputs with a large common offset"),
        case("large-offset-causal", False, ["large-offset", "causal-mask", "parameter-gradients"],
             {"d_model": 32, "n_heads": 4, "d_ff": 64, "dropout": 0.1}, (2, 10, 32), mask=_causal(10), seed=17,
             offset=-100.0, category="inputs with a large common offset"),
        case("heavy-dropout-eval", False, ["eval-no-dropout", "multi-head"],
             {"d_model": 8, "n_heads": 2, "d_ff": 16, "dropout": 0.5}, (2, 5, 8), mask=_causal(5), seed=13,
             category="dropout in eval mode"),
        case("no-dropout-train", False, ["dropout-zero", "multi-head", "parameter-gradients"],
             {"d_model": 8, "n_heads": 2, "d_ff": 16, "dropout": 0.0}, (2, 5, 8), seed=14, train=True,
             category="training mode without dropout"),
        case("default-dropout", False, ["eval-no-dropout", "causal-mask"],
             {"d_model": 8, "n_heads": 2, "d_ff": 16}, (1, 4, 8), mask=_causal(4), seed=15,
             category="constructor defaults"),
        # Timing: a loop over heads is fine; a Python loop over tokens (B * L * H small steps) is several times
        # over the limit.
        case("large", False, ["causal-mask", "multi-head", "independent-sequences", "parameter-gradients"],
             {"d_model": 128, "n_heads": 8, "d_ff": 512, "dropout": 0.1}, (4, 256, 128), mask=_causal(256),
             seed=16, category="large input"),
    ]
