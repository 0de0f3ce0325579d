from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """An audit trail in the admin: it can be read, never added to, changed or deleted from here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
