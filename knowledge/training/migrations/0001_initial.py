"""The training models, until now part of the app `knowledge`, become this app's: same tables, same rows.

Django's state takes the models over unchanged (knowledge's migration 0005 let go of them), pointing at the tables
as they are (`knowledge_*`); then the tables are renamed to this app's names. Renaming rather than keeping the old
names with `db_table`: every other app's tables carry its own label, and a table named after an app its model is
not in would mislead whoever reads the database next. A rename is a change of the catalogue only (PostgreSQL and
SQLite alike: no rows are copied; foreign keys, indexes and sequences stay attached under their old names, on
which Django never relies), inside this migration's transaction, and undone by migrating back. The content types
move in 0002.
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelcluster.contrib.taggit
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0005_training_to_its_own_app"),
        ("accounts", "0003_membership_end_and_confirmation"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Audience",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "key",
                            models.CharField(
                                choices=[
                                    ("mediators", "Mediators"),
                                    ("non_mediators", "Civil servants who are not mediators"),
                                    ("policy", "Policy departments"),
                                    ("legal", "Legal support"),
                                    ("objections", "Objections and appeals departments"),
                                    ("managers", "Managers and directors"),
                                ],
                                max_length=32,
                                unique=True,
                                verbose_name="key",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "knowledge_audience",
                        "verbose_name": "audience",
                        "verbose_name_plural": "audiences",
                        "ordering": ["id"],
                    },
                ),
                migrations.CreateModel(
                    name="ImplementationProgrammePage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
                        (
                            "steps",
                            wagtail.fields.StreamField(
                                [("step", 5)],
                                block_lookup={
                                    0: (
                                        "wagtail.blocks.ChoiceBlock",
                                        [],
                                        {
                                            "choices": [
                                                (
                                                    "board_awareness",
                                                    "Awareness among the board and political office holders",
                                                ),
                                                ("kick_off", "Kick-off meeting"),
                                                ("internal_mediators", "Training internal mediators"),
                                                ("measuring", "Measuring: knowing where you stand"),
                                                (
                                                    "management_awareness",
                                                    "Awareness among management, with intervision for new mediators",
                                                ),
                                                ("communication", "Internal and external communication"),
                                                ("skills_workshops", "Skills workshops per department"),
                                                ("embedding", "Embedding in the organisation"),
                                                ("train_the_trainer", "Train-the-trainer for internal trainers"),
                                                ("project_lead", "Project leadership for the implementation"),
                                                ("shadowing", "Gaining experience by shadowing experienced mediators"),
                                            ],
                                            "help_text": "The trajectory step; organisations record their progress per step.",
                                            "label": "Step",
                                        },
                                    ),
                                    1: ("wagtail.blocks.CharBlock", (), {"label": "Title"}),
                                    2: (
                                        "wagtail.blocks.RichTextBlock",
                                        (),
                                        {
                                            "features": ["bold", "italic", "link", "document-link", "ol", "ul"],
                                            "label": "Description",
                                        },
                                    ),
                                    3: (
                                        "wagtail.blocks.PageChooserBlock",
                                        (),
                                        {"page_type": ["training.TrainingModulePage"]},
                                    ),
                                    4: (
                                        "wagtail.blocks.ListBlock",
                                        (3,),
                                        {"label": "Training modules that serve this step"},
                                    ),
                                    5: (
                                        "wagtail.blocks.StructBlock",
                                        [[("key", 0), ("title", 1), ("description", 2), ("modules", 4)]],
                                        {},
                                    ),
                                },
                                verbose_name="steps",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "knowledge_implementationprogrammepage",
                        "verbose_name": "implementation programme",
                    },
                    bases=("wagtailcore.page",),
                ),
                migrations.CreateModel(
                    name="TrainingIndexPage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
                    ],
                    options={
                        "db_table": "knowledge_trainingindexpage",
                        "verbose_name": "training catalogue",
                    },
                    bases=("wagtailcore.page",),
                ),
                migrations.CreateModel(
                    name="TrainingModulePage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        (
                            "summary",
                            models.TextField(
                                help_text="Shown in the catalogue.", max_length=500, verbose_name="summary"
                            ),
                        ),
                        ("learning_goals", wagtail.fields.RichTextField(verbose_name="learning goals")),
                        (
                            "duration",
                            models.CharField(
                                help_text="For example: two half days.", max_length=100, verbose_name="duration"
                            ),
                        ),
                        (
                            "format",
                            models.CharField(
                                choices=[("in_person", "In person"), ("online", "Online"), ("blended", "Blended")],
                                max_length=16,
                                verbose_name="format",
                            ),
                        ),
                        (
                            "max_group_size",
                            models.PositiveSmallIntegerField(
                                default=12,
                                help_text="The capacity of a session unless the session sets its own.",
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(500),
                                ],
                                verbose_name="maximum group size",
                            ),
                        ),
                        ("prerequisites", wagtail.fields.RichTextField(blank=True, verbose_name="prerequisites")),
                        (
                            "programme",
                            wagtail.fields.StreamField(
                                [
                                    ("heading", 2),
                                    ("paragraph", 3),
                                    ("note", 6),
                                    ("quote", 9),
                                    ("image", 10),
                                    ("links", 18),
                                ],
                                blank=True,
                                block_lookup={
                                    0: ("wagtail.blocks.CharBlock", (), {"label": "Heading"}),
                                    1: (
                                        "wagtail.blocks.ChoiceBlock",
                                        [],
                                        {"choices": [("h2", "Level 2"), ("h3", "Level 3")], "label": "Level"},
                                    ),
                                    2: ("wagtail.blocks.StructBlock", [[("text", 0), ("level", 1)]], {}),
                                    3: (
                                        "wagtail.blocks.RichTextBlock",
                                        (),
                                        {
                                            "features": ["bold", "italic", "link", "document-link", "ol", "ul"],
                                            "icon": "pilcrow",
                                            "label": "Paragraph",
                                        },
                                    ),
                                    4: (
                                        "wagtail.blocks.ChoiceBlock",
                                        [],
                                        {
                                            "choices": [
                                                ("info", "Information"),
                                                ("warning", "Attention"),
                                                ("ok", "Good practice"),
                                            ],
                                            "label": "Kind",
                                        },
                                    ),
                                    5: (
                                        "wagtail.blocks.RichTextBlock",
                                        (),
                                        {
                                            "features": ["bold", "italic", "link", "document-link", "ol", "ul"],
                                            "label": "Text",
                                        },
                                    ),
                                    6: ("wagtail.blocks.StructBlock", [[("kind", 4), ("text", 5)]], {}),
                                    7: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                                    8: ("wagtail.blocks.CharBlock", (), {"label": "Source", "required": False}),
                                    9: ("wagtail.blocks.StructBlock", [[("quote", 7), ("source", 8)]], {}),
                                    10: ("wagtail.images.blocks.ImageBlock", [], {"label": "Image"}),
                                    11: ("wagtail.blocks.CharBlock", (), {"label": "Title", "required": False}),
                                    12: ("wagtail.blocks.PageChooserBlock", (), {"label": "Page", "required": False}),
                                    13: (
                                        "wagtail.blocks.URLBlock",
                                        (),
                                        {"label": "External address", "required": False},
                                    ),
                                    14: (
                                        "wagtail.documents.blocks.DocumentChooserBlock",
                                        (),
                                        {"label": "Document", "required": False},
                                    ),
                                    15: ("wagtail.blocks.CharBlock", (), {"label": "Link text"}),
                                    16: (
                                        "wagtail.blocks.StructBlock",
                                        [[("page", 12), ("url", 13), ("document", 14), ("text", 15)]],
                                        {},
                                    ),
                                    17: ("wagtail.blocks.ListBlock", (16,), {"label": "Links"}),
                                    18: ("wagtail.blocks.StructBlock", [[("title", 11), ("links", 17)]], {}),
                                },
                                verbose_name="programme",
                            ),
                        ),
                        (
                            "audiences",
                            modelcluster.fields.ParentalManyToManyField(
                                blank=True, related_name="modules", to="training.audience", verbose_name="audience"
                            ),
                        ),
                    ],
                    options={
                        "db_table": "knowledge_trainingmodulepage",
                        "verbose_name": "training module",
                        "verbose_name_plural": "training modules",
                    },
                    bases=("wagtailcore.page",),
                ),
                migrations.CreateModel(
                    name="TrainingModuleMaterial",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        (
                            "document",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="wagtaildocs.document",
                                verbose_name="document",
                            ),
                        ),
                        (
                            "page",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="materials",
                                to="training.trainingmodulepage",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "knowledge_trainingmodulematerial",
                        "verbose_name": "material",
                        "verbose_name_plural": "materials",
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="TrainingModulePageTag",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "content_object",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="tagged_items",
                                to="training.trainingmodulepage",
                            ),
                        ),
                        (
                            "tag",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="%(app_label)s_%(class)s_items",
                                to="taggit.tag",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "knowledge_trainingmodulepagetag",
                        "abstract": False,
                    },
                ),
                migrations.AddField(
                    model_name="trainingmodulepage",
                    name="tags",
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(
                        blank=True,
                        help_text="A comma-separated list of tags.",
                        through="training.TrainingModulePageTag",
                        to="taggit.Tag",
                        verbose_name="tags",
                    ),
                ),
                migrations.CreateModel(
                    name="TrainingModuleRelatedPage",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        (
                            "page",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="related_pages",
                                to="training.trainingmodulepage",
                            ),
                        ),
                        (
                            "related_page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="page",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "knowledge_trainingmodulerelatedpage",
                        "verbose_name": "related protocol",
                        "verbose_name_plural": "related protocols",
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="TrainingModuleTrainer",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        ("bio", models.TextField(blank=True, max_length=600, verbose_name="short bio")),
                        (
                            "page",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="trainers",
                                to="training.trainingmodulepage",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "knowledge_trainingmoduletrainer",
                        "verbose_name": "trainer",
                        "verbose_name_plural": "trainers",
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="TrainingSession",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        ("start", models.DateTimeField(verbose_name="start")),
                        ("end", models.DateTimeField(verbose_name="end")),
                        (
                            "location",
                            models.CharField(
                                blank=True, help_text="Address and room.", max_length=300, verbose_name="location"
                            ),
                        ),
                        ("online_url", models.URLField(blank=True, verbose_name="online meeting link")),
                        (
                            "capacity",
                            models.PositiveSmallIntegerField(
                                blank=True,
                                help_text="Leave empty to use the module's maximum group size.",
                                null=True,
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(500),
                                ],
                                verbose_name="capacity",
                            ),
                        ),
                        (
                            "enrolment_deadline",
                            models.DateTimeField(
                                blank=True,
                                help_text="Leave empty to allow enrolment until the start.",
                                null=True,
                                verbose_name="enrolment deadline",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[("nl", "Nederlands"), ("da", "Dansk"), ("en", "English")],
                                default="nl",
                                max_length=8,
                                verbose_name="language",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("planned", "Planned"), ("cancelled", "Cancelled")],
                                default="planned",
                                max_length=16,
                                verbose_name="status",
                            ),
                        ),
                        ("cancelled_at", models.DateTimeField(blank=True, editable=False, null=True)),
                        (
                            "cancelled_by",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "page",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="sessions",
                                to="training.trainingmodulepage",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "knowledge_trainingsession",
                        "verbose_name": "session",
                        "verbose_name_plural": "sessions",
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="Enrolment",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("enrolled", "Enrolled"),
                                    ("waitlisted", "On the waiting list"),
                                    ("cancelled", "Cancelled"),
                                ],
                                max_length=16,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(default=django.utils.timezone.now, verbose_name="enrolled at"),
                        ),
                        (
                            "promoted_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="promoted from the waiting list at"
                            ),
                        ),
                        ("cancelled_at", models.DateTimeField(blank=True, null=True, verbose_name="cancelled at")),
                        (
                            "cancelled_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="enrolments",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "session",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="enrolments",
                                to="training.trainingsession",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "knowledge_enrolment",
                        "verbose_name": "enrolment",
                        "verbose_name_plural": "enrolments",
                        "ordering": ["id"],
                    },
                ),
                migrations.CreateModel(
                    name="TrajectoryStepStatus",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "step",
                            models.CharField(
                                choices=[
                                    ("board_awareness", "Awareness among the board and political office holders"),
                                    ("kick_off", "Kick-off meeting"),
                                    ("internal_mediators", "Training internal mediators"),
                                    ("measuring", "Measuring: knowing where you stand"),
                                    (
                                        "management_awareness",
                                        "Awareness among management, with intervision for new mediators",
                                    ),
                                    ("communication", "Internal and external communication"),
                                    ("skills_workshops", "Skills workshops per department"),
                                    ("embedding", "Embedding in the organisation"),
                                    ("train_the_trainer", "Train-the-trainer for internal trainers"),
                                    ("project_lead", "Project leadership for the implementation"),
                                    ("shadowing", "Gaining experience by shadowing experienced mediators"),
                                ],
                                max_length=32,
                                verbose_name="step",
                            ),
                        ),
                        (
                            "approach",
                            models.CharField(
                                choices=[
                                    ("ourselves", "Done by ourselves"),
                                    ("outsourced", "Outsourced"),
                                    ("not_planned", "Not planned"),
                                ],
                                default="ourselves",
                                max_length=16,
                                verbose_name="approach",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("not_started", "Not started"),
                                    ("in_progress", "In progress"),
                                    ("done", "Done"),
                                ],
                                default="not_started",
                                max_length=16,
                                verbose_name="status",
                            ),
                        ),
                        ("note", models.TextField(blank=True, max_length=1000, verbose_name="note")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="trajectory_steps",
                                to="accounts.organisation",
                            ),
                        ),
                        (
                            "updated_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "knowledge_trajectorystepstatus",
                        "verbose_name": "trajectory step",
                        "verbose_name_plural": "trajectory steps",
                    },
                ),
                migrations.AddConstraint(
                    model_name="trainingsession",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("end__gt", models.F("start"))), name="training_session_end_after_start"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="trainingsession",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("enrolment_deadline__isnull", True),
                            ("enrolment_deadline__lte", models.F("start")),
                            _connector="OR",
                        ),
                        name="training_session_deadline_before_start",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="enrolment",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("status", "cancelled"), _negated=True),
                        fields=("session", "user"),
                        name="training_enrolment_one_active_per_person",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="trajectorystepstatus",
                    constraint=models.UniqueConstraint(
                        fields=("organisation", "step"), name="training_trajectory_one_row_per_step"
                    ),
                ),
            ],
        ),
        # The many-to-many table of TrainingModulePage.audiences is renamed with its model.
        migrations.AlterModelTable(name="audience", table=None),
        migrations.AlterModelTable(name="implementationprogrammepage", table=None),
        migrations.AlterModelTable(name="trainingindexpage", table=None),
        migrations.AlterModelTable(name="trainingmodulepage", table=None),
        migrations.AlterModelTable(name="trainingmodulematerial", table=None),
        migrations.AlterModelTable(name="trainingmodulepagetag", table=None),
        migrations.AlterModelTable(name="trainingmodulerelatedpage", table=None),
        migrations.AlterModelTable(name="trainingmoduletrainer", table=None),
        migrations.AlterModelTable(name="trainingsession", table=None),
        migrations.AlterModelTable(name="enrolment", table=None),
        migrations.AlterModelTable(name="trajectorystepstatus", table=None),
    ]
