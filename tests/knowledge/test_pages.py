"""The front page and general pages, in every language, with navigation that follows the reader."""

import re

import pytest
from wagtail.models import Page

from knowledge.models import ContentPage, HomePage

# The demo's general pages in three languages, linked as translations, are what these specs read.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

NAVIGATION = {
    "nl": ("Hoofdnavigatie", "Inloggen", "Zoeken", "Ga direct naar de inhoud"),
    "da": ("Hovednavigation", "Log ind", "Søg", "Gå direkte til indholdet"),
    "en": ("Main navigation", "Log in", "Search", "Skip to main content"),
}


@pytest.mark.parametrize("language", ["nl", "da", "en"])
def test_home_page_renders_in_each_language_with_translated_navigation(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    for label in NAVIGATION[language]:
        assert label in page, f"{label!r} missing on the {language} home page"
    home = HomePage.objects.get(locale__language_code=language)
    assert home.title in page
    # The menu lists this language's pages only.
    for item in ContentPage.objects.live().filter(locale__language_code=language):
        assert item.url in page
    other = "da" if language != "da" else "nl"
    assert not any(p.url in page for p in ContentPage.objects.filter(locale__language_code=other).exclude(url_path=""))


def test_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 302 and response.url == "/da/"
    assert client.get("/").url == "/nl/"


def language_links(html):
    nav = re.search(r'<nav class="site-header__languages".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'href="([^"]+)" lang="(\w+)"', nav)[i][::-1] for i in range(3))


def test_language_switch_on_a_content_page_leads_to_its_translation(client):
    dutch = ContentPage.objects.get(slug="wat-is-overheidsmediation")
    links = language_links(client.get(dutch.url).content.decode())
    danish = dutch.get_translation(dutch.get_translations().get(locale__language_code="da").locale)
    assert links["da"] == danish.url == "/da/hvad-er-offentlig-maegling/"
    assert links["en"] == "/en/what-is-mediation-in-government/"
    assert client.get(links["da"]).status_code == 200


def test_language_switch_on_an_app_page_keeps_the_page(client):
    links = language_links(client.get("/nl/accounts/login/").content.decode())
    assert links == {"nl": "/nl/accounts/login/", "da": "/da/accounts/login/", "en": "/en/accounts/login/"}
    assert "Log ind" in client.get(links["da"]).content.decode()


def test_untranslated_page_switches_to_the_other_languages_home(client):
    home = HomePage.objects.get(locale__language_code="nl")
    only_dutch = home.add_child(instance=ContentPage(title="Alleen Nederlands", slug="alleen-nl", summary="x", body=[]))
    links = language_links(client.get(only_dutch.url).content.decode())
    assert links["da"] == "/da/" and links["en"] == "/en/"


def test_content_page_shows_body_tags_and_localised_date(client):
    page = ContentPage.objects.get(slug="drie-soorten-mediators")
    html = client.get(page.url).content.decode()
    assert "De regionale mediatorpool" in html
    assert "mediatorpool" in html
    months = (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    )
    assert any(month in html for month in months), "dates are written out in Dutch"


def test_draft_changes_are_not_shown_to_readers(client):
    page = ContentPage.objects.get(slug="drie-soorten-mediators")
    page.title = "CONCEPT-TITEL die nog niet gepubliceerd is"
    page.save_revision()
    assert "CONCEPT-TITEL" not in client.get(page.url).content.decode()


def test_unpublished_pages_are_not_found(client):
    page = ContentPage.objects.get(slug="regionaal-samenwerken")
    url = page.url
    page.unpublish()
    assert client.get(url).status_code == 404
    assert url not in client.get("/nl/").content.decode()
    assert url not in client.get("/sitemap.xml").content.decode()


def test_home_page_query_count_does_not_grow_with_content(client, django_assert_max_num_queries):
    home = HomePage.objects.get(locale__language_code="nl")
    client.get("/nl/")  # warm per-process caches (site root paths)
    for number in range(25):
        home.add_child(
            instance=ContentPage(
                title=f"Pagina {number}", slug=f"pagina-{number}", summary="s", body=[], show_in_menus=True
            )
        ).save_revision().publish()
    with django_assert_max_num_queries(20):
        assert client.get("/nl/").status_code == 200


def test_content_page_query_count_is_bounded(client, django_assert_max_num_queries):
    page = ContentPage.objects.get(slug="drie-soorten-mediators")
    client.get(page.url)
    with django_assert_max_num_queries(20):
        assert client.get(page.url).status_code == 200


def test_every_page_type_can_only_live_where_it_makes_sense():
    assert HomePage.allowed_parent_page_models() == [Page]
    assert ContentPage in HomePage.allowed_subpage_models()


def test_an_editor_translates_a_page_with_wagtail_localize(client, make_user):
    """Editors start translations in the CMS; the translated page is a linked draft in the target language."""
    from django.contrib.auth.models import Group
    from django.urls import reverse
    from wagtail.models import Locale

    from accounts import roles

    editor = make_user("vertaler@almere.example")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    home = HomePage.objects.get(locale__language_code="nl")
    source = home.add_child(instance=ContentPage(title="Nieuwe handreiking", slug="nieuw", summary="Kort.", body=[]))
    source.save_revision().publish()

    url = reverse("wagtail_localize:submit_page_translation", kwargs={"page_id": source.pk})
    assert client.get(url).status_code == 200
    danish = Locale.objects.get(language_code="da")
    response = client.post(url, {"locales": [danish.pk]})
    assert response.status_code == 302
    translation = source.get_translation(danish)
    assert translation.translation_key == source.translation_key
    assert translation.get_parent().specific == home.get_translation(danish).specific
