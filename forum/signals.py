"""What the forum tells whoever listens (forum.moderation does), so that the forum depends on nobody.

Both are sent inside the transaction that changes the post, and receivers run in it: what they write is rolled back
with the post, and a receiver's error rolls the post back.
"""

from django.dispatch import Signal

# A post waits for approval (pre-moderation held it, when written or when edited). Sent with `post`.
post_held = Signal()

# A post's text is about to change, before the post row is locked. Sent with `post`.
post_text_changing = Signal()

# Group decisions that the audit log keeps (sent inside the transaction, with `by`, the person who took them):
# a request to join accepted or declined (`membership`), a platform member invited (`membership`), a group created
# or its settings changed in the CMS (`group`, `created`, `changes`: a list of (field name, old value, new value)),
# and a membership changed in the CMS (`membership`, `changes`).
membership_decided = Signal()
member_invited = Signal()
group_settings_changed = Signal()
membership_changed = Signal()
