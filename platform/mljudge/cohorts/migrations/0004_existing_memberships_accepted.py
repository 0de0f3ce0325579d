"""Memberships made before invitations existed were instant additions that instructors already relied on:
they become accepted from the day they were made, with earlier work shared, so no access changes meaning
on upgrade. Members who never agreed can now see them on their "who can see my code" page and leave."""
from django.db import migrations
from django.db.models import F


def accept_existing(apps, schema_editor):
    Membership = apps.get_model("cohorts", "Membership")
    Membership.objects.filter(accepted_at__isnull=True).update(status="accepted", accepted_at=F("joined_at"),
                                                               share_past=True)


class Migration(migrations.Migration):
    dependencies = [("cohorts", "0003_consent")]
    # Going back drops the columns (0003), which is all there is to undo.
    operations = [migrations.RunPython(accept_existing, migrations.RunPython.noop)]
