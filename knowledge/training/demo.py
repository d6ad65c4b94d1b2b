"""Demo training catalogue (nl, da, en), sessions with enrolments, the implementation programme and Amersfoort's
trajectory. Idempotent: pages are found by slug, sessions by their order on the module, enrolments per person."""

from datetime import timedelta

from django.apps import apps
from django.utils import timezone
from wagtail.models import Locale, Page

from accounts.demo import DEMO_PASSWORD
from accounts.models import Membership, Organisation, User
from core.demo import register
from knowledge.training import services
from knowledge.training.demo_texts import (
    AMERSFOORT,
    AMERSFOORT_DETAILS,
    INDEX,
    MODULES,
    PARTICIPANTS,
    PROGRAMME,
    SESSIONS,
    STEPS,
)
from knowledge.training.models import (
    Audience,
    Enrolment,
    ImplementationProgrammePage,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingModuleTrainer,
    TrainingSession,
)

LANGUAGES = ("nl", "da", "en")


def _publish(page: Page) -> None:
    page.save_revision(log_action=False).publish(log_action=False)


def _fresh(page: Page) -> Page:
    # Children were added under other instances: re-read before publishing (see knowledge/demo.py on numchild).
    return type(page).objects.get(pk=page.pk)


def _page(model, source, language, home, slug, **fields):
    """The page in `language`: found by slug, else a translation of `source`, else a new child of `home`."""
    page = model.objects.filter(locale__language_code=language, slug=slug).first()
    if page is None and source is not None:
        locale = Locale.objects.get(language_code=language)
        existing = source.get_translation_or_none(locale)
        page = existing.specific if existing else source.copy_for_translation(locale).specific
    if page is None:
        page = model(slug=slug, **fields)
        home.add_child(instance=page)
        page = _fresh(page)
    return page


def _indexes(progress, homes):
    indexes, source = {}, None
    for language in progress.iterate(LANGUAGES, "training catalogue"):
        text = INDEX[language]
        page = _page(TrainingIndexPage, source, language, homes[language], text["slug"], title=text["title"])
        page.title = page.draft_title = text["title"]
        page.slug, page.intro, page.show_in_menus = text["slug"], text["intro"], True
        _publish(page)
        indexes[language] = _fresh(page)
        source = source or indexes[language]
    return indexes


def _sessions(page, key, language, now):
    specs = SESSIONS.get((key, language), [])
    existing = list(TrainingSession.objects.filter(page=page).order_by("sort_order", "pk"))
    sessions = []
    for number, (days, hour, hours, location, online, _fill) in enumerate(specs):
        session = existing[number] if number < len(existing) else TrainingSession(page=page)
        day = timezone.localtime(now + timedelta(days=days))
        session.start = day.replace(hour=hour, minute=0, second=0, microsecond=0)
        session.end = session.start + timedelta(hours=hours)
        session.enrolment_deadline = session.start - timedelta(days=3)
        session.location, session.online_url, session.language = location, online, language
        session.sort_order = number
        sessions.append(session)
    return sessions


def _modules(progress, indexes, trainer):
    modules, now = {}, timezone.now()
    audiences = {audience.key: audience for audience in Audience.objects.all()}
    for key in progress.iterate(list(MODULES), "training modules"):
        spec, source = MODULES[key], None
        for language in LANGUAGES:
            if language not in spec:
                continue
            text = spec[language]
            page = _page(
                TrainingModulePage,
                source,
                language,
                indexes[language],
                text["slug"],
                title=text["title"],
                summary=text["summary"],
                learning_goals="<p></p>",
                duration=text["duration"],
                format=spec["format"],
                owner=trainer,
            )
            page.title = page.draft_title = text["title"]
            page.slug, page.summary, page.duration = text["slug"], text["summary"], text["duration"]
            page.learning_goals = "<ul>" + "".join(f"<li>{goal}</li>" for goal in text["goals"]) + "</ul>"
            page.prerequisites, page.programme = text["prerequisites"], text["programme"]
            page.format, page.max_group_size, page.owner = spec["format"], spec["max_group_size"], trainer
            page.audiences.set([audiences[a] for a in spec["audiences"]])
            page.trainers = [
                TrainingModuleTrainer(name=name, bio=bios.get(language, "")) for name, bios in spec["trainers"]
            ]
            page.tags.set(spec["tags"].get(language, []))
            page.sessions = _sessions(page, key, language, now)
            _publish(page)
            source = source or page
            modules[(key, language)] = _fresh(page)
    return modules


def _participants(progress):
    people = []
    for email, first, last, language, org in progress.iterate(PARTICIPANTS, "demo participants"):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=DEMO_PASSWORD,
                first_name=first,
                last_name=last,
                preferred_language=language,
                email_verified_at=timezone.now(),
            )
        Membership.objects.update_or_create(
            user=user,
            organisation=Organisation.objects.get(slug=org),
            defaults={"status": Membership.Status.ACTIVE, "source": Membership.Source.DOMAIN},
        )
        people.append(user)
    return people


def _enrolments(progress, modules, people):
    progress.step("demo enrolments")
    dutch = [p for p in people if p.preferred_language == "nl"]
    danish = [p for p in people if p.preferred_language == "da"]
    for (key, language), specs in SESSIONS.items():
        if (key, language) not in modules:
            continue
        sessions = list(TrainingSession.objects.filter(page=modules[(key, language)]).order_by("sort_order", "pk"))
        pool = dutch if language == "nl" else danish
        for session, spec in zip(sessions, specs, strict=False):
            for person in pool[: spec[5]]:
                _enrol(session, person)
    lid = User.objects.get(email="lid@almere.example")
    _enrol(TrainingSession.objects.filter(page=modules[("objections", "nl")]).order_by("sort_order").first(), lid)
    medlem = User.objects.get(email="medlem@kk.example")
    _enrol(TrainingSession.objects.filter(page=modules[("dilemmas", "da")]).order_by("sort_order").first(), medlem)


def _enrol(session, person):
    if not Enrolment.objects.active().filter(session=session, user=person).exists():
        # No mails: a demo load should not flood the console with confirmations.
        services.enrol(session.pk, person, notify=False)


def _programmes(progress, homes, modules):
    source = None
    for language in progress.iterate(LANGUAGES, "implementation programme"):
        text = PROGRAMME[language]
        steps = [
            {
                "type": "step",
                "value": {
                    "key": key,
                    "title": texts[language][0],
                    "description": f"<p>{texts[language][1]}</p>",
                    "modules": [modules[(m, language)].pk for m in linked if (m, language) in modules],
                },
            }
            for key, linked, texts in STEPS
        ]
        page = _page(
            ImplementationProgrammePage,
            source,
            language,
            homes[language],
            text["slug"],
            title=text["title"],
            steps=steps,
        )
        page.title = page.draft_title = text["title"]
        page.slug, page.intro, page.steps = text["slug"], text["intro"], steps
        _publish(page)
        source = source or page


def _trajectory(progress):
    progress.step("trajectory of Gemeente Amersfoort")
    organisation = Organisation.objects.get(slug="amersfoort")
    coordinator = User.objects.get(email="coordinator@amersfoort.example")
    today = timezone.localdate()
    rows = []
    for step, approach, status, note in AMERSFOORT:
        planned_in, done_ago, provider = AMERSFOORT_DETAILS.get(step, (None, None, ""))
        rows.append(
            {
                "step": step,
                "approach": approach,
                "status": status,
                "note": note,
                "planned_on": today + timedelta(days=planned_in) if planned_in is not None else None,
                "done_on": today - timedelta(days=done_ago) if done_ago is not None else None,
                "provider": provider,
            }
        )
    services.save_trajectory(organisation, rows, by=coordinator)


def load(progress):
    home_pages = apps.get_model("knowledge", "HomePage").objects.select_related("locale")
    homes = {home.locale.language_code: home for home in home_pages}
    trainer = User.objects.get(email="trainer@zeist.example")
    indexes = _indexes(progress, homes)
    modules = _modules(progress, indexes, trainer)
    _enrolments(progress, modules, _participants(progress))
    _programmes(progress, {code: _fresh(home) for code, home in homes.items()}, modules)
    _trajectory(progress)


register(load, order=40)
