from django.contrib import admin

from mljudge.core.admin import ReadOnlyAdmin

from .models import ScoreOverride


@admin.register(ScoreOverride)
class ScoreOverrideAdmin(ReadOnlyAdmin):
    """The audit trail: readable, never edited here."""

    list_display = ["submission", "by", "previous", "score", "created_at"]
    readonly_fields = ["submission", "by", "previous", "score", "reason", "created_at"]
