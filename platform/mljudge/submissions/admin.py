from django.contrib import admin

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
                       "created_at", "queued_at", "started_at", "finished_at")
    date_hierarchy = "created_at"
