"""Moderation in a real browser: a member posts in a pre-moderated group, a moderator approves it in the queue, the
member sees the post published and a notification; a member reports a post; a moderator hides a reported post with a
reason, which its reporter and its author then read. axe-core on every moderation page."""

from playwright.sync_api import expect

from forum.models import ForumGroup, Post, Thread
from forum.moderation.models import ReviewItem
from tests.e2e.helpers import check_accessibility, log_in

GROUP = "mediation-sociaal-domein"
TEXT = "Bij ons werkt een kort telefoontje vooraf beter dan een uitnodigingsbrief."


def test_held_post_is_approved_in_the_queue_and_its_author_is_notified(page):
    ForumGroup.objects.filter(slug=GROUP).update(premoderation=ForumGroup.Premoderation.ALL)
    thread = Thread.objects.filter(group__slug=GROUP).order_by("created_at", "pk").first()

    log_in(page, "lid@almere.example")
    page.goto(f"/nl/forum/threads/{thread.pk}/")
    page.get_by_label("Uw bericht").fill(TEXT)
    page.get_by_role("button", name="Plaats reactie").click()
    held = page.locator("li.forum-post", has_text=TEXT)
    expect(held).to_be_visible()
    expect(held.get_by_text("Wacht op moderatie")).to_be_visible()

    log_in(page, "moderator@hilversum.example")
    page.goto("/nl/forum/moderation/")
    expect(page.locator("h1")).to_have_text("Beoordelingswachtrij")
    check_accessibility(page, "moderation-queue-nl")
    page.get_by_role("row").filter(has_text=TEXT[:40]).get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("Te beoordelen item")
    check_accessibility(page, "moderation-item-nl")
    page.get_by_role("button", name="Goedkeuren", exact=True).click()
    expect(page.get_by_text("Het bericht is goedgekeurd.")).to_be_visible()

    page.get_by_role("link", name="Meer acties voor dit bericht").click()
    expect(page.locator("h1")).to_contain_text("Een bericht modereren")
    check_accessibility(page, "moderation-post-nl")

    page.goto("/nl/forum/moderation/audit/")
    expect(page.locator("h1")).to_have_text("Auditlogboek")
    expect(page.get_by_role("cell", name="Goedkeuren").first).to_be_visible()
    check_accessibility(page, "moderation-audit-nl")
    page.goto("/da/forum/moderation/?status=approved")
    expect(page.locator("h1")).to_have_text("Gennemgangskø")
    check_accessibility(page, "moderation-queue-da")

    log_in(page, "lid@almere.example")
    page.goto(f"/nl/forum/threads/{thread.pk}/")
    published = page.locator("li.forum-post", has_text=TEXT)
    expect(published).to_be_visible()
    expect(published.get_by_text("Wacht op moderatie")).to_have_count(0)
    page.goto("/nl/notifications/")
    expect(page.get_by_text(thread.title).first).to_be_visible()


def test_a_member_reports_a_post_through_the_form(page):
    thread = Thread.objects.filter(group__slug=GROUP).order_by("created_at", "pk").first()
    log_in(page, "k.jansen@almere.example")
    page.goto(f"/nl/forum/threads/{thread.pk}/")
    page.get_by_role("link", name="Melden").first.click()
    expect(page.locator("h1")).to_have_text("Een bericht melden")
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_text("Kies een reden.").first).to_be_visible()
    check_accessibility(page, "moderation-report-errors-nl")
    page.get_by_label("Hoort hier niet").check()
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_text("Dank u. De moderatoren kijken naar dit bericht.")).to_be_visible()


def test_a_site_moderator_suspends_a_member_from_their_history_page_and_the_member_sees_until_when(page):
    from accounts.models import User

    member = User.objects.get(email="lid@almere.example")
    thread = Thread.objects.filter(group__slug=GROUP).order_by("created_at", "pk").first()

    log_in(page, "moderator@hilversum.example")
    page.goto(f"/en/forum/moderation/members/{member.pk}/")
    expect(page.locator("h1")).to_contain_text("Moderation history")
    check_accessibility(page, "moderation-member-history-en")
    page.get_by_label("Number of days").fill("5")
    page.locator("textarea[name='suspend_platform-reason']").fill("Herhaaldelijk grof in twee groepen.")
    page.get_by_role("button", name="Suspend in every group").click()
    expect(page.get_by_text("The member is suspended in every group")).to_be_visible()
    check_accessibility(page, "moderation-member-history-suspended-en")

    log_in(page, "lid@almere.example")
    page.goto(f"/en/forum/threads/{thread.pk}/")
    expect(page.get_by_text("You are suspended from the forum until")).to_be_visible()
    expect(page.get_by_role("button", name="Post reply")).to_have_count(0)


REPORTED_TEXT = "Eerlijk gezegd is mediation bij een Wmo-bezwaar vooral uitstel."
EXPLANATION = "Houd het bij de vraag en laat oordelen over collega's weg."


def test_a_moderator_hides_a_reported_post_with_a_reason_and_reporter_and_author_learn_it(page):
    post = Post.objects.get(body_markdown__startswith=REPORTED_TEXT)
    item = ReviewItem.objects.get(post=post, status=ReviewItem.Status.PENDING)

    log_in(page, "moderator@hilversum.example")
    page.goto(f"/nl/forum/moderation/items/{item.pk}/")
    hide_form = page.locator("form").filter(has=page.get_by_role("button", name="Verbergen", exact=True))
    hide_form.get_by_role("button", name="Verbergen", exact=True).click()
    # Without a category the decision is refused on a page of its own, with the form to finish.
    expect(page.locator("input[name='hide-category']").first).to_be_visible()
    check_accessibility(page, "moderation-hide-errors-nl")
    page.get_by_label("Niet respectvol").check()
    page.locator("textarea[name='hide-reason']").fill(EXPLANATION)
    page.get_by_role("button", name="Verbergen", exact=True).click()
    expect(page.get_by_text("Het bericht is verborgen").first).to_be_visible()

    # A reporter hears the outcome with its category, not the moderator's explanation.
    log_in(page, "lid@almere.example")
    page.goto("/nl/notifications/")
    outcome = (
        page.locator("li.notifications-item").filter(has_text=post.thread.title).filter(has_text="Niet respectvol")
    )
    expect(outcome.first).to_be_visible()
    expect(page.get_by_text(EXPLANATION)).to_have_count(0)
    check_accessibility(page, "notifications-report-outcome-nl")

    # The author reads the reason and the explanation above their hidden post.
    log_in(page, "k.jansen@almere.example")
    page.goto(f"/nl/forum/threads/{post.thread_id}/")
    own = page.locator(f"#post-{post.pk}")
    expect(own.get_by_text("Niet respectvol")).to_be_visible()
    expect(own.get_by_text(EXPLANATION)).to_be_visible()
    check_accessibility(page, "thread-hidden-post-reason-nl")
