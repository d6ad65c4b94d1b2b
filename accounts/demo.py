"""Demo organisations and one demo user per role (development only; the command refuses in production)."""

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import roles
from accounts.models import Membership, Organisation, OrganisationDomain, User
from core.demo import register

DEMO_PASSWORD = "demo-mediation-2026"  # noqa: S105  (printed on purpose: development only)

ORGANISATIONS = [
    # slug, name, kind, country, region, demo e-mail domain (RFC 2606 .example, so no mail can reach a real town)
    ("almere", "Gemeente Almere", "municipality", "NL", "Flevoland", "almere.example"),
    ("hilversum", "Gemeente Hilversum", "municipality", "NL", "Gooi en Vechtstreek", "hilversum.example"),
    ("zeist", "Gemeente Zeist", "municipality", "NL", "Utrecht", "zeist.example"),
    ("amersfoort", "Gemeente Amersfoort", "municipality", "NL", "Utrecht", "amersfoort.example"),
    ("provincie-utrecht", "Provincie Utrecht", "province", "NL", "Utrecht", "provincie-utrecht.example"),
    ("waterschap-vallei", "Waterschap Vallei en Veluwe", "water_board", "NL", "Gelderland", "vallei-veluwe.example"),
    ("ministerie-bzk", "Ministerie van BZK", "central_government", "NL", "", "minbzk.example"),
    ("koebenhavn", "Københavns Kommune", "municipality", "DK", "Hovedstaden", "kk.example"),
    ("aarhus", "Aarhus Kommune", "municipality", "DK", "Midtjylland", "aarhus.example"),
    ("region-hovedstaden", "Region Hovedstaden", "other", "DK", "Hovedstaden", "regionh.example"),
]

# email, first name, last name, language, organisation slug, membership role, group, superuser, what they can do
USERS = [
    ("admin@kennisplatform.example", "Anna", "Beheer", "nl", None, None, None, True, "platform administrator"),
    ("redacteur@almere.example", "Ruud", "de Redacteur", "nl", "almere", "member", roles.EDITORS, False, "editor"),
    ("trainer@zeist.example", "Tessa", "Trainer", "nl", "zeist", "member", roles.TRAINERS, False, "trainer"),
    ("moderator@hilversum.example", "Mo", "Derator", "nl", "hilversum", "member", roles.MODERATORS, False, "moderator"),
    ("coordinator@amersfoort.example", "Cor", "Dinator", "nl", "amersfoort", "coordinator", None, False, "coordinator"),
    ("lid@almere.example", "Lotte", "Lid", "nl", "almere", "member", None, False, "member"),
    ("medlem@kk.example", "Mette", "Medlem", "da", "koebenhavn", "member", None, False, "member (Danish)"),
]


def demo_person(email, first, last, language, org_slug, role=Membership.Role.MEMBER):
    """A demo account with an active membership of `org_slug` (made once; names and role brought up to date on a
    new run). The other apps' demo loaders make their people with it."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, email_verified_at=timezone.now())
        user.set_password(DEMO_PASSWORD)
    user.first_name, user.last_name, user.preferred_language = first, last, language
    user.save()
    Membership.objects.update_or_create(
        user=user,
        organisation=Organisation.objects.get(slug=org_slug),
        defaults={"role": role, "status": Membership.Status.ACTIVE, "source": Membership.Source.DOMAIN},
    )
    return user


def load(progress):
    for slug, name, kind, country, region, domain in progress.iterate(ORGANISATIONS, "organisations"):
        organisation, _ = Organisation.objects.update_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "country": country, "region": region}
        )
        OrganisationDomain.objects.get_or_create(organisation=organisation, domain=domain)

    credentials = []
    for email, first, last, language, org_slug, role, group, superuser, label in progress.iterate(USERS, "users"):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email)
        user.first_name, user.last_name, user.preferred_language = first, last, language
        user.is_superuser = user.is_staff = superuser
        user.email_verified_at = user.email_verified_at or timezone.now()
        user.set_password(DEMO_PASSWORD)
        user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
        if org_slug:
            Membership.objects.update_or_create(
                user=user,
                organisation=Organisation.objects.get(slug=org_slug),
                defaults={"role": role, "status": Membership.Status.ACTIVE, "source": Membership.Source.DOMAIN},
            )
        credentials.append((label, email))

    # A request waiting for the Amersfoort coordinator, so the approval screen has something to show.
    requester = User.objects.filter(email="nieuwe.collega@mail.example").first()
    if requester is None:
        requester = User.objects.create_user(
            email="nieuwe.collega@mail.example",
            password=DEMO_PASSWORD,
            first_name="Noor",
            last_name="Nieuw",
            email_verified_at=timezone.now(),
        )
    Membership.objects.get_or_create(
        user=requester,
        organisation=Organisation.objects.get(slug="amersfoort"),
        defaults={"status": Membership.Status.PENDING, "source": Membership.Source.APPROVAL},
    )
    progress.credentials(credentials, DEMO_PASSWORD)


register(load, order=10)
