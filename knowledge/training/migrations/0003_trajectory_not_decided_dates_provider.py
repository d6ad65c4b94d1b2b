"""A trajectory step gets "not decided yet" as its approach by default, planned and done dates, and a provider.

The old edit form offered every step nobody had recorded as "done by ourselves, not started", so its first save
stored eleven rows of "ourselves" that nobody chose. Such a row is recognisable: approach "ourselves", status "not
started", no note (and no dates, which did not exist). Those untouched defaults become "not decided yet"; a row
with a note or any progress was looked at and keeps its approach. A coordinator who really chose "ourselves" for a
step not started without writing a note loses that choice once; telling the two apart is impossible, and counting
undecided steps as "ourselves" is what made the chart untrue.

Going back turns "not decided yet" into "ourselves" again, the only default the previous release knows.
"""

from django.db import migrations, models

UNTOUCHED_DEFAULT = {"approach": "ourselves", "status": "not_started", "note": ""}


def untouched_defaults_to_not_decided(apps, schema_editor):
    steps = apps.get_model("training", "TrajectoryStepStatus").objects
    steps.filter(**UNTOUCHED_DEFAULT, planned_on=None, done_on=None).update(approach="not_decided")


def not_decided_to_ourselves(apps, schema_editor):
    apps.get_model("training", "TrajectoryStepStatus").objects.filter(approach="not_decided").update(
        approach="ourselves"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0002_content_types"),
    ]

    operations = [
        migrations.AddField(
            model_name="trajectorystepstatus",
            name="done_on",
            field=models.DateField(blank=True, null=True, verbose_name="done on"),
        ),
        migrations.AddField(
            model_name="trajectorystepstatus",
            name="planned_on",
            field=models.DateField(blank=True, null=True, verbose_name="planned on"),
        ),
        migrations.AddField(
            model_name="trajectorystepstatus",
            name="provider",
            field=models.CharField(
                blank=True, help_text="Who carries out an outsourced step.", max_length=200, verbose_name="provider"
            ),
        ),
        migrations.AlterField(
            model_name="trajectorystepstatus",
            name="approach",
            field=models.CharField(
                choices=[
                    ("not_decided", "Not decided yet"),
                    ("ourselves", "Done by ourselves"),
                    ("outsourced", "Outsourced"),
                    ("not_planned", "Not planned"),
                ],
                default="not_decided",
                max_length=16,
                verbose_name="approach",
            ),
        ),
        migrations.RunPython(untouched_defaults_to_not_decided, not_decided_to_ourselves),
    ]
