"""The training models now belong to the app `training` (knowledge/training/): here they leave this app's state.

Only Django's idea of which app owns them changes; the tables stay as they are and are renamed by training's first
migration, which takes the models over (see there for why).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0004_training_audiences")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="trainingmodulepage",
                    name="audiences",
                ),
                migrations.RemoveField(
                    model_name="enrolment",
                    name="cancelled_by",
                ),
                migrations.RemoveField(
                    model_name="enrolment",
                    name="session",
                ),
                migrations.RemoveField(
                    model_name="enrolment",
                    name="user",
                ),
                migrations.RemoveField(
                    model_name="implementationprogrammepage",
                    name="page_ptr",
                ),
                migrations.RemoveField(
                    model_name="trainingindexpage",
                    name="page_ptr",
                ),
                migrations.RemoveField(
                    model_name="trainingmodulematerial",
                    name="document",
                ),
                migrations.RemoveField(
                    model_name="trainingmodulematerial",
                    name="page",
                ),
                migrations.RemoveField(
                    model_name="trainingmodulepage",
                    name="page_ptr",
                ),
                migrations.RemoveField(
                    model_name="trainingmodulepage",
                    name="tags",
                ),
                migrations.RemoveField(
                    model_name="trainingmodulerelatedpage",
                    name="page",
                ),
                migrations.RemoveField(
                    model_name="trainingmoduletrainer",
                    name="page",
                ),
                migrations.RemoveField(
                    model_name="trainingsession",
                    name="page",
                ),
                migrations.RemoveField(
                    model_name="trainingmodulepagetag",
                    name="content_object",
                ),
                migrations.RemoveField(
                    model_name="trainingmodulepagetag",
                    name="tag",
                ),
                migrations.RemoveField(
                    model_name="trainingmodulerelatedpage",
                    name="related_page",
                ),
                migrations.RemoveField(
                    model_name="trainingsession",
                    name="cancelled_by",
                ),
                migrations.RemoveField(
                    model_name="trajectorystepstatus",
                    name="organisation",
                ),
                migrations.RemoveField(
                    model_name="trajectorystepstatus",
                    name="updated_by",
                ),
                migrations.DeleteModel(
                    name="Audience",
                ),
                migrations.DeleteModel(
                    name="Enrolment",
                ),
                migrations.DeleteModel(
                    name="ImplementationProgrammePage",
                ),
                migrations.DeleteModel(
                    name="TrainingIndexPage",
                ),
                migrations.DeleteModel(
                    name="TrainingModuleMaterial",
                ),
                migrations.DeleteModel(
                    name="TrainingModuleTrainer",
                ),
                migrations.DeleteModel(
                    name="TrainingModulePage",
                ),
                migrations.DeleteModel(
                    name="TrainingModulePageTag",
                ),
                migrations.DeleteModel(
                    name="TrainingModuleRelatedPage",
                ),
                migrations.DeleteModel(
                    name="TrainingSession",
                ),
                migrations.DeleteModel(
                    name="TrajectoryStepStatus",
                ),
            ],
        ),
    ]
