"""What the dilemma specs share: URLs and the data of each step's form as a browser would post it."""

from django.urls import reverse


def url(name, **kwargs):
    return reverse(f"dilemmas:{name}", kwargs=kwargs)


def step1_data(title="Kanariedilemma: wel of niet handhaven", context="", rules="", stakeholders=(), **extra):
    data = {
        "title": title,
        "context": context,
        "rules": rules,
        "stakeholders-TOTAL_FORMS": str(len(stakeholders)),
        "stakeholders-INITIAL_FORMS": "0",
    }
    for index, (name, interests) in enumerate(stakeholders):
        data[f"stakeholders-{index}-name"] = name
        data[f"stakeholders-{index}-interests"] = interests
    data.update(extra)
    return data


def step2_data(options=(), conclusion="", advice="", **extra):
    """`options`: (title, description, {value_type: (score, reason)})."""
    data = {
        "conclusion": conclusion,
        "advice": advice,
        "options-TOTAL_FORMS": str(len(options)),
        "options-INITIAL_FORMS": "0",
    }
    for index, (title, description, weighings) in enumerate(options):
        data[f"options-{index}-title"] = title
        data[f"options-{index}-description"] = description
        for value_type, (score, reason) in weighings.items():
            data[f"options-{index}-score_{value_type}"] = "" if score is None else str(score)
            data[f"options-{index}-reason_{value_type}"] = reason
    data.update(extra)
    return data
