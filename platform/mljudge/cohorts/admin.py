from django.contrib import admin

from .models import Cohort, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    raw_id_fields = ["user"]
    extra = 0


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "created_by", "created_at"]
    search_fields = ["name"]
    readonly_fields = ["invite_token"]
    raw_id_fields = ["created_by"]
    inlines = [MembershipInline]
