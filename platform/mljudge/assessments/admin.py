from django.contrib import admin

from .models import Assignment, AssignmentProblem, Extension, MockSession


class ItemInline(admin.TabularInline):
    model = AssignmentProblem
    raw_id_fields = ["problem"]
    extra = 0


class ExtensionInline(admin.TabularInline):
    model = Extension
    raw_id_fields = ["user", "granted_by"]
    extra = 0


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["title", "cohort", "opens_at", "due_at", "late_policy", "counting", "published_at"]
    raw_id_fields = ["cohort", "created_by"]
    inlines = [ItemInline, ExtensionInline]


@admin.register(MockSession)
class MockSessionAdmin(admin.ModelAdmin):
    list_display = ["id", "user", "minutes", "source", "started_at", "ends_at", "ended_at"]
    raw_id_fields = ["user"]
