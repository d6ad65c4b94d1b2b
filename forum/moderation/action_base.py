"""What every moderator action is (forum.moderation.actions lists them all): a small class with who may take it, the
form it asks, and what it does."""

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Action:
    id = ""
    label: str | Promise = ""
    target = ""  # which kind of object: "item", "post", "revision", "thread", "member", "account", "person"
    form_class: type[forms.Form] | None = None
    primary = False

    def allowed(self, user, obj) -> bool:
        return True

    def prefix(self, obj) -> str:
        return self.id

    def form(self, user, obj, data=None):
        if self.form_class is None:
            return None
        return self.form_class(data, prefix=self.prefix(obj))

    def apply(self, user, obj, data: dict):
        raise NotImplementedError

    def done_message(self):
        return _("Done.")
