"""Creates the four roles as Django groups, with the permissions each needs."""
from django.db import migrations

ROLES = {
    "solver": [],
    "author": [("problemset", "problem", "view_problem"), ("problemset", "problemversion", "view_problemversion")],
    "instructor": [("submissions", "submission", "view_all_submissions"),
                   ("submissions", "submission", "view_submission"), ("problemset", "problem", "view_problem")],
    "staff": [("submissions", "submission", "view_all_submissions"), ("submissions", "submission", "view_submission"),
              ("problemset", "problem", "view_problem"), ("problemset", "problem", "change_problem"),
              ("problemset", "problemversion", "view_problemversion")],
}
CUSTOM = {"view_all_submissions": "Can view everyone's submissions and code"}


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for role, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, model, codename in perms:
            # Permissions are normally created after all migrations (post_migrate): make them here.
            ct, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            verb = codename.split("_", 1)[0]
            perm, _ = Permission.objects.get_or_create(
                content_type=ct, codename=codename,
                defaults={"name": CUSTOM.get(codename, f"Can {verb} {model.replace('version', ' version')}")})
            group.permissions.add(perm)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("problemset", "0001_initial"),
        ("submissions", "0001_initial"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
