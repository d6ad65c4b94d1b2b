"""The personal-data check every app's forms share (`core.forms.PersonalDataCheck`): what the detector finds is shown
and stops the form until it is taken out or, where the form allows it, confirmed; a confirmation covers exactly the
findings that were shown."""

import pytest
from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

from core.forms import PersonalDataCheck

PHONE = "Bel de inwoner op 06-12345678 na de zitting."
MAIL = " Of mail naar iemand@example.org."


class NoteForm(PersonalDataCheck, forms.Form):
    title = forms.CharField(label="Titel", max_length=20)
    note = forms.CharField(label="Notitie", widget=forms.Textarea, required=False)
    checked_fields = ("title", "note")


class BlockingNoteForm(NoteForm):
    confirmable = False
    blocked_message = "Haal het eruit: iedereen leest mee."


def post(form_class=NoteForm, **data):
    form = form_class(data={"title": "Overleg", **data})
    form.is_valid()
    return form


def test_text_without_findings_passes_and_the_confirmation_box_is_not_part_of_the_form():
    form = post(note="De partijen spraken af elkaar eerst te bellen.")
    assert form.is_valid() and form.findings == []
    assert [field.name for field in form] == ["title", "note", "findings_seen"]
    assert [field.name for field in form.hidden_fields()] == ["findings_seen"]


def test_findings_are_listed_per_field_with_the_words_around_them():
    form = post(note=PHONE)
    assert not form.is_valid()
    [finding] = form.findings
    assert finding["field"] == "note" and finding["label"] == "Notitie" and finding["text"] == "06-12345678"
    assert finding["before"] == "Bel de inwoner op " and finding["after"] == " na de zitting."


def test_findings_stop_the_form_at_the_confirmation_box_which_then_shows():
    with translation.override("en"):
        form = post(note=PHONE)
        assert form.errors == {
            "confirm_findings": [
                "The text may contain personal data (see the passages above). Remove it, or confirm that you checked "
                "these passages and they are not personal data."
            ]
        }
    assert "confirm_findings" in [field.name for field in form.visible_fields()]
    assert form.data["note"] == PHONE, "nothing typed is lost"


def test_a_confirmation_counts_for_the_findings_that_were_shown():
    seen = post(note=PHONE).data["findings_seen"]
    assert seen
    form = post(note=PHONE, confirm_findings="on", findings_seen=seen)
    assert form.is_valid() and form.findings


def test_ticking_the_box_without_having_seen_the_findings_does_not_count():
    form = post(note=PHONE, confirm_findings="on")
    assert "confirm_findings" in form.errors
    assert "confirm_findings" not in form.data, "the box comes back unticked"
    assert form.data["findings_seen"], "with the digest of what is shown now"


def test_a_confirmation_never_covers_a_finding_added_afterwards():
    seen = post(note=PHONE).data["findings_seen"]
    form = post(note=PHONE + MAIL, confirm_findings="on", findings_seen=seen)
    assert "confirm_findings" in form.errors
    assert [finding["text"] for finding in form.findings] == ["06-12345678", "iemand@example.org"]
    assert form.data["findings_seen"] != seen


def test_findings_are_shown_also_when_another_field_has_an_error():
    form = post(title="", note=PHONE)
    assert set(form.errors) == {"title", "confirm_findings"}
    assert form.findings


def test_a_confirmed_form_with_another_error_keeps_the_box_ticked():
    seen = post(note=PHONE).data["findings_seen"]
    form = post(title="x" * 21, note=PHONE, confirm_findings="on", findings_seen=seen)
    assert set(form.errors) == {"title"}
    assert form.data["confirm_findings"] == "on" and form.data["findings_seen"] == seen


def test_the_blocking_variant_has_no_confirmation_and_findings_are_an_error_of_the_form():
    form = post(BlockingNoteForm, note=PHONE, confirm_findings="on")
    assert form.errors == {"__all__": ["Haal het eruit: iedereen leest mee."]}
    assert "confirm_findings" not in form.fields and "findings_seen" not in form.fields
    assert form.findings
    assert post(BlockingNoteForm, note="Geen bijzonderheden.").is_valid()


def test_a_blocking_form_must_say_why_it_blocks():
    class Unexplained(PersonalDataCheck, forms.Form):
        confirmable = False

    with pytest.raises(ImproperlyConfigured):
        Unexplained()


def test_with_a_prefix_the_finding_points_at_the_fields_html_id_and_the_confirmation_still_counts():
    first = NoteForm(data={"x-title": "Overleg", "x-note": PHONE}, prefix="x")
    assert not first.is_valid()
    [finding] = first.findings
    assert finding["field"] == "x-note" and f"id_{finding['field']}" == first["note"].auto_id
    seen = first.data["x-findings_seen"]
    confirmed = NoteForm(
        data={"x-title": "Overleg", "x-note": PHONE, "x-confirm_findings": "on", "x-findings_seen": seen}, prefix="x"
    )
    assert confirmed.is_valid()


def test_a_form_can_choose_the_fields_to_check_from_the_input():
    class NoteOrTitle(NoteForm):
        def checked_field_names(self):
            return ["note"] if self.cleaned_data.get("note") else ["title"]

    assert post(NoteOrTitle, title="06-12345678", note="Geen bijzonderheden.").is_valid()
    assert not post(NoteOrTitle, title="06-12345678").is_valid()
