"""Create the role groups (Trainers, Editors, Moderators) with the Wagtail permissions each role needs.

Wagtail's own initial data makes "Editors" (add/change pages) and "Moderators" (also publish) and an approval
workflow for Moderators. On this platform editors publish and approve, moderators work the forum queue and have
no business in the page tree, and trainers write without publishing. This migration reshapes them to that.
"""

from django.db import migrations

PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
    "Trainers": ["add_page", "change_page"],
    "Moderators": [],
}
ADMIN_ACCESS = {"Editors": True, "Trainers": True, "Moderators": False}
# Editors start translations of pages (wagtail-localize); trainers translate their own modules the same way.
TRANSLATE = {"Editors": True, "Trainers": True, "Moderators": False}
COLLECTION_PERMISSIONS = {
    "Editors": [
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
    ],
    "Trainers": [
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
    ],
    "Moderators": [],
}


def ensure_permissions(apps):
    # Permissions are normally created after all migrations ran; this one needs them now.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def forwards(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore.Workflow")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    submit_translation = Permission.objects.get(codename="submit_translation")

    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.create(group=group, page=root_page, permission=permission)
        # Document and image rights go through collections below; nothing global beyond admin access.
        group.permissions.clear()
        if ADMIN_ACCESS[name]:
            group.permissions.add(access_admin)
        if TRANSLATE[name]:
            group.permissions.add(submit_translation)
        GroupCollectionPermission.objects.filter(group=group).delete()
        for app_label, codename in COLLECTION_PERMISSIONS[name]:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            GroupCollectionPermission.objects.create(group=group, collection=root_collection, permission=permission)

    # Approval goes to editors: a trainer's submitted page lands in the editors' queue.
    for task in GroupApprovalTask.objects.all():
        task.groups.set([groups["Editors"]])
        task.name = "Editor approval"
        task.save()
    Workflow.objects.filter(workflow_tasks__task__in=GroupApprovalTask.objects.all()).update(name="Editor approval")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
