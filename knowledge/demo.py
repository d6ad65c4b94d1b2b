"""Demo pages: the home page in nl/da/en and general guidance pages, linked as translations of each other."""

from wagtail.models import Locale, Page

from core.demo import register
from knowledge.demo_pages import HOME, PAGES, TAGS
from knowledge.models import ContentPage, HomePage

LANGUAGES = ("nl", "da", "en")


def _translation(source: Page, language: str) -> Page:
    """The page's translation in `language`, created as a copy when it does not exist yet."""
    if source.locale.language_code == language:
        return source
    locale = Locale.objects.get(language_code=language)
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    return source.copy_for_translation(locale).specific


def _publish(page: Page) -> None:
    page.save_revision(log_action=False).publish(log_action=False)


def load(progress):
    dutch_home = HomePage.objects.get(locale__language_code="nl")
    homes = {}
    for language in progress.iterate(LANGUAGES, "home page"):
        home = _translation(dutch_home, language)
        home.title = home.draft_title = HOME[language]["title"]
        home.lead = HOME[language]["lead"]
        homes[language] = home
        _publish(home)

    pages = {}
    for key in progress.iterate(list(PAGES), "content pages"):
        source = None
        for language in LANGUAGES:
            text = PAGES[key][language]
            if source is None:
                page = ContentPage.objects.filter(
                    translation_key__isnull=False, locale__language_code=language, slug=text["slug"]
                ).first()
                if page is None:
                    page = ContentPage(slug=text["slug"], title=text["title"], summary=text["summary"])
                    page.body = text["body"]
                    homes[language].add_child(instance=page)
                source = page
            else:
                page = _translation(source, language)
            page.title = page.draft_title = text["title"]
            page.slug = text["slug"]
            page.summary = text["summary"]
            page.body = text["body"]
            page.show_in_menus = False  # reached from the home page; the menu holds the sections
            page.tags.set(TAGS[key][language])
            _publish(page)
            pages[(key, language)] = page

    progress.step("home page features")
    for language, stale_home in homes.items():
        # Re-read: translations were added under another instance of this page, so this one's numchild is stale
        # and publishing it would write the stale tree data back (the children would stop routing).
        home = HomePage.objects.get(pk=stale_home.pk)
        home.features = [
            {
                "type": "feature",
                "value": {"title": title, "text": text, "page": pages[(key, language)].pk, "link_text": ""},
            }
            for title, text, key in HOME[language]["features"]
        ]
        _publish(home)


register(load, order=20)
