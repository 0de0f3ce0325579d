"""grading.reports: the columns a report sets, and the private score kept in a column of its own."""
import importlib

import grader
import pytest
from django.apps import apps
from mljudge.grading.reports import report_fields, solver_view
from mljudge.submissions.models import Status, Submission, Verdict

pytestmark = pytest.mark.django_db


def scored_report(**kw) -> grader.Report:
    return grader.Report(problem="toy", problem_version=1, verdict=grader.Verdict.ACCEPTED, score=0.61,
                         private_score=0.58, passed=1, total=1, time_s=0.25, **kw)


def test_it_copies_a_reports_columns_including_the_private_score():
    fields = report_fields(scored_report())
    assert (fields["verdict"], fields["score"], fields["private_score"], fields["time_s"]) == \
        (Verdict.ACCEPTED, 0.61, 0.58, 0.25)
    assert grader.Report.from_dict(fields["report"]) == scored_report()


def test_it_fills_the_private_score_column_from_reports_stored_before_it(make_user, make_problem, make_submission):
    migration = importlib.import_module("mljudge.submissions.migrations.0007_submission_private_score")
    user, problem = make_user(), make_problem("scored-one", kind="scored")
    old = make_submission(user, problem, status=Status.GRADED, report=scored_report().to_dict())
    unscored = make_submission(user, problem, status=Status.GRADED, report={**scored_report().to_dict(),
                                                                           "private_score": None})
    design = make_submission(user, problem, status=Status.GRADED, report=None)
    migration.private_score_from_reports(apps, None)
    assert dict(Submission.objects.values_list("id", "private_score")) == {old.id: 0.58, unscored.id: None,
                                                                           design.id: None}


def test_it_shows_the_solver_a_coarse_total_when_no_report_is_stored(make_user, make_problem, make_submission):
    submission = make_submission(make_user(), make_problem(), status=Status.GRADED, time_s=0.1234, report=None)
    view = solver_view(submission=submission)
    assert (view.report, view.tests, view.total_time_s) == (None, [], 0.1)
