"""The fixed list of training audiences (their labels are translated in code; only the keys are stored)."""

from django.db import migrations

AUDIENCES = ["mediators", "non_mediators", "policy", "legal", "objections", "managers"]


def forwards(apps, schema_editor):
    Audience = apps.get_model("knowledge", "Audience")
    for key in AUDIENCES:
        Audience.objects.get_or_create(key=key)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_training")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
