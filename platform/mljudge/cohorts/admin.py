from django.contrib import admin

from mljudge.core.admin import ReadOnlyAdmin

from .models import CodeAccess, Cohort, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    raw_id_fields = ["user"]
    # Consent is the user's to give: a row added here is a pending invitation until they accept it.
    readonly_fields = ["status", "invited_by", "accepted_at", "share_past"]
    extra = 0


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "created_by", "created_at"]
    search_fields = ["name"]
    readonly_fields = ["invite_token"]
    raw_id_fields = ["created_by"]
    inlines = [MembershipInline]


@admin.register(CodeAccess)
class CodeAccessAdmin(ReadOnlyAdmin):
    """The access log: readable, never edited (its owner relies on it being complete)."""

    list_display = ["at", "viewer", "owner", "submission", "via"]
    list_filter = ["via"]
    search_fields = ["viewer__username", "owner__username"]
    readonly_fields = ["at", "viewer", "owner", "submission", "via"]
