"""The "did you mean" vocabulary per audience, with document counts (see search.vocabulary).

The old vocabulary held every word ever indexed, for everyone: it is recounted from the stored documents, so words of
private, removed and erased text are gone after this migration.
"""

from django.db import migrations, models


def recount(apps, schema_editor):
    from search import vocabulary

    vocabulary.rebuild(
        documents=apps.get_model("search", "SearchDocument"),
        groups=apps.get_model("search", "SearchDocumentGroup"),
        words=apps.get_model("search", "SearchWord"),
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0007_postgresql_filter_lexemes")]

    operations = [
        migrations.RemoveConstraint(model_name="searchword", name="search_word_language"),
        migrations.RunSQL("DELETE FROM search_searchword", "DELETE FROM search_searchword"),
        migrations.AddField(
            model_name="searchword",
            name="visibility",
            field=models.CharField(
                choices=[("public", "Everyone"), ("members", "Members"), ("groups", "Groups")],
                default="public",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="searchword", name="group_id", field=models.PositiveBigIntegerField(default=0)
        ),
        migrations.AddField(model_name="searchword", name="documents", field=models.IntegerField(default=0)),
        migrations.AddConstraint(
            model_name="searchword",
            constraint=models.UniqueConstraint(
                fields=("language", "word", "visibility", "group_id"), name="search_word_audience"
            ),
        ),
        migrations.RunPython(recount, migrations.RunPython.noop),
    ]
