from mljudge.problemset.models import Kind
from mljudge.submissions.models import Mode, Status, Verdict

# Templates compare with these ({% if submission.status == Status.GRADED %}), never with a spelled-out value.
# Django's choices are safe to name in a template: it reads them, it does not call them.
ENUMS = {"Kind": Kind, "Mode": Mode, "Status": Status, "Verdict": Verdict}


def enums(request) -> dict:
    return ENUMS
