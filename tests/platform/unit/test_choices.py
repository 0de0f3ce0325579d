"""The platform's Kind, Difficulty and Verdict choices are the grader's enums (one definition each): same
members, same values, in the same order, labelled as the pages show them; a member added in the grader is a
choice here at once, and a missing migration for it fails makemigrations --check."""
from __future__ import annotations

import enum
from io import StringIO

import pytest
from django.core.management import call_command
from mljudge.core.choices import text_choices
from mljudge.problemset.models import Difficulty, Kind
from mljudge.submissions.models import Verdict

import grader
import grader.problem


@pytest.mark.parametrize(("platform", "source"), [(Kind, grader.problem.Kind),
                                                   (Difficulty, grader.problem.Difficulty),
                                                   (Verdict, grader.Verdict)])
def test_it_has_exactly_the_graders_members(platform, source):
    assert [(m.name, m.value) for m in platform] == [(m.name, m.value) for m in source]
    assert all(platform(m) == m for m in source)


def test_it_labels_them_as_the_pages_show_them():
    assert Verdict.WRONG_ANSWER.label == "Wrong Answer"
    assert Verdict.TIME_LIMIT_EXCEEDED.label == "Time Limit Exceeded"
    assert (Kind.SCORED.label, Difficulty.MEDIUM.label) == ("Scored", "Medium")


def test_it_follows_a_member_added_in_the_grader():
    class Outcome(enum.StrEnum):
        FINE = "fine"
        OUT_OF_TIME = "out_of_time"

    choices = text_choices(Outcome, module=__name__, labels={Outcome.FINE: "All good"})
    assert choices.choices == [("fine", "All good"), ("out_of_time", "Out Of Time")]
    assert choices.OUT_OF_TIME == Outcome.OUT_OF_TIME


@pytest.mark.django_db
def test_it_has_a_migration_for_every_choice():
    call_command("makemigrations", "problemset", "submissions", check=True, dry_run=True, stdout=StringIO())


def test_it_gives_templates_the_enums_labels():
    from mljudge.core.templatetags.mljudge import verdict_class, verdict_label

    assert [verdict_label(v) for v in Verdict] == [v.label for v in Verdict]
    assert verdict_label("") == "" and verdict_label("not-a-verdict") == "not-a-verdict"
    assert (verdict_class(Verdict.ACCEPTED), verdict_class(Verdict.WRONG_ANSWER)) == ("ok", "bad")
