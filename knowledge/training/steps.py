"""The eleven steps of the implementation trajectory, in order. Keys are stored; labels are translated."""

from django.utils.translation import gettext_lazy as _

STEP_CHOICES = [
    ("board_awareness", _("Awareness among the board and political office holders")),
    ("kick_off", _("Kick-off meeting")),
    ("internal_mediators", _("Training internal mediators")),
    ("measuring", _("Measuring: knowing where you stand")),
    ("management_awareness", _("Awareness among management, with intervision for new mediators")),
    ("communication", _("Internal and external communication")),
    ("skills_workshops", _("Skills workshops per department")),
    ("embedding", _("Embedding in the organisation")),
    ("train_the_trainer", _("Train-the-trainer for internal trainers")),
    ("project_lead", _("Project leadership for the implementation")),
    ("shadowing", _("Gaining experience by shadowing experienced mediators")),
]
STEP_KEYS = [key for key, _label in STEP_CHOICES]
STEP_LABELS = dict(STEP_CHOICES)
