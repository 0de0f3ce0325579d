"""The torch runtime: problem.toml's runtime and the module/autograd kinds, the procedures of the contract
(grader/torchrun.py) and the trusted side's checks (grader/torchcheck.py). Run in the local sandbox's torch
runtime (the host venv has torch: the `torch` extra); the real Docker runner is exercised by `grader check`
(test_problem_bank.py) and the adversarial suite."""
import shutil
import textwrap

import pytest

from grader import Kind, ProblemError, Runtime, Verdict, grade, load_problem, make_sandbox
from grader.sandbox import default_limits

from ..conftest import PROBLEMS, ROOT

MHA = PROBLEMS / "torch-multi-head-attention"
ATTENTION = PROBLEMS / "torch-self-attention"
LINEAR = ROOT / "tests/grader/fixtures/torch-linear-function"
VECTOR_NORM = ROOT / "tests/grader/fixtures/vector-norm"


@pytest.fixture(scope="module")
def torch_sandbox():
    return make_sandbox("local", runtime="torch")


def graded(folder, source: str, sandbox, **kwargs):
    return grade(load_problem(folder), textwrap.dedent(source), sandbox=sandbox, reveal_hidden=True, **kwargs)


def public_message(report) -> str:
    return next(t.message for t in report.tests if t.visibility == "public" and not t.passed)


MHA_BODY = """
import math
import torch
import torch.nn.functional as F
from torch import nn


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, n_heads):
        super().__init__()
        self.h, self.d_k = n_heads, d_model // n_heads
        self.q_proj, self.k_proj = nn.Linear(d_model, d_model), nn.Linear(d_model, {k_out})
        self.v_proj, self.out_proj = nn.Linear(d_model, d_model), nn.Linear(d_model, d_model)

    def forward(self, x, mask=None):
        b, n, d = x.shape
        q, k, v = (p(x).view(b, n, self.h, self.d_k).transpose(1, 2) for p in (self.q_proj, self.k_proj, self.v_proj))
        s = q @ k.transpose(-2, -1) / math.sqrt(self.d_k)
        if mask is not None:
            s = s.masked_fill(~mask, float("-inf"))
        h = (s.softmax(-1) @ v).transpose(1, 2).reshape(b, n, d)
        return {final}
"""
MHA_CORRECT = MHA_BODY.format(k_out="d_model", final="self.out_proj(h)")


# --- problem.toml ------------------------------------------------------------------------------------------

def test_it_reads_the_runtime_and_the_torch_kinds():
    mha, attention = load_problem(MHA), load_problem(ATTENTION)
    assert (mha.runtime, mha.kind, attention.runtime, attention.kind) == (
        Runtime.TORCH, Kind.MODULE, Runtime.TORCH, Kind.FUNCTION)
    assert load_problem(VECTOR_NORM).runtime is Runtime.NUMPY  # the default
    # A torch problem that sets no memory limit gets its runtime's (torch itself takes ~230 MB).
    assert mha.limits.memory_mb == default_limits("torch").memory_mb > default_limits("numpy").memory_mb


def test_it_names_what_is_wrong_with_a_torch_problem_toml(tmp_path):
    folder = tmp_path / "torch-multi-head-attention"
    shutil.copytree(MHA, folder)
    toml = (folder / "problem.toml").read_text()
    (folder / "problem.toml").write_text(toml.replace('runtime = "torch"', 'runtime = "jax"'))
    with pytest.raises(ProblemError) as info:
        load_problem(folder)
    assert "problem.toml: runtime: must be one of numpy, torch, got 'jax'" in info.value.errors
    assert 'problem.toml: kind: \'module\' problems need runtime = "torch"' in info.value.errors
    assert 'problem.toml: inputs.x.type: "tensor" needs runtime = "torch"' in info.value.errors


def test_a_module_case_needs_its_weights_and_upstream_gradient(tmp_path):
    folder = tmp_path / "torch-multi-head-attention"
    shutil.copytree(MHA, folder)
    cases = (folder / "cases.py").read_text()
    (folder / "cases.py").write_text(cases + textwrap.dedent("""
        _cases = cases
        def cases():
            out = _cases()
            del out[2]["upstream"], out[3]["state"]
            return out
    """))
    with pytest.raises(ProblemError) as info:
        load_problem(folder).cases()
    text = "\n".join(info.value.errors)
    assert "(one-head): upstream: required" in text and "(four-heads): state: required" in text


def test_a_sandbox_of_another_runtime_is_refused_not_blamed_on_the_submission(local_sandbox):
    with pytest.raises(ValueError, match="a numpy sandbox cannot run a torch problem"):
        grade(load_problem(MHA), MHA_CORRECT, sandbox=local_sandbox)


def test_the_numpy_runtime_never_imports_torch(local_sandbox):
    source = ("import sys\nimport numpy as np\n"
              "def row_norms(x):\n"
              "    assert 'torch' not in sys.modules\n"
              "    return np.sqrt((np.asarray(x, dtype=float) ** 2).sum(axis=1))\n")
    assert graded(VECTOR_NORM, source, local_sandbox).verdict is Verdict.ACCEPTED


# --- module problems ---------------------------------------------------------------------------------------

def test_a_correct_module_is_accepted(torch_sandbox):
    report = graded(MHA, MHA_CORRECT, torch_sandbox)
    assert report.verdict is Verdict.ACCEPTED and report.passed == report.total


def test_missing_and_unexpected_parameter_names_are_a_wrong_answer_that_names_them(torch_sandbox):
    source = MHA_CORRECT.replace("self.q_proj, self.k_proj =", "self.query, self.k_proj =").replace(
        "(self.q_proj, self.k_proj", "(self.query, self.k_proj")
    report = graded(MHA, source, torch_sandbox)
    assert report.verdict is Verdict.WRONG_ANSWER
    assert public_message(report).startswith(
        "parameter names differ: missing `q_proj.bias`, `q_proj.weight`; unexpected `query.bias`, `query.weight`")


def test_a_mis_shaped_parameter_is_named_with_both_shapes(torch_sandbox):
    report = graded(MHA, MHA_BODY.format(k_out="d_model // 2", final="self.out_proj(h)"), torch_sandbox)
    assert report.verdict is Verdict.WRONG_ANSWER
    assert public_message(report).startswith("parameter `k_proj.weight` has shape (2, 4); expected (4, 4)")


def test_a_parameter_the_backward_pass_never_reaches_is_named(torch_sandbox):
    # The output is right; only the gradients show that out_proj.weight was detached.
    final = "F.linear(h, self.out_proj.weight.detach(), self.out_proj.bias)"
    report = graded(MHA, MHA_BODY.format(k_out="d_model", final=final), torch_sandbox)
    assert report.verdict is Verdict.WRONG_ANSWER
    assert public_message(report) == ("no gradient reached parameter `out_proj.weight` "
                                      "(not used in forward, or detached)")


def test_a_wrong_gradient_with_the_right_output_is_a_wrong_answer(torch_sandbox):
    # Gradient of out_proj.bias scaled by 2 through a custom hook: the forward is unchanged.
    final = "(self.out_proj.bias.register_hook(lambda g: 2 * g), self.out_proj(h))[1]"
    report = graded(MHA, MHA_BODY.format(k_out="d_model", final=final), torch_sandbox)
    assert report.verdict is Verdict.WRONG_ANSWER
    assert public_message(report).startswith("gradient of `out_proj.bias`")


def test_a_module_that_is_not_an_nn_module_is_a_compile_error(torch_sandbox):
    report = graded(MHA, "def MultiHeadAttention(d_model, n_heads):\n    return None\n", torch_sandbox)
    assert report.verdict is Verdict.COMPILE_ERROR
    assert "does not define a torch.nn.Module subclass named `MultiHeadAttention`" in report.message


# --- autograd problems -------------------------------------------------------------------------------------

LINEAR_BODY = """
import torch


class LinearFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, W, b):
        ctx.save_for_backward(x, W)
        return {forward}

    @staticmethod
    def backward(ctx, g):
        x, W = ctx.saved_tensors
        return g @ W, g.T @ x, {grad_b}
"""


def test_a_correct_autograd_function_passes_the_gradient_check(torch_sandbox):
    report = graded(LINEAR, LINEAR_BODY.format(forward="x @ W.T + b", grad_b="g.sum(0)"), torch_sandbox)
    assert report.verdict is Verdict.ACCEPTED


def test_the_gradient_check_catches_a_backward_that_disagrees_with_its_own_forward(torch_sandbox):
    # The forward doubles b, the backward does not: it matches neither the reference nor itself, and the
    # message says the latter (the more useful one).
    report = graded(LINEAR, LINEAR_BODY.format(forward="x @ W.T + 2 * b", grad_b="g.sum(0)"), torch_sandbox)
    assert report.verdict is Verdict.WRONG_ANSWER
    assert public_message(report).startswith(
        "gradient check: the backward disagrees with the forward for argument 3")


def test_a_forgotten_bias_gradient_is_named(torch_sandbox):
    report = graded(LINEAR, LINEAR_BODY.format(forward="x @ W.T + b", grad_b="None"), torch_sandbox)
    assert report.verdict is Verdict.WRONG_ANSWER
    assert public_message(report) == "no gradient for argument 3 (backward returned None for it)"


# --- what crosses back -------------------------------------------------------------------------------------

def test_tensors_come_back_as_arrays_and_a_tensor_subclass_never_does(torch_sandbox):
    correct = (ATTENTION / "reference.py").read_text()
    assert graded(ATTENTION, correct, torch_sandbox).verdict is Verdict.ACCEPTED
    subclass = correct + textwrap.dedent("""
        class Sneaky(torch.Tensor):
            pass
        _attention = attention
        def attention(q, k, v, mask=None):
            out, w = _attention(q, k, v, mask)
            return out.as_subclass(Sneaky), w
    """)
    report = graded(ATTENTION, subclass, torch_sandbox)
    assert report.verdict is Verdict.WRONG_ANSWER and report.passed == 0
    assert "returned a tensor subclass (solution.Sneaky)" in public_message(report)


def test_each_case_gets_fresh_tensors_and_the_same_seed(torch_sandbox):
    # Every case gets plain torch.Tensor arguments, one thread, and starts from torch.manual_seed(0): the
    # random draw is the same in each (a submission's randomness cannot drift between cases).
    source = (ATTENTION / "reference.py").read_text() + textwrap.dedent("""
        DRAWS = []
        _attention = attention
        def attention(q, k, v, mask=None):
            DRAWS.append(float(torch.rand(())))
            assert len(set(DRAWS)) == 1 and type(q) is torch.Tensor and torch.get_num_threads() == 1
            return _attention(q, k, v, mask)
    """)
    assert graded(ATTENTION, source, torch_sandbox).verdict is Verdict.ACCEPTED
