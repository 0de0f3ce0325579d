from django.contrib import admin

from .models import ScoreOverride


@admin.register(ScoreOverride)
class ScoreOverrideAdmin(admin.ModelAdmin):
    """The audit trail: readable, never edited here."""

    list_display = ["submission", "by", "previous", "score", "created_at"]
    readonly_fields = ["submission", "by", "previous", "score", "reason", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
