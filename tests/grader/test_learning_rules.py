"""`grader check`'s rules for the texts a problem has for people (hints.md, learn.md, editorial.md), hidden-case
categories, and the bank's standard of hidden cases and wrong solutions (grader/validate.py)."""
import shutil

import pytest

from grader import load_problem
from grader.learning import parse_hints
from grader.problem import ProblemError
from grader.validate import (LEARN_HEADINGS, MAX_HINTS, MIN_HIDDEN_CASES, MIN_WRONG_SOLUTIONS, check_problem,
                             learning_errors, standard_errors)

from ..conftest import ROOT
from .conftest import HINTS_TEXT, to_bank_standard, write_learning_texts


@pytest.fixture
def bank(folder):
    return to_bank_standard(folder)


@pytest.fixture
def design(tmp_path):
    target = tmp_path / "tiny-design"
    shutil.copytree(ROOT / "tests/grader/fixtures/tiny-design", target)
    return target


def test_hints_are_split_on_level_two_headings():
    hints, errors = parse_hints("\n" + HINTS_TEXT + "## Third\n\nUse `$\\sqrt{}$`.\n### not a hint\nstill third\n")
    assert [h.title for h in hints] == ["Which norm?", "Along which axis?", "Third"]
    assert hints[1].body == "One norm per row: reduce over the columns, $axis=1$."
    assert hints[2].body.endswith("### not a hint\nstill third") and not errors


def test_text_before_the_first_hint_and_an_empty_hint_are_errors():
    hints, errors = parse_hints("Intro\n## One\n\n## Two\nbody\n")
    assert errors == ["line 1: text before the first `## ` heading", "hint 1 ('One'): empty body"]


def test_the_problem_carries_its_hints_learn_text_and_editorial(bank):
    problem = load_problem(bank)
    assert [h.title for h in problem.learning.hints] == ["Which norm?", "Along which axis?"]
    assert problem.learning.learn.startswith("## The idea") and "## Approach" in problem.learning.editorial


def test_a_folder_without_them_still_loads_but_does_not_pass_the_check(folder):
    problem = load_problem(folder)
    assert problem.learning.hints == () and problem.learning.editorial == ""
    assert learning_errors(problem) == ["hints.md: missing", "learn.md: missing", "editorial.md: missing"]


def test_the_bank_standard_fixture_passes(bank, local_sandbox):
    check = check_problem(bank, local_sandbox)
    assert check.ok, check.errors + [r for r in check.rows if not r.ok]


@pytest.mark.parametrize("text, count", [("## Only one\n\nbody\n", 1),
                                         ("".join(f"## H{i}\n\nbody\n" for i in range(MAX_HINTS + 1)), 5)])
def test_it_wants_two_to_four_hints(bank, local_sandbox, text, count):
    (bank / "hints.md").write_text(text)
    errors = check_problem(bank, local_sandbox).errors
    assert f"vector-norm/hints.md: {count} hints; write 2 to 4, each under its own `## title` line" in errors


def test_learn_and_editorial_need_their_headings_in_order(bank):
    (bank / "learn.md").write_text((bank / "learn.md").read_text().replace("## The math", "## Math"))
    (bank / "editorial.md").write_text("No headings here.\n")
    errors = learning_errors(load_problem(bank))
    assert errors[0].startswith(f"learn.md: its `## ` headings must be exactly, in order: {', '.join(LEARN_HEADINGS)}")
    assert "(found: The idea, Math, Pitfalls)" in errors[0]
    assert errors[1].startswith("editorial.md: its `## ` headings") and errors[1].endswith("(found: none)")


def test_a_learn_text_has_a_bounded_length(bank):
    (bank / "learn.md").write_text("## The idea\n\nShort.\n\n## The math\n\n$x$\n\n## Pitfalls\n\nNone.\n")
    assert learning_errors(load_problem(bank)) == ["learn.md: 11 words; write 150 to 450"]


def test_a_file_that_is_not_utf8_is_named(bank):
    (bank / "editorial.md").write_bytes(b"## Approach\n\xff\n")
    assert "editorial.md: not UTF-8" in learning_errors(load_problem(bank))


def test_too_few_hidden_cases_categories_or_wrong_solutions_are_named(folder):
    write_learning_texts(folder)
    errors = standard_errors(load_problem(folder))
    assert errors == [
        f"cases.py: 3 hidden cases; function problems need at least {MIN_HIDDEN_CASES['function']}",
        'cases.py: hidden cases without a category (add "category": "<kind of case>"): hidden-ints, '
        "hidden-wide, hidden-secret-sentinel",
        "cases.py: 0 distinct hidden categories; at least 3",
        f"wrong/: 1 wrong solutions; at least {MIN_WRONG_SOLUTIONS}"]


def test_covered_edges_stand_in_for_a_missing_category(bank):
    cases = bank / "cases.py"
    cases.write_text(cases.read_text().replace('"category": "random inputs",', '"covers": [],')
                     .replace('named = ["integer dtype", "wide rows", "large values"]', 'named = ["a", "b", "c"]'))
    errors = standard_errors(load_problem(bank))
    assert errors[0].startswith("cases.py: hidden cases without a category") and "hidden-random-0" in errors[0]
    toml = bank / "problem.toml"
    toml.write_text(toml.read_text().replace("[inputs.x]", '[edges]\nmany-rows = "many rows"\n\n[inputs.x]'))
    cases.write_text(cases.read_text().replace('"covers": [],', '"covers": ["many-rows"],'))
    assert standard_errors(load_problem(bank)) == []


@pytest.mark.parametrize("category", ["Ties", "ties\n", "x" * 41, 3, " ties"])
def test_a_category_is_a_short_lowercase_phrase(bank, category):
    cases = bank / "cases.py"
    cases.write_text(cases.read_text().replace('"category": "random inputs"', f'"category": {category!r}'))
    with pytest.raises(ProblemError) as err:
        load_problem(bank).cases()
    assert any("hidden-random-0" in e and "category: must be a short lowercase phrase" in e
               for e in err.value.errors)


def test_a_design_problem_needs_the_texts_and_nothing_else(design, local_sandbox):
    assert check_problem(design, local_sandbox).errors == [
        "tiny-design/hints.md: missing", "tiny-design/learn.md: missing", "tiny-design/editorial.md: missing"]
    write_learning_texts(design)
    assert check_problem(design, local_sandbox).ok
