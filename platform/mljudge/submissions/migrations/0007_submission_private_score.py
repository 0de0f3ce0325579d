from django.db import migrations, models
from django.db.models import FloatField
from django.db.models.fields.json import KT
from django.db.models.functions import Cast


def private_score_from_reports(apps, schema_editor):
    """Scored submissions graded before the column: copy the report's private_score (null stays null)."""
    Submission = apps.get_model("submissions", "Submission")
    (Submission.objects.filter(report__has_key="private_score")
     .update(private_score=Cast(KT("report__private_score"), FloatField())))


class Migration(migrations.Migration):

    dependencies = [
        ("submissions", "0006_submission_rejudge_claim"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="private_score",
            field=models.FloatField(blank=True, null=True),
        ),
        migrations.RunPython(private_score_from_reports, migrations.RunPython.noop, elidable=True),
    ]
