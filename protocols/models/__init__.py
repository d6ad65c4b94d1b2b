"""The protocols app's models, one module per concern; importing them here registers them with Django.

`pages`: the protocol pages, their published versions and review reminders. `checklists`: members' private
checklists. `suitability`: the suitability and referral aid's editable questions and rules, and saved results.
"""

from protocols.models.checklists import ChecklistRun, ChecklistTick
from protocols.models.pages import (
    ConflictSetting,
    Phase,
    ProtocolIndexPage,
    ProtocolPage,
    ProtocolPageTag,
    PublishedVersion,
    RelatedProtocol,
    ReviewReminder,
    add_months,
)
from protocols.models.suitability import (
    AnswerOption,
    Outcome,
    SavedSuitabilityResult,
    SuitabilityQuestion,
    SuitabilityRule,
)

__all__ = [
    "AnswerOption",
    "ChecklistRun",
    "ChecklistTick",
    "ConflictSetting",
    "Outcome",
    "Phase",
    "ProtocolIndexPage",
    "ProtocolPage",
    "ProtocolPageTag",
    "PublishedVersion",
    "RelatedProtocol",
    "ReviewReminder",
    "SavedSuitabilityResult",
    "SuitabilityQuestion",
    "SuitabilityRule",
    "add_months",
]
