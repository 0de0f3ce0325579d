"""Study plans as files (grader/plans.py) and the catalogue grouped by them (`grader catalogue --by-plan`)."""
import shutil

from grader.catalogue import catalogue
from grader.plans import load_plans

from ..conftest import ROOT

PLAN = 'slug = "{slug}"\ntitle = "T"\nposition = {pos}\nsummary = "S"\n' \
       '[[steps]]\nproblem = "vector-norm"\nwhy = "W"\n[[steps]]\nproblem = "not-yet"\nwhy = "W"\n'


def test_plans_load_in_position_order_and_bad_files_are_named(tmp_path):
    (tmp_path / "b.toml").write_text(PLAN.format(slug="b", pos=1))
    (tmp_path / "a.toml").write_text(PLAN.format(slug="a", pos=2).replace("vector-norm", "other"))
    (tmp_path / "c.toml").write_text(PLAN.format(slug="wrong-name", pos=3))
    (tmp_path / "d.toml").write_text(PLAN.format(slug="d", pos=4).replace('"not-yet"', '"vector-norm"'))
    plans, errors = load_plans(tmp_path)
    assert [p.slug for p in plans] == ["b", "a"]
    assert errors[0].startswith("c.toml: slug: 'wrong-name' must be lowercase-with-dashes and equal the file name")
    assert errors[1] == "d.toml: step 2: problem 'vector-norm' is listed twice"
    assert "b.toml: not-yet is also in plan a" in errors  # a problem belongs to one plan


def test_the_catalogue_by_plan_lists_steps_in_order_and_marks_missing_ones(tmp_path):
    shutil.copytree(ROOT / "tests/grader/fixtures/vector-norm", tmp_path / "problems" / "vector-norm")
    shutil.copytree(ROOT / "tests/grader/fixtures/tiny-design", tmp_path / "problems" / "tiny-design")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "b.toml").write_text(PLAN.format(slug="b", pos=1))
    text = catalogue(tmp_path / "problems", by_plan=True)
    assert text.index("| vector-norm | Row norms") < text.index("| not-yet | not in the bank yet")
    assert text.index("## Not in a plan") < text.index("| tiny-design |")
