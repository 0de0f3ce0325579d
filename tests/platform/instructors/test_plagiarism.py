"""Pairwise similarity within a cohort: winnowing over normalised tokens, the starter code excluded.
A lightly renamed copy is flagged; two independently written correct k-means are not."""
import re

import pytest
from django.urls import reverse

from mljudge.review import plagiarism

from ..conftest import PROBLEMS, ROOT

REFERENCE = (PROBLEMS / "kmeans" / "reference.py").read_text()
INDEPENDENT = (ROOT / "tests" / "candidates" / "kmeans.py").read_text()
STARTER = (PROBLEMS / "kmeans" / "starter.py").read_text()


def renamed_copy(source: str) -> str:
    """What a student hides a copy with: new names, new comments, different spacing and blank lines."""
    for old, new in {"centroids": "ctr", "labels": "assignment", "X": "data", "k": "n_clusters",
                     "counts": "sizes", "sums": "totals", "new_labels": "fresh"}.items():
        source = re.sub(rf"\b{old}\b", new, source)
    source = re.sub(r"#[^\n]*", "# my own idea", source)
    return source.replace("    ", "  ").replace(" = ", "=").replace("\n\n", "\n\n\n")


def fp(source):
    return plagiarism.fingerprint(source, exclude=plagiarism.starter_exclusion(STARTER))


def test_it_flags_a_lightly_renamed_copy():
    copy = renamed_copy(REFERENCE)
    assert copy != REFERENCE and "ctr" in copy
    sim = plagiarism.similarity(fp(REFERENCE), fp(copy))
    assert sim.flagged and sim.containment > 0.9, sim


def test_it_does_not_flag_two_independent_correct_solutions():
    sim = plagiarism.similarity(fp(REFERENCE), fp(INDEPENDENT))
    assert not sim.flagged and sim.containment < 0.35, sim


def test_it_does_not_count_the_starter_code_as_a_match():
    # Two submissions that are the starter plus different one-line bodies share nothing once it is excluded.
    a = STARTER.replace("raise NotImplementedError", "return np.zeros(3), np.zeros(3)")
    b = STARTER.replace("raise NotImplementedError", "return [], []")
    assert plagiarism.similarity(fp(a), fp(b)).shared == 0
    raw = plagiarism.similarity(plagiarism.fingerprint(a), plagiarism.fingerprint(b))
    assert raw.shared > 0  # ...which is what the exclusion removed


def test_it_tolerates_code_that_does_not_tokenize():
    # A fragment that breaks off after four tokens has no k-gram: nothing is shared, nothing flagged, no error.
    broken = plagiarism.similarity(fp("def f(:\n  '''unterminated"), fp(REFERENCE))
    assert (broken.shared, broken.containment, broken.flagged) == (0, 0.0, False)
    # The tokens read before the error count: a copy that ends in code that does not tokenize is still caught.
    copy = plagiarism.similarity(fp(REFERENCE + "\ndef g(:\n  '''unterminated\n"), fp(REFERENCE))
    assert copy.flagged and copy.containment == 1.0, copy


@pytest.mark.django_db
def test_it_ranks_suspicious_pairs_in_a_cohort_and_shows_them_side_by_side(client, make_instructor, make_user,
                                                                           make_cohort, make_problem,
                                                                           graded_submission):
    from mljudge.problemset.models import Problem

    problem = make_problem("kmeans")
    Problem.objects.filter(id=problem.id).update(starter=STARTER)
    ada = make_instructor("ada")
    ann, bob, cyd = make_user("ann"), make_user("bob"), make_user("cyd")
    cohort = make_cohort(ada, "A", [ann, bob, cyd])
    original = graded_submission(ann, problem, source=REFERENCE)
    copied = graded_submission(bob, problem, source=renamed_copy(REFERENCE))
    graded_submission(cyd, problem, source=INDEPENDENT)
    client.force_login(ada)
    response = client.get(reverse("review:plagiarism", args=[cohort.id]), {"problem": "kmeans"})
    pairs = response.context["pairs"]
    assert {pairs[0].a.id, pairs[0].b.id} == {original.id, copied.id} and pairs[0].similarity.flagged
    assert [p.similarity.flagged for p in pairs[1:]] == [False] * (len(pairs) - 1)
    html = client.get(reverse("review:pair", args=[cohort.id, original.id, copied.id])).content.decode()
    assert html.count('class="match"') > 10 and "suspicious" in html
