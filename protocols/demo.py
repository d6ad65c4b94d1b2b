"""Demo protocols in nl/da/en, an index page per language, and the suitability rules pointing at them.

Idempotent: a protocol that exists already (by slug in its source language) is left alone, so running the loader
again adds no versions to its history.
"""

import datetime

from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale

from accounts.models import User
from core.demo import register
from protocols.demo_pages import INDEX, PROTOCOLS, RELATED, RULE_PROTOCOLS
from protocols.models import (
    ProtocolIndexPage,
    ProtocolPage,
    PublishedVersion,
    RelatedProtocol,
    SuitabilityRule,
    add_months,
)

LANGUAGES = ("nl", "da", "en")
OWNER = "redacteur@almere.example"
BIA_FORM = (
    "BESLISSING INFORMELE AANPAK (BIA) - voorbeeld\n\n"
    "Zaaknummer:\nDatum telefoongesprek:\nBehandelaar:\n\n"
    "Afspraak met de indiener:\n\nWie doet wat, en wanneer:\n\n"
    "Bezwaar: ingetrokken / aangehouden / loopt door\n"
)


def _publish(page):
    return page.save_revision(log_action=False).publish(log_action=False)


def _indexes(progress) -> dict:
    indexes = {}
    source = ProtocolIndexPage.objects.filter(locale__language_code="nl").first()
    for language in progress.iterate(LANGUAGES, "protocol index"):
        text = INDEX[language]
        if language == "nl":
            page = source
            if page is None:
                home = apps.get_model("knowledge", "HomePage").objects.get(locale__language_code="nl")
                page = ProtocolIndexPage(title=text["title"], slug=text["slug"], intro=text["intro"])
                home.add_child(instance=page)
                source = page
        else:
            page = source.get_translation_or_none(Locale.objects.get(language_code=language))
            page = page.specific if page else source.copy_for_translation(Locale.objects.get(language_code=language))
        if page.live_revision_id is None or page.title != text["title"] or not page.show_in_menus:
            page.title = page.draft_title = text["title"]
            page.slug, page.intro, page.show_in_menus = text["slug"], text["intro"], True
            _publish(page)
        indexes[language] = page.pk
    return indexes


def _bia_document():
    Document = get_document_model()
    document = Document.objects.filter(title="BIA-formulier (voorbeeld)").first()
    if document is None:
        document = Document(title="BIA-formulier (voorbeeld)")
        document.file.save("bia-formulier-voorbeeld.txt", ContentFile(BIA_FORM.encode()), save=False)
        document.save()
    return document


def _steps(text, document=None, extra_item=None):
    steps = []
    for position, (title, role, actions, items, duration) in enumerate(text["steps"]):
        items = list(items)
        if extra_item and position == extra_item[0]:
            items.append(extra_item[1])
        documents = [document.pk] if document and position == 3 else []
        value = {
            "title": title,
            "responsible_role": role,
            "actions": actions,
            "checklist": items,
            "typical_duration": duration or "",
            "documents": documents,
        }
        steps.append({"type": "step", "value": value})
    return steps


def _fill(page, spec, language, owner, document, today):
    text = spec[language]
    page.title = page.draft_title = text["title"]
    page.slug = text["slug"]
    page.summary = text["summary"]
    page.conflict_setting, page.phase = spec["setting"], spec["phase"]
    page.when_to_use, page.when_not_to_use = text["when_to_use"], text["when_not_to_use"]
    page.roles_and_mandate = text["roles"]
    page.steps = _steps(text, document if spec.get("document") else None)
    page.confidentiality, page.voluntariness, page.recorded = (
        text["confidentiality"],
        text["voluntariness"],
        text["recorded"],
    )
    page.change_note = text["change_note"]
    page.review_owner = owner
    page.review_interval_months = 12
    page.last_reviewed = {
        "overdue": add_months(today, -13),
        "due_soon": add_months(today, -12) + datetime.timedelta(days=10),
        "fine": add_months(today, -2),
    }[spec["review"]]
    page.tags.set(spec["tags"][language])


def load(progress):
    owner = User.objects.filter(email=OWNER).first()
    indexes = _indexes(progress)
    document = _bia_document()
    today = timezone.localdate()
    created = {}
    for key in progress.iterate([spec["key"] for spec in PROTOCOLS], "protocols"):
        spec = next(s for s in PROTOCOLS if s["key"] == key)
        source_language = spec["source"]
        source_text = spec[source_language]
        if ProtocolPage.objects.filter(locale__language_code=source_language, slug=source_text["slug"]).exists():
            continue
        languages = [source_language] + [code for code in LANGUAGES if code in spec and code != source_language]
        source = None
        for language in languages:
            if source is None:
                index = ProtocolIndexPage.objects.get(pk=indexes[language])
                page = ProtocolPage(live=False)
                _fill(page, spec, language, owner, document, today)
                index.add_child(instance=page)
                source = page
            else:
                page = source.copy_for_translation(Locale.objects.get(language_code=language)).specific
                _fill(page, spec, language, owner, document, today)
                page.save()
            created[(key, language)] = page

    progress.step("related protocols, versions and suitability links")
    for (key, language), page in created.items():
        spec = next(s for s in PROTOCOLS if s["key"] == key)
        page = ProtocolPage.objects.get(pk=page.pk)
        page.related_protocols = [
            RelatedProtocol(protocol_id=other.pk)
            for other_key in RELATED.get(key, [])
            if (other := _find(other_key, language)) is not None
        ]
        _publish(page)
        if "revision" in spec:
            # A second published version, so the history and the diff have something to show.
            PublishedVersion.objects.filter(page=page).update(published_at=timezone.now() - datetime.timedelta(days=60))
            change_note, item = spec["revision"][language]
            page = ProtocolPage.objects.get(pk=page.pk)
            extra_item = (spec["revision"]["step"], item)
            page.steps = _steps(spec[language], document if spec.get("document") else None, extra_item)
            page.change_note = change_note
            _publish(page)

    for rule_key, keys in RULE_PROTOCOLS.items():
        rule = SuitabilityRule.objects.filter(key=rule_key).first()
        if rule is None or rule.protocols.exists():
            continue
        rule.protocols.set([page for k in keys if (page := _find(k, "nl")) is not None])
        rule.save()


def _find(key, language):
    spec = next(s for s in PROTOCOLS if s["key"] == key)
    if language not in spec:
        return None
    return ProtocolPage.objects.filter(locale__language_code=language, slug=spec[language]["slug"]).first()


register(load, order=30)
