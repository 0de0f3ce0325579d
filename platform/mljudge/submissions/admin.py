from django.contrib import admin
from django.contrib.admin.utils import unquote

from mljudge.cohorts.models import AccessVia
from mljudge.cohorts.services import code_access_record

from .models import Submission


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "problem", "mode", "status", "verdict", "passed", "total", "attempts",
                    "created_at")
    list_filter = ("mode", "status", "verdict", "problem")
    search_fields = ("user__username", "problem__slug")
    raw_id_fields = ("user",)
    # The pipeline owns these (conditional UPDATEs); editing them here would race a worker.
    # score_override too: an override is set only through review.services (bounded, audited, recounted).
    readonly_fields = ("user", "problem", "problem_version", "mode", "status", "verdict", "source", "score",
                       "score_override", "passed", "total", "time_s", "report", "message", "progress", "attempts", "claimed_by",
                       "rejudge_claim", "created_at", "queued_at", "started_at", "finished_at")
    date_hierarchy = "created_at"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The change page shows the code and the full report: the owner sees this view in their access log."""
        submission = self.get_object(request, unquote(object_id))
        if submission is not None and self.has_view_or_change_permission(request, submission):
            code_access_record(viewer=request.user, submission=submission, via=AccessVia.ADMIN)
        return super().change_view(request, object_id, form_url, extra_context)
