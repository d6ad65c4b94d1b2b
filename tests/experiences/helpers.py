"""What the experience specs share: a valid submission as the form posts it."""

from knowledge.experiences.forms import CHECKLIST

ALL_TICKED = [key for key, _label in CHECKLIST]
# A made-up citizen service number that passes the 11-proof (9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3−3 = 66).
BSN = "111222333"


def submission_data(**overrides) -> dict:
    data = {
        "title": "Bezwaar over een kapvergunning",
        "setting": "citizen_government",
        "case_kind": "Bezwaar tegen een kapvergunning",
        "what_happened": "Een inwoner maakte bezwaar tegen het kappen van een boom naast zijn tuin.",
        "approach": "Wij belden de inwoner en spraken op locatie met de boomdeskundige.",
        "outcome": "resolved",
        "lessons": "Samen ter plekke kijken werkte beter dan een brief.",
        "tags": "bezwaar, bomen",
        "checklist": ALL_TICKED,
    }
    data.update(overrides)
    return data
