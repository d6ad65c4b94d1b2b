from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumModerationConfig(AppConfig):
    name = "forum.moderation"
    label = "forum_moderation"
    verbose_name = _("Forum moderation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from forum import permissions, signals
        from forum.moderation import audit, notifications, services, suspensions

        notifications.register()
        permissions.register_restriction_lookup(suspensions.active_suspension)
        signals.post_held.connect(services.on_post_held, dispatch_uid="forum_moderation.post_held")
        signals.post_text_changing.connect(services.on_text_changing, dispatch_uid="forum_moderation.text_changing")
        for signal, receiver in (
            (signals.membership_decided, audit.on_membership_decided),
            (signals.member_invited, audit.on_member_invited),
            (signals.group_settings_changed, audit.on_group_settings_changed),
            (signals.membership_changed, audit.on_membership_changed),
        ):
            signal.connect(receiver, dispatch_uid=f"forum_moderation.audit.{receiver.__name__}")
