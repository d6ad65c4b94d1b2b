"""Give a fresh install its languages and a front page.

Creates the Danish and English locales next to the default Dutch one and replaces Wagtail's placeholder
"Welcome" page with the Dutch home page, the root of the default site. The demo content command fills the
home page and adds its Danish and English translations.
"""

import uuid

from django.db import migrations

LEAD = "Protocollen, trainingen, stappenplannen en ervaringen over mediation bij de overheid, op één plek."


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("knowledge.HomePage")

    dutch, _ = Locale.objects.get_or_create(language_code="nl")
    for code in ("da", "en"):
        Locale.objects.get_or_create(language_code=code)

    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    content_type, _ = ContentType.objects.get_or_create(app_label="knowledge", model="homepage")
    root = Page.objects.get(depth=1)
    last_child = Page.objects.filter(depth=2).order_by("-path").first()
    next_number = int(last_child.path[-4:], 36) + 1 if last_child else 1
    path = root.path + _base36(next_number).rjust(4, "0")
    home = HomePage.objects.create(
        title="Kennisplatform Overheidsmediation",
        draft_title="Kennisplatform Overheidsmediation",
        slug="home",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=dutch,
        translation_key=uuid.uuid4(),
        live=True,
        lead=LEAD,
    )
    Page.objects.filter(pk=root.pk).update(numchild=Page.objects.filter(depth=2).count())
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True,
                        site_name="Kennisplatform Overheidsmediation")


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, remainder = divmod(number, 36)
        out = digits[remainder] + out
    return out or "0"


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
