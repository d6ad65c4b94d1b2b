"""Demo content for the forum (run by `manage.py demo_content`): groups in nl and da, threads and replies.

Rows are written directly (not through forum.services) so the demo gets realistic dates in the past and does not
send notifications to the demo users. Idempotent: groups and memberships are updated in place, a thread that already
exists (same group and title) is left alone.
"""

from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import Membership, Organisation, User
from core.demo import register
from forum import services
from forum.models import (
    ForumGroup,
    GroupMembership,
    Post,
    PostStatus,
    Thread,
    ThreadPseudonym,
    ThreadWatch,
)
from search import indexing

# Extra colleagues so that an intervision group spans several organisations.
PEOPLE = [
    ("j.vandijk@hilversum.example", "Jeroen", "van Dijk", "nl", "hilversum"),
    ("s.bakker@amersfoort.example", "Sanne", "Bakker", "nl", "amersfoort"),
    ("k.jansen@almere.example", "Karim", "Jansen", "nl", "almere"),
    ("soren@aarhus.example", "Søren", "Holm", "da", "aarhus"),
]

MOD = GroupMembership.Role.MODERATOR
MEMBER = GroupMembership.Role.MEMBER

GROUPS = [
    {
        "slug": "mediation-sociaal-domein",
        "name": "Mediation in het sociaal domein",
        "language": "nl",
        "visibility": ForumGroup.Visibility.PUBLIC,
        "join_policy": ForumGroup.JoinPolicy.OPEN,
        "description": (
            "Voor iedereen die bij bezwaar, Wmo, jeugd of schuldhulp werkt en wil weten wanneer een gesprek meer "
            "oplevert dan een procedure. Openbaar leesbaar; meedoen kan als lid van het platform."
        ),
        "members": [
            ("moderator@hilversum.example", MOD),
            ("lid@almere.example", MEMBER),
            ("k.jansen@almere.example", MEMBER),
            ("redacteur@almere.example", MEMBER),
        ],
    },
    {
        "slug": "netwerk-overheidsmediators",
        "name": "Netwerk overheidsmediators",
        "language": "nl",
        "visibility": ForumGroup.Visibility.PLATFORM,
        "join_policy": ForumGroup.JoinPolicy.REQUEST,
        "premoderation": ForumGroup.Premoderation.FIRST_POSTS,
        "premoderation_first_posts": 2,
        "description": (
            "Gemeenten die elkaars mediators inzetten: afspraken over uitlenen, intake en verslaglegging. "
            "Alleen zichtbaar voor leden van het platform; de eerste berichten van nieuwe leden worden eerst gelezen."
        ),
        "members": [
            ("j.vandijk@hilversum.example", MOD),
            ("trainer@zeist.example", MEMBER),
            ("s.bakker@amersfoort.example", MEMBER),
        ],
    },
    {
        "slug": "intervisie-regio-eemland",
        "name": "Intervisie regio Eemland",
        "language": "nl",
        "visibility": ForumGroup.Visibility.PRIVATE,
        "join_policy": ForumGroup.JoinPolicy.INVITATION,
        "max_members": 10,
        "allow_pseudonyms": True,
        "description": (
            "Besloten intervisiegroep van mediators uit Almere, Amersfoort en Hilversum. We bespreken lopende "
            "casussen volgens de intervisiemethode. Wat hier staat, blijft in de groep."
        ),
        "members": [
            ("coordinator@amersfoort.example", MOD),
            ("lid@almere.example", MEMBER),
            ("s.bakker@amersfoort.example", MEMBER),
            ("j.vandijk@hilversum.example", MEMBER),
            ("moderator@hilversum.example", MEMBER),
        ],
        "invited": [("trainer@zeist.example", "coordinator@amersfoort.example")],
    },
    {
        "slug": "maegling-i-kommunerne",
        "name": "Mægling i kommunerne",
        "language": "da",
        "visibility": ForumGroup.Visibility.PLATFORM,
        "join_policy": ForumGroup.JoinPolicy.OPEN,
        "allow_pseudonyms": True,
        "description": (
            "For medarbejdere i danske kommuner og regioner, der bruger eller overvejer mægling mellem borger og "
            "forvaltning. Del erfaringer og spørg kolleger til råds."
        ),
        "members": [("medlem@kk.example", MOD), ("soren@aarhus.example", MEMBER)],
    },
]

# (group slug, title, template, pseudonymous starter?, [(author e-mail, pseudonymous, hours ago, markdown)])
THREADS = [
    (
        "mediation-sociaal-domein",
        "Wanneer stel je mediation voor bij een bezwaar tegen een Wmo-besluit?",
        Thread.Template.FREE,
        [
            (
                "lid@almere.example",
                False,
                120,
                "Bij ons komen veel bezwaren binnen tegen afwijzingen van huishoudelijke hulp. Vaak blijkt in het "
                "hoorgesprek dat het eigenlijk om vertrouwen gaat, niet om het aantal uren.\n\n"
                "Op welk moment stellen jullie een mediationgesprek voor: al bij de ontvangst van het bezwaar, of "
                "pas tijdens het horen?",
            ),
            (
                "k.jansen@almere.example",
                False,
                96,
                "Wij bellen binnen een week na ontvangst. Dat **telefoontje** is al de helft van het werk: mensen "
                "voelen zich gehoord en een deel trekt het bezwaar daarna in.",
            ),
            (
                "moderator@hilversum.example",
                False,
                72,
                "Bij ons signaleert de hoorder het. Als tijdens de hoorzitting blijkt dat de procedure de relatie "
                "verder beschadigt, schorsen we en bieden we een gesprek aan met een mediator uit het netwerk.",
            ),
            (
                "lid@almere.example",
                False,
                30,
                "> Dat telefoontje is al de helft van het werk\n\nDit ga ik voorstellen aan ons team. Hebben jullie "
                "daar een vaste gesprekshandreiking voor?",
            ),
        ],
    ),
    (
        "netwerk-overheidsmediators",
        "Afspraken over het uitlenen van mediators tussen gemeenten",
        Thread.Template.FREE,
        [
            (
                "j.vandijk@hilversum.example",
                False,
                200,
                "Sinds we mediators uitwisselen met Almere merken we dat niet iedereen dezelfde afspraken hanteert. "
                "Voorstel voor een minimale set:\n\n- wie betaalt de uren (niemand: we ruilen)\n- wie doet de intake\n"
                "- wat er in het dossier komt (alleen dat er gemedieerd is, niet de inhoud)",
            ),
            (
                "s.bakker@amersfoort.example",
                False,
                150,
                "Eens. Ik zou toevoegen dat de mediator nooit uit dezelfde afdeling komt als een van de partijen, "
                "ook niet bij een kleine gemeente.",
            ),
            (
                "trainer@zeist.example",
                False,
                100,
                "Voor de training van nieuwe netwerkmediators kunnen we deze afspraken als casus gebruiken.",
            ),
        ],
    ),
    (
        "intervisie-regio-eemland",
        "Casus: vastgelopen gesprek tussen teamleider en medewerker na re-integratie",
        Thread.Template.CASE,
        [
            (
                "lid@almere.example",
                True,
                50,
                "## De situatie\n\nEen medewerker komt terug na langdurig verzuim. De teamleider en de medewerker "
                "spreken elkaar alleen nog via e-mail. In het eerste mediationgesprek ging het vooral over het "
                "verleden.\n\n## Mijn vraag aan de groep\n\nHoe krijg ik het gesprek op de toekomst gericht zonder "
                "dat een van beiden zich weggezet voelt?\n\n## Wat ik al heb geprobeerd\n\nEen tweede gesprek met "
                "een strakke agenda. Dat voelde voor de medewerker als een beoordeling.",
            ),
            (
                "s.bakker@amersfoort.example",
                False,
                40,
                "Herkenbaar. Wat zou er gebeuren als je beiden apart vraagt wat 'goed samenwerken' over drie maanden "
                "concreet betekent, en pas daarna weer samen aan tafel gaat?",
            ),
            (
                "j.vandijk@hilversum.example",
                False,
                26,
                "Een vraag ter verheldering: weet de medewerker dat de teamleider zelf ook om mediation vroeg? "
                "Dat verandert soms de toon.",
            ),
            (
                "lid@almere.example",
                True,
                20,
                "Goede vraag: nee, dat weet de medewerker niet. Ik ga het de teamleider voorstellen om dat zelf te "
                "vertellen.",
            ),
        ],
    ),
    (
        "maegling-i-kommunerne",
        "Hvornår er en klagesag egnet til mægling?",
        Thread.Template.FREE,
        [
            (
                "medlem@kk.example",
                False,
                90,
                "Vi oplever, at mange klager egentlig handler om, hvordan borgeren er blevet mødt, mere end om selve "
                "afgørelsen. Hvilke kriterier bruger I, når I vurderer, om en sag er egnet til mægling?",
            ),
            (
                "soren@aarhus.example",
                False,
                60,
                "Vi spørger os selv: kan mæglingen give borgeren noget andet end den almindelige klagebehandling? "
                "Hvis svaret kun er 'en hurtigere afgørelse', er det sjældent mægling.",
            ),
            (
                "medlem@kk.example",
                False,
                12,
                "Godt kriterium. Vi deler sagen op i et sagsspor og et relationsspor – mægling hjælper især på det "
                "sidste.",
            ),
        ],
    ),
]


def _person(email, first, last, language, org_slug):
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, first_name=first, last_name=last, preferred_language=language)
        user.email_verified_at = timezone.now()
        user.set_password(DEMO_PASSWORD)
        user.save()
    Membership.objects.update_or_create(
        user=user,
        organisation=Organisation.objects.get(slug=org_slug),
        defaults={"status": Membership.Status.ACTIVE, "source": Membership.Source.DOMAIN},
    )
    return user


def _group(spec):
    fields = {k: v for k, v in spec.items() if k not in ("slug", "members", "invited")}
    group, _created = ForumGroup.objects.update_or_create(slug=spec["slug"], defaults=fields)
    for email, role in spec["members"]:
        GroupMembership.objects.update_or_create(
            group=group,
            user=User.objects.get(email=email),
            defaults={"role": role, "status": GroupMembership.Status.ACTIVE},
        )
    for email, by in spec.get("invited", []):
        GroupMembership.objects.get_or_create(
            group=group,
            user=User.objects.get(email=email),
            defaults={"status": GroupMembership.Status.INVITED, "invited_by": User.objects.get(email=by)},
        )
    return group


def _thread(group, title, template, posts):
    if Thread.objects.filter(group=group, title=title).exists():
        return
    now = timezone.now()
    starter_email, starter_pseudo, hours, _text = posts[0]
    starter = User.objects.get(email=starter_email)
    created = now - timedelta(hours=hours)
    thread = Thread.objects.create(
        group=group,
        title=title,
        author=starter,
        is_pseudonymous=starter_pseudo,
        template=template,
        created_at=created,
        last_activity_at=created,
    )
    numbers = {}
    for email, pseudonymous, hours_ago, text in posts:
        author = User.objects.get(email=email)
        when = now - timedelta(hours=hours_ago)
        post = Post.objects.create(
            thread=thread,
            author=author,
            is_pseudonymous=pseudonymous,
            body_markdown=text,
            status=PostStatus.PUBLISHED,
            created_at=when,
            published_at=when,
        )
        if thread.first_post_id is None:
            thread.first_post = post
            thread.save(update_fields=["first_post"])
        if pseudonymous and author.pk not in numbers:
            numbers[author.pk] = len(numbers) + 1
            ThreadPseudonym.objects.create(thread=thread, user=author, number=numbers[author.pk])
        ThreadWatch.objects.get_or_create(thread=thread, user=author)
        GroupMembership.objects.filter(group=group, user=author).update(posts_approved=F("posts_approved") + 1)
        indexing.schedule(post)
    services.refresh_thread_stats(thread)
    indexing.schedule(thread)


def load(progress):
    for person in progress.iterate(PEOPLE, "forum participants"):
        _person(*person)
    groups = {spec["slug"]: _group(spec) for spec in progress.iterate(GROUPS, "forum groups")}
    for slug, title, template, posts in progress.iterate(THREADS, "forum threads"):
        _thread(groups[slug], title, template, posts)


register(load, order=70)
