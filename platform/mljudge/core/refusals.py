"""Every refusal a user can meet, in one table (reason → HTTP status and message), and the one place a refusal
becomes a response (refusal_response).

A service raises `Refused(Reason.X, **fields)` (or an app's subclass of it); the message is REFUSALS[X].message
filled with the fields, the status REFUSALS[X].status. Nothing reads a message to decide anything. The browser
side depends on the statuses: main.js swaps 400, 403, 413 and 429 into the target an htmx request named,
editor.js shows a draft's 400/413 text; a test keeps STATUSES_SHOWN_IN_PLACE and main.js in step.

Statuses: malformed, empty or of the wrong kind 400 (a code submission to a design problem is a bad request,
not a conflict: no change of state will make it go through, so 409 would invite a retry); not allowed 403;
too large 413; quota, in flight or rate 429. The API adds: no or a bad token 401, no such object 404 (also for
another user's: ids are not confirmed to exist), a body that does not fit the schema 422."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from http import HTTPStatus

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

FRAGMENT = "core/_refused.html"
PAGES = {HTTPStatus.BAD_REQUEST: "400.html", HTTPStatus.FORBIDDEN: "403.html",
         HTTPStatus.REQUEST_ENTITY_TOO_LARGE: "413.html", HTTPStatus.TOO_MANY_REQUESTS: "429.html"}
STATUSES_SHOWN_IN_PLACE = frozenset(PAGES)  # main.js responseHandling swaps exactly these


class Reason(StrEnum):
    # Code (Run, Submit, editor drafts). The four SOURCE_* are grader.SourceProblem, one for one.
    NO_SOURCE = "no_source"
    SOURCE_TOO_LARGE = "source_too_large"
    SOURCE_NOT_UTF8 = "source_not_utf8"
    SOURCE_EMPTY = "source_empty"
    SOURCE_NUL = "source_nul"
    NOT_A_CODE_PROBLEM = "not_a_code_problem"
    UNKNOWN_MODE = "unknown_mode"
    # Design answers and their preview.
    NOT_A_DESIGN_PROBLEM = "not_a_design_problem"
    ANSWER_EMPTY = "answer_empty"
    ANSWER_NUL = "answer_nul"
    ANSWER_TOO_LONG = "answer_too_long"
    # Quotas of Run, Submit and answers (submissions.services).
    IN_FLIGHT = "in_flight"
    NOT_CANCELLABLE = "not_cancellable"   # a worker claimed it (or it is final) before the cancel arrived
    DAILY_LIMIT = "daily_limit"
    # Review: comments, overrides, rubric grading.
    COMMENT_EMPTY = "comment_empty"
    COMMENT_TOO_LONG = "comment_too_long"
    COMMENT_NUL = "comment_nul"
    OVERRIDE_UNEXPLAINED = "override_unexplained"
    OVERRIDE_REASON_TOO_LONG = "override_reason_too_long"
    OVERRIDE_REASON_NUL = "override_reason_nul"
    SCORE_NOT_A_NUMBER = "score_not_a_number"
    SCORE_OUT_OF_RANGE = "score_out_of_range"
    RUN_HAS_NO_SCORE = "run_has_no_score"
    NOT_A_DESIGN_ANSWER = "not_a_design_answer"
    NO_RUBRIC = "no_rubric"
    RUBRIC_INCOMPLETE = "rubric_incomplete"
    POINTS_NOT_NUMBERS = "points_not_numbers"
    POINTS_OUT_OF_RANGE = "points_out_of_range"
    NOT_GRADED_YET = "not_graded_yet"
    NOT_AWAITING_REVIEW = "not_awaiting_review"   # the answer moved on meanwhile (grading.states refused it)
    ANSWER_NOT_GRADED = "answer_not_graded"       # a published grade saved again on an answer not graded
    # Cohorts.
    COHORT_UNNAMED = "cohort_unnamed"
    ONLY_INSTRUCTOR = "only_instructor"
    # Assignments and mock interviews (assessments.services).
    ASSIGNMENT_UNTITLED = "assignment_untitled"
    ASSIGNMENT_NO_PROBLEMS = "assignment_no_problems"
    ASSIGNMENT_UNKNOWN_PROBLEM = "assignment_unknown_problem"
    ASSIGNMENT_TIMES = "assignment_times"
    ASSIGNMENT_RULES = "assignment_rules"
    EXTENSION_NOT_MEMBER = "extension_not_member"
    EXTENSION_TOO_EARLY = "extension_too_early"
    MOCK_RUNNING = "mock_running"
    MOCK_CHOICE = "mock_choice"
    MOCK_NOTHING_TO_DRAW = "mock_nothing_to_draw"
    # Site-wide (core.views, core.ratelimits).
    RATE_LIMITED = "rate_limited"
    FORM_TOO_LARGE = "form_too_large"
    FORM_MALFORMED = "form_malformed"     # a multipart body that breaks the format (core.rawforms)
    FORM_NOT_UTF8 = "form_not_utf8"       # a form field whose bytes are not UTF-8 (core.rawforms.form_utf8_error)
    BODY_INCOMPLETE = "body_incomplete"   # shorter than its Content-Length, or stalled (core.middleware)
    BAD_REQUEST = "bad_request"
    NOT_ALLOWED = "not_allowed"
    FORM_EXPIRED = "form_expired"
    # The API (mljudge.api): authentication, scopes, tokens, request shape.
    UNAUTHENTICATED = "unauthenticated"
    TOKEN_INVALID = "token_invalid"
    TOKEN_EXPIRED = "token_expired"
    SCOPE_MISSING = "scope_missing"
    NOT_FOUND = "not_found"
    INVALID_REQUEST = "invalid_request"
    TOKEN_NAME_EMPTY = "token_name_empty"
    TOKEN_NAME_TOO_LONG = "token_name_too_long"
    TOKEN_SCOPES_EMPTY = "token_scopes_empty"
    TOKEN_SCOPE_UNKNOWN = "token_scope_unknown"
    TOKEN_EXPIRY_INVALID = "token_expiry_invalid"
    TOKEN_LIMIT = "token_limit"
    # The instructor and author endpoints (issue 12): rubric by criterion name, one submission's rejudge.
    RUBRIC_UNKNOWN_CRITERION = "rubric_unknown_criterion"
    RUBRIC_COMMENT_NUL = "rubric_comment_nul"
    NOTHING_TO_REJUDGE = "nothing_to_rejudge"
    TEXT_NOT_UNICODE = "text_not_unicode"   # JSON can carry a lone surrogate, which no form can
    BODY_NOT_UTF8 = "body_not_utf8"         # a JSON body in another encoding (api.parser)
    WAIT_LIMIT = "wait_limit"
    SERVER_ERROR = "server_error"
    WEBHOOK_NEEDS_TOKEN = "webhook_needs_token"
    WEBHOOK_URL_INVALID = "webhook_url_invalid"
    WEBHOOK_URL_PRIVATE = "webhook_url_private"
    WEBHOOK_LIMIT = "webhook_limit"
    # Learning (hints, editorial).
    NO_MORE_HINTS = "no_more_hints"
    EDITORIAL_LOCKED = "editorial_locked"
    LOCKED_IN_MOCK = "locked_in_mock"


# Reasons met only through the API (/api/v1): its JSON errors carry them; no page shows them
# (tests/platform/api/test_refusals.py provokes each).
API_ONLY = frozenset({Reason.UNAUTHENTICATED, Reason.TOKEN_INVALID, Reason.TOKEN_EXPIRED, Reason.SCOPE_MISSING,
                      Reason.NOT_FOUND, Reason.INVALID_REQUEST, Reason.RUBRIC_UNKNOWN_CRITERION,
                      Reason.NOTHING_TO_REJUDGE, Reason.TEXT_NOT_UNICODE, Reason.BODY_NOT_UTF8,
                      Reason.WAIT_LIMIT, Reason.SERVER_ERROR,
                      Reason.WEBHOOK_NEEDS_TOKEN, Reason.WEBHOOK_URL_INVALID, Reason.WEBHOOK_URL_PRIVATE,
                      Reason.WEBHOOK_LIMIT})


@dataclass(frozen=True)
class Rule:
    status: HTTPStatus
    message: str      # str.format template; the raise supplies its fields
    title: str = ""   # the full page's heading, where the status's page shows one


_400, _403, _413, _429 = (HTTPStatus.BAD_REQUEST, HTTPStatus.FORBIDDEN, HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                          HTTPStatus.TOO_MANY_REQUESTS)
_401, _404, _422 = HTTPStatus.UNAUTHORIZED, HTTPStatus.NOT_FOUND, HTTPStatus.UNPROCESSABLE_ENTITY
# What is wrong with a source is worded by the grader (its CLI says the same); the platform says what was not
# done with it: "Your code was not submitted", "Your draft was not saved".
_SOURCE = "{not_done}: {detail}."

REFUSALS: dict[Reason, Rule] = {
    Reason.NO_SOURCE: Rule(_400, "No code was sent."),
    Reason.SOURCE_TOO_LARGE: Rule(_413, _SOURCE),
    Reason.SOURCE_NOT_UTF8: Rule(_400, _SOURCE),
    Reason.SOURCE_EMPTY: Rule(_400, _SOURCE),
    Reason.SOURCE_NUL: Rule(_400, _SOURCE),
    Reason.NOT_A_CODE_PROBLEM: Rule(_400, "This problem does not take code."),
    Reason.UNKNOWN_MODE: Rule(_400, "Unknown kind of submission."),
    Reason.NOT_A_DESIGN_PROBLEM: Rule(_400, "This problem takes code, not a written answer."),
    Reason.ANSWER_EMPTY: Rule(_400, "Your answer is empty."),
    Reason.ANSWER_NUL: Rule(_400, "Your answer contains a NUL character."),
    Reason.ANSWER_TOO_LONG: Rule(_413, "Your answer is {length:,} characters; the limit is {limit:,}."),
    Reason.IN_FLIGHT: Rule(_429, "You already have {in_flight} submissions being graded; wait for one to finish "
                                 "(at most {limit} at a time)."),
    # 400 like the rest of the page reasons: a claimed row is not cancelled later, whatever the client does.
    Reason.NOT_CANCELLABLE: Rule(_400, "Submission #{id} is already {status}: only a queued submission can be "
                                       "cancelled."),
    Reason.DAILY_LIMIT: Rule(_429, "You have reached the limit of {limit} runs and submissions in 24 hours. "
                                   "Please come back later."),
    Reason.COMMENT_EMPTY: Rule(_400, "The comment is empty."),
    Reason.COMMENT_TOO_LONG: Rule(_413, "A comment is at most {limit:,} characters of text."),
    Reason.COMMENT_NUL: Rule(_400, "A comment is at most {limit:,} characters of text."),  # a NUL is not text
    Reason.OVERRIDE_UNEXPLAINED: Rule(_400, "Say why the score is overridden."),
    Reason.OVERRIDE_REASON_TOO_LONG: Rule(_413, "The reason is at most {limit:,} characters of text."),
    Reason.OVERRIDE_REASON_NUL: Rule(_400, "The reason is at most {limit:,} characters of text."),
    Reason.SCORE_NOT_A_NUMBER: Rule(_400, "The score is not a number."),
    Reason.SCORE_OUT_OF_RANGE: Rule(_400, "The score must be {range}."),
    Reason.RUN_HAS_NO_SCORE: Rule(_400, "A run of the public examples has no score to override."),
    Reason.NOT_A_DESIGN_ANSWER: Rule(_400, "Only design answers are graded with a rubric."),
    Reason.NO_RUBRIC: Rule(_400, "This problem has no rubric."),
    Reason.RUBRIC_INCOMPLETE: Rule(_400, "Give points (and optionally a comment) for every criterion."),
    Reason.POINTS_NOT_NUMBERS: Rule(_400, "Points must be numbers."),
    Reason.POINTS_OUT_OF_RANGE: Rule(_400, "{criterion}: points must be between 0 and {points:g}."),
    Reason.NOT_GRADED_YET: Rule(_400, "Grade the answer before publishing."),
    Reason.NOT_AWAITING_REVIEW: Rule(_400, "This answer is not awaiting review."),
    Reason.ANSWER_NOT_GRADED: Rule(_400, "This answer is not graded; publish its grade instead."),
    Reason.COHORT_UNNAMED: Rule(_400, "A cohort needs a name."),
    Reason.ONLY_INSTRUCTOR: Rule(_403, "You are this cohort's only instructor: invite another instructor first."),
    Reason.ASSIGNMENT_UNTITLED: Rule(_400, "An assignment needs a title."),
    Reason.ASSIGNMENT_NO_PROBLEMS: Rule(_400, "Choose at least one problem (at most {limit})."),
    Reason.ASSIGNMENT_UNKNOWN_PROBLEM: Rule(_400, "No such problem: {slug}."),
    Reason.ASSIGNMENT_TIMES: Rule(_400, "Give an opening and a due time (YYYY-MM-DD HH:MM), the due time after "
                                        "the opening."),
    Reason.ASSIGNMENT_RULES: Rule(_400, "Points are whole numbers from 1 to {max_points}; a late penalty is 0 to "
                                        "100 percent per started day, with a cut-off of 1 to {max_days} days."),
    Reason.EXTENSION_NOT_MEMBER: Rule(_400, "{username} is not a member of this cohort."),
    Reason.EXTENSION_TOO_EARLY: Rule(_400, "An extension ends after the assignment's due time ({due} UTC)."),
    Reason.MOCK_RUNNING: Rule(_400, "You already have a mock interview running: end it first."),
    Reason.MOCK_CHOICE: Rule(_400, "Choose a length of {lengths} minutes and one or two coding problems."),
    Reason.MOCK_NOTHING_TO_DRAW: Rule(_400, "No problems match this choice: pick another difficulty or topic."),
    Reason.RATE_LIMITED: Rule(_429, "Too many {what}: try again in {wait}."),
    Reason.FORM_TOO_LARGE: Rule(_413, "This was not sent: it is larger than the {limit:,} bytes a form may hold "
                                      "on this site.", title="Too large"),
    Reason.FORM_MALFORMED: Rule(_400, "Nothing was stored: the form could not be read because {detail}.",
                                title="Bad request"),
    Reason.FORM_NOT_UTF8: Rule(_400, "Nothing was stored: the field \u201c{field}\u201d is not UTF-8 text (at byte "
                                     "{position}); send the form as UTF-8.", title="Bad request"),
    Reason.BODY_INCOMPLETE: Rule(_400, "Nothing was stored: the request ended before all of it arrived (the "
                                       "connection was cut or stalled). Try again.", title="Bad request"),
    Reason.BAD_REQUEST: Rule(_400, "The site could not understand what your browser sent. Reload the page and "
                                   "try again.", title="Bad request"),
    Reason.NOT_ALLOWED: Rule(_403, "You do not have access to this page. If you think you should, ask your "
                                   "instructor or an administrator.", title="Not allowed"),
    Reason.FORM_EXPIRED: Rule(_403, "This form could not be sent because it has expired (for example, you "
                                    "logged in or out in another tab). Reload the page and try again.",
                              title="Form expired"),
    Reason.UNAUTHENTICATED: Rule(_401, "Authentication required: send 'Authorization: Bearer <token>' (create a "
                                       "token on your API tokens page) or use a logged-in session."),
    Reason.TOKEN_INVALID: Rule(_401, "This token is not valid (mistyped, or revoked)."),
    Reason.TOKEN_EXPIRED: Rule(_401, "This token expired on {expired}; create a new one."),
    Reason.SCOPE_MISSING: Rule(_403, "This token lacks the '{scope}' scope; create a token with it."),
    Reason.NOT_FOUND: Rule(_404, "No such {what}."),
    Reason.INVALID_REQUEST: Rule(_422, "The request is not valid: {detail}"),
    Reason.TOKEN_NAME_EMPTY: Rule(_400, "Give the token a name (what it is for)."),
    Reason.TOKEN_NAME_TOO_LONG: Rule(_400, "A token's name is at most {limit} characters."),
    Reason.TOKEN_SCOPES_EMPTY: Rule(_400, "Choose at least one scope."),
    Reason.TOKEN_SCOPE_UNKNOWN: Rule(_400, "Unknown scope '{scope}'; the scopes are {known}."),
    Reason.TOKEN_EXPIRY_INVALID: Rule(_400, "Choose an expiry among the offered ones."),
    Reason.TOKEN_LIMIT: Rule(_400, "You have {count} active tokens, the most allowed; revoke one first."),
    Reason.RUBRIC_UNKNOWN_CRITERION: Rule(_400, "This problem's rubric has no criterion named '{name}'."),
    Reason.RUBRIC_COMMENT_NUL: Rule(_400, "{criterion}: a comment is text and cannot contain a NUL character."),
    # 409, not 400: a later change of the problem (a new version at sync) makes the same request go through.
    Reason.NOTHING_TO_REJUDGE: Rule(HTTPStatus.CONFLICT, "Only a graded submission (not a run or a design "
                                                         "answer) on an older version of its problem is "
                                                         "rejudged; this one is not."),
    Reason.TEXT_NOT_UNICODE: Rule(_400, "The request holds text that is not valid Unicode: a lone surrogate "
                                        "(such as \\ud800) in {field}."),
    Reason.BODY_NOT_UTF8: Rule(_400, "The request body is not valid UTF-8 (at byte {position}); send JSON as "
                                     "UTF-8."),
    Reason.WAIT_LIMIT: Rule(_429, "You already have {count} requests waiting for a verdict, the most at a time; "
                                  "wait on one submission at a time (or poll without ?wait=)."),
    Reason.SERVER_ERROR: Rule(HTTPStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side (it is logged); "
                                                                "try again later."),
    Reason.WEBHOOK_NEEDS_TOKEN: Rule(_400, "Webhooks belong to a personal access token: call this with "
                                           "'Authorization: Bearer <token>', not from a logged-in session."),
    Reason.WEBHOOK_URL_INVALID: Rule(_400, "The webhook URL is not usable: {detail}."),
    Reason.WEBHOOK_URL_PRIVATE: Rule(_400, "The webhook URL's host {host} is a {kind} address; webhooks are only "
                                           "sent to public addresses."),
    Reason.WEBHOOK_LIMIT: Rule(_400, "This token has {count} webhooks, the most allowed; delete one first."),
    Reason.NO_MORE_HINTS: Rule(_400, "Every hint of this problem is revealed ({total})."),
    Reason.EDITORIAL_LOCKED: Rule(_403, "The editorial opens once you solve this problem, or when you give up "
                                        "(which forfeits its leaderboard points)."),
    Reason.LOCKED_IN_MOCK: Rule(_400, "Hints and editorials are locked while your mock interview runs: end it "
                                      "first, or wait for its time to run out."),
}


class Refused(ValueError):
    """A request refused for `reason`; str() is the message to show (REFUSALS[reason] with `fields`)."""

    def __init__(self, reason: Reason, **fields):
        self.reason = Reason(reason)
        self.fields = fields
        super().__init__(REFUSALS[self.reason].message.format(**fields))

    @property
    def status(self) -> HTTPStatus:
        return REFUSALS[self.reason].status


def refusal_response(request: HttpRequest, refusal: Refused, *, back: str | None = None,
                     plain: bool = False) -> HttpResponse:
    """The response to a refused request, its status from REFUSALS: for htmx the fragment (shown in the target
    it named); `plain` a text/plain reason (the editor's fetch); with `back` (a URL) the message flashed on the
    page it redirects to; else the full page for the status."""
    rule = REFUSALS[refusal.reason]
    if plain:
        return HttpResponse(str(refusal), status=rule.status, content_type="text/plain")
    if getattr(request, "htmx", False):
        return render(request, FRAGMENT, {"text": str(refusal)}, status=rule.status)
    if back is not None:
        messages.error(request, str(refusal))
        return redirect(back)
    page = PAGES.get(rule.status, "404.html" if rule.status == HTTPStatus.NOT_FOUND else "403.html")
    return render(request, page, {"text": str(refusal), "title": rule.title}, status=rule.status)
