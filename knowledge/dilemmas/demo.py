"""Demo content for dilemma step-plans: the default plan in nl/da/en under an index page per language, and two
worked worksheets (one shared, with comments). Idempotent: what exists already is left as it is."""

from django.apps import apps
from wagtail.models import Locale

from accounts.models import User
from core.demo import register
from knowledge.dilemmas import services
from knowledge.dilemmas.demo_texts import INDEX, PLAN, WORKSHEETS
from knowledge.dilemmas.models import (
    Comment,
    DilemmaPlanIndexPage,
    DilemmaPlanPage,
    Invitation,
    Option,
    Stakeholder,
    Weighing,
    Worksheet,
)

LANGUAGES = ("nl", "da", "en")


def _publish(page):
    page.save_revision(log_action=False).publish(log_action=False)


def _translated(source, language):
    """`source` in `language`: the existing translation, or a new copy (unpublished until we publish it)."""
    if source.locale.language_code == language:
        return source
    locale = Locale.objects.get(language_code=language)
    existing = source.get_translation_or_none(locale)
    return existing.specific if existing else source.copy_for_translation(locale).specific


def _indexes(progress) -> dict:
    indexes = {}
    source = DilemmaPlanIndexPage.objects.filter(locale__language_code="nl").first()
    for language in progress.iterate(LANGUAGES, "dilemma index"):
        text = INDEX[language]
        if source is None:
            source = DilemmaPlanIndexPage(title=text["title"], slug=text["slug"], intro=text["intro"])
            home = apps.get_model("knowledge", "HomePage").objects.get(locale__language_code="nl")
            home.add_child(instance=source)
        page = _translated(source, language)
        if page.live_revision_id is None:
            page.title = page.draft_title = text["title"]
            page.slug, page.intro, page.show_in_menus = text["slug"], text["intro"], True
            _publish(page)
        indexes[language] = page
    return indexes


def _plans(progress, indexes) -> dict:
    plans = {}
    source = DilemmaPlanPage.objects.filter(locale__language_code="nl", slug=PLAN["nl"]["slug"]).first()
    for language in progress.iterate(LANGUAGES, "dilemma step-plan"):
        text = PLAN[language]
        if source is None:
            index = DilemmaPlanIndexPage.objects.get(pk=indexes["nl"].pk)  # fresh: see knowledge/demo.py
            source = DilemmaPlanPage(title=text["title"], slug=text["slug"], summary=text["summary"])
            source.steps = text["steps"]
            index.add_child(instance=source)
        page = _translated(source, language)
        if page.live_revision_id is None:
            page.title = page.draft_title = text["title"]
            page.slug, page.summary, page.intro = text["slug"], text["summary"], text["intro"]
            page.steps = text["steps"]
            _publish(page)
        plans[language] = DilemmaPlanPage.objects.get(pk=page.pk)
    return plans


def _worksheet(spec, plan):
    owner = User.objects.get(email=spec["owner"])
    if Worksheet.objects.filter(owner=owner, title=spec["title"]).exists():
        return
    worksheet = services.start_worksheet(owner, plan, spec["title"])
    for field in ("context", "rules", "conclusion", "advice", "personal_perspective"):
        setattr(worksheet, field, spec[field])
    worksheet.save()
    Stakeholder.objects.bulk_create(
        Stakeholder(worksheet=worksheet, position=position, name=name, interests=interests)
        for position, (name, interests) in enumerate(spec["stakeholders"])
    )
    for position, (title, description, weighings) in enumerate(spec["options"]):
        option = Option.objects.create(worksheet=worksheet, position=position, title=title, description=description)
        Weighing.objects.bulk_create(
            Weighing(option=option, value_type=value_type, score=score, reason=reason)
            for value_type, (score, reason) in weighings.items()
        )
    for email in spec["readers"]:
        # Directly, not through services.invite(): demo content sends no mail.
        Invitation.objects.create(worksheet=worksheet, invitee=User.objects.get(email=email))
    for email, text in spec["comments"]:
        Comment.objects.create(worksheet=worksheet, author=User.objects.get(email=email), text=text)


def load(progress):
    indexes = _indexes(progress)
    plans = _plans(progress, indexes)
    for spec in progress.iterate(WORKSHEETS, "dilemma worksheets"):
        _worksheet(spec, plans[spec["language"]])


register(load, order=50)
