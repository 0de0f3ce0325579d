from .logs import bind_submission, unbind_submission


class SubmissionLogContextMiddleware:
    """Binds the submission a request is about (a `submission_id` in its URL, or the one a submit creates:
    submissions.services binds it) to its log records, and unbinds at the end (gunicorn threads are reused)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = bind_submission(None)
        try:
            return self.get_response(request)
        finally:
            unbind_submission(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        submission_id = view_kwargs.get("submission_id")
        if isinstance(submission_id, int):
            bind_submission(submission_id)
        return None
