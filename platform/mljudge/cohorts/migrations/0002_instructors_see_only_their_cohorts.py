"""Instructors see their cohorts' members' submissions only (cohorts.selectors), not everyone's: the
instructor group loses submissions.view_all_submissions, which staff keep."""
from django.db import migrations


def narrow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="instructor").first()
    perm = Permission.objects.filter(codename="view_all_submissions", content_type__app_label="submissions").first()
    if group and perm:
        group.permissions.remove(perm)


def widen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="instructor").first()
    perm = Permission.objects.filter(codename="view_all_submissions", content_type__app_label="submissions").first()
    if group and perm:
        group.permissions.add(perm)


class Migration(migrations.Migration):
    dependencies = [("cohorts", "0001_initial"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(narrow, widen)]
