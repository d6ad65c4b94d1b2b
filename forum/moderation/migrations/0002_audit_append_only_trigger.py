"""The audit log is append-only in the database too (PostgreSQL; SQLite relies on the model's guard).

UPDATE and DELETE raise, with one exception an account or group deletion needs: an update that only forgets the
actor (actor_id → NULL, optionally blanking actor_name for an erasure) and/or the group link (group_id → NULL).
Every other column must stay as it was; comparing the rows as JSON without those columns keeps that true for
columns added later. TRUNCATE (the test suite's flush) is a statement-level operation and is not affected.
"""

from django.db import migrations

FORWARDS = """
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

CREATE TRIGGER forum_moderation_audit_append_only
    BEFORE UPDATE OR DELETE ON forum_moderation_auditentry
    FOR EACH ROW EXECUTE FUNCTION forum_moderation_audit_append_only();
"""

BACKWARDS = """
DROP TRIGGER IF EXISTS forum_moderation_audit_append_only ON forum_moderation_auditentry;
DROP FUNCTION IF EXISTS forum_moderation_audit_append_only();
"""


def run(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        # A plain cursor: the function body contains "%" (RAISE's placeholder), which parameter binding would eat.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("forum_moderation", "0001_initial")]

    operations = [migrations.RunPython(run(FORWARDS), run(BACKWARDS), elidable=False)]
