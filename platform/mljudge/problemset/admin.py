from django.contrib import admin

from .models import Problem, ProblemVersion, Topic


class ProblemVersionInline(admin.TabularInline):
    model = ProblemVersion
    extra = 0
    readonly_fields = ("number", "declared_version", "content_hash", "synced_at")
    can_delete = False


@admin.register(Problem)
class ProblemAdmin(admin.ModelAdmin):
    list_display = ("slug", "title", "kind", "difficulty", "current_version", "is_active", "updated_at")
    list_filter = ("kind", "difficulty", "is_active", "topics")
    search_fields = ("slug", "title")
    # Content comes from problems/<slug>/ via `manage.py sync_problems`; only visibility is edited here.
    readonly_fields = ("slug", "title", "kind", "difficulty", "statement_md", "statement_html", "starter",
                       "entry_point", "score_threshold", "score_min", "score_max", "current_version", "created_at",
                       "updated_at")
    exclude = ("topics",)
    inlines = [ProblemVersionInline]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    search_fields = ("slug",)
