"""Evaluating the suitability aid: answers in, a reasoned referral out.

Precedence between outcomes is explicit and fixed here, not left to rule order:
  1. a matched *contradiction* rule stops the evaluation (the answers cannot all be true);
  2. "not suitable now" beats everything (mediation is voluntary; without a willing party there is none);
  3. then an external mediator (internally sensitive cases or large interests must leave the organisation);
  4. then a mediator from the regional pool (no independent internal mediator available);
  5. then an internal mediator;
  6. then the informal approach by the civil servant (call after the objection, recorded in a BIA).
Rules with the outcome "note" never decide; their explanations are added as advice to any outcome.
"""

from dataclasses import dataclass, field

from protocols.models import Outcome, SuitabilityQuestion, SuitabilityRule

PRECEDENCE = (Outcome.NOT_SUITABLE, Outcome.EXTERNAL, Outcome.POOL, Outcome.INTERNAL, Outcome.INFORMAL)


class Status:
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"
    CONTRADICTORY = "contradictory"
    UNDECIDED = "undecided"


@dataclass
class Evaluation:
    status: str
    outcome: str | None = None
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    contradictions: list[str] = field(default_factory=list)
    missing: list = field(default_factory=list)
    protocol_ids: list[int] = field(default_factory=list)
    chosen: list = field(default_factory=list)  # (question, option) pairs, in question order

    @property
    def outcome_label(self) -> str:
        return Outcome(self.outcome).label if self.outcome else ""

    @property
    def is_contradictory(self) -> bool:
        return self.status == Status.CONTRADICTORY

    @property
    def is_incomplete(self) -> bool:
        return self.status == Status.INCOMPLETE


def load_aid():
    """Active questions (with their options) and active rules (with conditions and protocols): four queries."""
    questions = list(SuitabilityQuestion.objects.filter(active=True).prefetch_related("options"))
    rules = list(SuitabilityRule.objects.filter(active=True).prefetch_related("conditions", "protocols"))
    return questions, rules


def evaluate(answers: dict[str, str], questions, rules) -> Evaluation:
    """`answers` maps a question key to an option key. Unknown or missing keys count as unanswered."""
    chosen, missing = [], []
    for question in questions:
        option = next((o for o in question.options.all() if o.key == answers.get(question.key)), None)
        if option is None:
            missing.append(question)
        else:
            chosen.append((question, option))
    if missing:
        return Evaluation(Status.INCOMPLETE, missing=missing, chosen=chosen)

    chosen_ids = {option.pk for _, option in chosen}
    matched = [
        rule
        for rule in sorted(rules, key=lambda r: (-r.priority, r.pk))
        if (conditions := {c.pk for c in rule.conditions.all()}) and conditions <= chosen_ids
    ]
    contradictions = [rule.explanation for rule in matched if rule.outcome == Outcome.CONTRADICTION]
    if contradictions:
        return Evaluation(Status.CONTRADICTORY, contradictions=contradictions, chosen=chosen)

    notes = [rule.explanation for rule in matched if rule.outcome == Outcome.NOTE]
    note_protocols = [p.pk for rule in matched if rule.outcome == Outcome.NOTE for p in rule.protocols.all()]
    for outcome in PRECEDENCE:
        deciding = [rule for rule in matched if rule.outcome == outcome]
        if deciding:
            protocol_ids = [p.pk for rule in deciding for p in rule.protocols.all()] + note_protocols
            return Evaluation(
                Status.COMPLETE,
                outcome=outcome.value,
                reasons=[rule.explanation for rule in deciding],
                notes=notes,
                protocol_ids=list(dict.fromkeys(protocol_ids)),
                chosen=chosen,
            )
    return Evaluation(Status.UNDECIDED, notes=notes, chosen=chosen)
