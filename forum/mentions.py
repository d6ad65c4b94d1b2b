"""@mentions: members of a group are mentioned by a handle made from their name ("@anne-de-vries").

Only active members of the thread's group can be mentioned — a mention must never tell someone outside a private
group that it exists. Handles are derived, not stored: two members with the same name get "-2", "-3" in the order
they joined the platform, so a handle is stable as long as the group is.
"""

import re

from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify

MENTION_RE = re.compile(r"(?<![\w@/.:-])@([a-z0-9][a-z0-9-]{0,80}[a-z0-9]|[a-z0-9])", re.IGNORECASE)


def base_handle(user) -> str:
    return slugify(user.get_full_name()) or slugify(user.email.partition("@")[0]) or f"member-{user.pk}"


def handles(group) -> dict[str, object]:
    """handle -> user, for the group's active members."""
    # Through the group, not the model: forum.models renders mentions when a post is saved.
    members = [m.user for m in group.memberships.active().select_related("user").order_by("user_id")]
    result = {}
    for user in members:
        handle = base_handle(user)
        candidate, n = handle, 1
        while candidate in result:
            n += 1
            candidate = f"{handle}-{n}"
        result[candidate] = user
    return result


def mentioned_users(text: str, group) -> list:
    found = {m.group(1).lower() for m in MENTION_RE.finditer(text or "")}
    if not found:
        return []
    by_handle = handles(group)
    return [by_handle[h] for h in sorted(found) if h in by_handle]


def link_mentions(html: str, group) -> str:
    """Turns @handles of group members in Markdown's HTML into links to them on the group's member list.

    Runs BEFORE nh3 (forum.markup.render_markdown's `before_sanitising`): the split into tags and text below is a
    regular expression, which a crafted attribute value can fool into linking inside a tag; nh3 cleans whatever
    results, so such a text ends up as harmless text, never as markup of its own.
    """
    if "@" not in html:
        return html
    by_handle = handles(group)
    if not by_handle:
        return html
    # Stored in body_html, so the link is built once, in the group's own language.
    with translation.override(group.language):
        members_url = reverse("forum:group_members", kwargs={"slug": group.slug})

    def replace_text(segment: str) -> str:
        def link(match):
            handle = match.group(1).lower()
            user = by_handle.get(handle)
            if user is None:
                return match.group(0)
            return f'<a class="forum-mention" href="{members_url}#member-{user.pk}">@{handle}</a>'

        return MENTION_RE.sub(link, segment)

    # Split into tags and text; only text between tags is rewritten, and never inside an existing link.
    parts = re.split(r"(<[^>]*>)", html)
    inside_link = False
    for i, part in enumerate(parts):
        if part.startswith("<"):
            tag = part[1:].lstrip("/").split(" ", 1)[0].rstrip(">").lower()
            if tag == "a":
                inside_link = not part.startswith("</")
            continue
        if not inside_link and "@" in part:
            parts[i] = replace_text(part)
    return "".join(parts)
