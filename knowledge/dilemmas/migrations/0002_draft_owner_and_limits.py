"""A kept draft belongs to the person whose step page issued the grant: one per worksheet step, purged by age.

Drafts stored before this were posted without saying who sent them and cannot be attributed; they live two days at
most, so they are dropped rather than guessed.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def drop_unattributed_drafts(apps, schema_editor):
    apps.get_model("dilemmas", "Draft").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("dilemmas", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(drop_unattributed_drafts, migrations.RunPython.noop, elidable=True),
        migrations.AddField(
            model_name="draft",
            name="user",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="draft",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, db_index=True),
        ),
        migrations.AddConstraint(
            model_name="draft",
            constraint=models.UniqueConstraint(
                fields=("user", "worksheet", "step"), name="dilemmas_one_draft_per_step"
            ),
        ),
    ]
