"""The person a member action concerned becomes a reference (`subject`) instead of a name in `target_label`.

Before, a warning or suspension stored "Name (Group)" as its label, and the append-only trigger made that name
impossible to erase when the person deleted their account. Now the label says only the group, the person is the
`subject` foreign key (SET NULL on account deletion), and the log renders their current name or "former member".

The trigger allows exactly one more change than migration 0002 did: `subject_id` → NULL (what SET NULL does).
Every other column, `target_label` included, stays immutable.

Existing member entries are converted once, with the trigger switched off inside this migration's transaction
(ALTER TABLE holds an exclusive lock until the commit, so no other session ever sees the table unguarded): the
person is found through the membership, or by the name or address in the old label; the label keeps the group only.
Someone who can no longer be found is shown as "former member".
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import Concat, Trim

TRIGGER = "forum_moderation_audit_append_only"
TABLE = "forum_moderation_auditentry"

FORWARDS = """
CREATE OR REPLACE FUNCTION forum_moderation_audit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
       AND (NEW.subject_id IS NULL OR NEW.subject_id = OLD.subject_id)
       AND (NEW.group_id IS NULL OR NEW.group_id = OLD.group_id)
       AND (NEW.actor_name = OLD.actor_name OR (NEW.actor_id IS NULL AND NEW.actor_name = ''))
       AND (to_jsonb(NEW) - 'actor_id' - 'actor_name' - 'group_id' - 'subject_id')
           = (to_jsonb(OLD) - 'actor_id' - 'actor_name' - 'group_id' - 'subject_id')
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'forum_moderation_auditentry is append-only (% refused)', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""

# The function as migration 0002 created it, for going back.
BACKWARDS = """
CREATE OR REPLACE FUNCTION forum_moderation_audit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
       AND (NEW.group_id IS NULL OR NEW.group_id = OLD.group_id)
       AND (NEW.actor_name = OLD.actor_name OR (NEW.actor_id IS NULL AND NEW.actor_name = ''))
       AND (to_jsonb(NEW) - 'actor_id' - 'actor_name' - 'group_id')
           = (to_jsonb(OLD) - 'actor_id' - 'actor_name' - 'group_id')
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'forum_moderation_auditentry is append-only (% refused)', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""


def run(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        # A plain cursor: the function body contains "%" (RAISE's placeholder), which parameter binding would eat.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(sql)

    return operation


def _person_in_label(User, label: str, group_name: str):
    suffix = f" ({group_name})"
    shown = label[: -len(suffix)] if group_name and label.endswith(suffix) else ""
    if not shown:
        return None
    by_email = list(User.objects.filter(email__iexact=shown).values_list("pk", flat=True)[:2])
    if len(by_email) == 1:
        return by_email[0]
    by_name = list(
        User.objects.annotate(shown=Trim(Concat("first_name", Value(" "), "last_name")))
        .filter(shown=shown)
        .values_list("pk", flat=True)[:2]
    )
    return by_name[0] if len(by_name) == 1 else None


def names_to_references(apps, schema_editor):
    AuditEntry = apps.get_model("forum_moderation", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupMembership = apps.get_model("forum", "GroupMembership")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    membership_type = ContentType.objects.filter(app_label="forum", model="groupmembership").first()
    if membership_type is None:
        return
    entries = list(AuditEntry.objects.filter(target_type=membership_type, subject__isnull=True))
    if not entries:
        return
    owners = dict(GroupMembership.objects.filter(pk__in={e.target_id for e in entries}).values_list("pk", "user_id"))
    postgres = schema_editor.connection.vendor == "postgresql"
    if postgres:
        schema_editor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER {TRIGGER}")
    for entry in entries:
        subject = owners.get(entry.target_id) or _person_in_label(User, entry.target_label, entry.group_name)
        AuditEntry.objects.filter(pk=entry.pk).update(subject_id=subject, target_label=entry.group_name)
    if postgres:
        # Checks queued by the updates run now: a table with pending trigger events cannot be altered.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER {TRIGGER}")


class Migration(migrations.Migration):
    dependencies = [
        ("forum_moderation", "0002_audit_append_only_trigger"),
        ("forum", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="subject",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="person concerned",
            ),
        ),
        # Names that were stored cannot come back: going back leaves the labels as they are.
        migrations.RunPython(names_to_references, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(run(FORWARDS), run(BACKWARDS), elidable=False),
    ]
