"""The detector's recall and precision on the labelled set (tests/core/data/personal_data_labelled.jsonl).

The thresholds sit just under the measured figures, so a change that makes the detector miss more, or cry wolf more
often, fails here; docs/personal_data_detector.md reports the figures and must be regenerated with them.
"""

from core.personal_data_eval import REPORT, evaluate, load, report

ROWS = load()


def test_the_set_is_large_enough_in_both_languages_with_clean_and_personal_sentences():
    assert len(ROWS) >= 200
    for language in ("nl", "da"):
        rows = [row for row in ROWS if row["lang"] == language]
        with_data = [row for row in rows if row["kinds"]]
        assert len(rows) >= 100
        assert 0.35 <= len(with_data) / len(rows) <= 0.65, "about half hold personal data, half are clean"


def test_recall_and_precision_over_all_kinds_stay_at_their_measured_level():
    result = evaluate(ROWS)
    assert result.overall.recall >= 0.95
    assert result.overall.precision >= 0.97
    assert result.any_kind.recall >= 0.95
    assert result.any_kind.precision >= 0.97


def test_each_kind_keeps_its_level():
    result = evaluate(ROWS).per_kind
    for kind in ("bsn", "cpr", "iban", "email", "phone", "postcode", "birthdate"):
        assert result[kind].recall == 1.0 and result[kind].precision == 1.0, kind
    assert result["name"].recall >= 0.9 and result["name"].precision >= 0.98
    assert result["address"].recall >= 0.95 and result["address"].precision >= 0.85


def test_the_report_in_docs_shows_the_current_figures():
    assert REPORT.read_text(encoding="utf-8") == report(ROWS), "run: python -m core.personal_data_eval"
