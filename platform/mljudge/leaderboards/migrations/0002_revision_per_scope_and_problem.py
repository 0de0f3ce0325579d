# Revisions per scope and per problem (issue 11): the one global "standings" row is no longer read.

from django.db import migrations, models


def drop_global_row(apps, schema_editor):
    apps.get_model("leaderboards", "Revision").objects.filter(name="standings").delete()


class Migration(migrations.Migration):

    dependencies = [
        ('leaderboards', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='revision',
            name='name',
            field=models.CharField(max_length=100, primary_key=True, serialize=False),
        ),
        # Going back, the old code creates its row again at the first grade.
        migrations.RunPython(drop_global_row, migrations.RunPython.noop),
    ]
