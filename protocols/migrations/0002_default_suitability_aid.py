"""Default questions and rules of the suitability aid (nl/da/en), and the editors' right to maintain them.

Written from the pilot's lessons (enmediation) and the Copenhagen Borgerrådgiver's framework: voluntariness of
everyone at the table, internal mediator / regional pool / external mediator, internally sensitive cases and large
interests go outside, lawyers change the dynamics, and an informal approach is recorded in a BIA.
Only creates what is missing: editors' later changes survive a re-run.
"""

from django.db import migrations

YES_NO = [
    ("yes", "Ja", "Ja", "Yes"),
    ("no", "Nee", "Nej", "No"),
]

QUESTIONS = [
    {
        "key": "setting",
        "text": (
            "Om wat voor conflict gaat het?",
            "Hvilken slags konflikt drejer det sig om?",
            "What kind of conflict is it?",
        ),
        "help": ("", "", ""),
        "options": [
            (
                "objection",
                "Een bezwaar van een inwoner tegen een besluit",
                "En borgers klage over en afgørelse",
                "A citizen's objection to a decision",
            ),
            (
                "complaint",
                "Een klacht van een inwoner over hoe hij of zij is behandeld",
                "En borgers klage over sagsbehandlingen eller mødet med forvaltningen",
                "A citizen's complaint about how they were treated",
            ),
            (
                "workplace",
                "Een conflict op het werk (medewerker, collega's, leidinggevende)",
                "En konflikt på arbejdspladsen (medarbejder, kolleger, leder)",
                "A conflict at work (employee, colleagues, manager)",
            ),
            (
                "organisations",
                "Een conflict tussen overheidsorganisaties",
                "En konflikt mellem offentlige organisationer",
                "A conflict between public organisations",
            ),
        ],
    },
    {
        "key": "initiative",
        "text": ("Wie heeft mediation ter sprake gebracht?", "Hvem har bragt mægling på bane?", "Who raised mediation?"),
        "help": ("", "", ""),
        "options": [
            ("both", "Beide partijen vragen erom", "Begge parter har bedt om det", "Both parties asked for it"),
            ("one", "Eén van de partijen vraagt erom", "Én af parterne har bedt om det", "One of the parties asked for it"),
            (
                "nobody",
                "Nog niemand; ik overweeg het voor te stellen",
                "Ingen endnu; jeg overvejer at foreslå det",
                "Nobody yet; I am thinking of proposing it",
            ),
        ],
    },
    {
        "key": "willing",
        "text": (
            "Willen alle partijen meedoen, ook de betrokken ambtenaren?",
            "Vil alle parter deltage, også de involverede medarbejdere i forvaltningen?",
            "Are all parties willing to take part, including the civil servants involved?",
        ),
        "help": (
            "Mediation is vrijwillig: voor iedereen aan tafel en ook voor de mediator.",
            "Mægling er frivillig: for alle ved bordet og også for mægleren.",
            "Mediation is voluntary: for everyone at the table and for the mediator as well.",
        ),
        "options": [
            ("yes", "Ja, iedereen wil het proberen", "Ja, alle vil gerne forsøge", "Yes, everyone wants to try"),
            ("unknown", "Dat weet ik nog niet", "Det ved jeg endnu ikke", "I don't know yet"),
            (
                "no",
                "Nee, ten minste één partij wil niet",
                "Nej, mindst én part ønsker det ikke",
                "No, at least one party does not want to",
            ),
        ],
    },
    {
        "key": "core",
        "text": (
            "Waar gaat het conflict vooral over?",
            "Hvad handler konflikten især om?",
            "What is the conflict mainly about?",
        ),
        "help": (
            "Een conflict heeft vaak een inhoudelijk spoor (de zaak zelf) en een relationeel spoor (hoe partijen "
            "met elkaar omgaan). Mediation werkt vooral op dat tweede spoor.",
            "En konflikt har ofte et sagsspor (selve sagen) og et relationsspor (hvordan parterne oplever hinanden). "
            "Mægling arbejder især med relationssporet.",
            "A conflict often has a substance track (the case itself) and a relationship track (how the parties "
            "experience each other). Mediation works mainly on the second.",
        ),
        "options": [
            (
                "relation",
                "Over de relatie en de communicatie: zich niet gehoord of serieus genomen voelen",
                "Om relationen og kommunikationen: ikke at føle sig set og hørt",
                "About the relationship and communication: not feeling heard or taken seriously",
            ),
            (
                "both",
                "Over de inhoud én over de relatie",
                "Både om sagens indhold og om relationen",
                "About both the substance and the relationship",
            ),
            (
                "legal_only",
                "Alleen over een juridische vraag waarover partijen een uitspraak willen",
                "Kun om et juridisk spørgsmål, som parterne ønsker en afgørelse på",
                "Only about a legal question on which the parties want a ruling",
            ),
        ],
    },
    {
        "key": "sensitive",
        "text": (
            "Ligt de zaak intern gevoelig? Bijvoorbeeld omdat bestuurders, de directie of collega's van de interne "
            "mediators erbij betrokken zijn.",
            "Er sagen følsom internt? For eksempel fordi politikere, direktionen eller kolleger til de interne "
            "mæglere er involveret.",
            "Is the case sensitive within the organisation? For example because board members, senior management or "
            "colleagues of the internal mediators are involved.",
        ),
        "help": ("", "", ""),
        "options": YES_NO,
    },
    {
        "key": "financial",
        "text": (
            "Staan er grote (financiële) belangen op het spel?",
            "Er der store (økonomiske) interesser på spil?",
            "Are large (financial) interests at stake?",
        ),
        "help": ("", "", ""),
        "options": YES_NO,
    },
    {
        "key": "internal_mediator",
        "text": (
            "Heeft uw organisatie een interne mediator die niet bij de zaak betrokken is?",
            "Har din organisation en intern mægler, som ikke er involveret i sagen?",
            "Does your organisation have an internal mediator who is not involved in the case?",
        ),
        "help": ("", "", ""),
        "options": YES_NO,
    },
    {
        "key": "lawyer",
        "text": (
            "Is er een advocaat of andere juridisch gemachtigde bij het conflict betrokken?",
            "Er en advokat eller anden juridisk repræsentant involveret i konflikten?",
            "Is a lawyer or other legal representative involved in the conflict?",
        ),
        "help": ("", "", ""),
        "options": YES_NO,
    },
]

# (key, name, outcome, priority, conditions as "question:option", explanation nl/da/en)
RULES = [
    (
        "contradiction-asked-but-unwilling",
        "Both asked for mediation, yet a party is unwilling",
        "contradiction",
        100,
        ["initiative:both", "willing:no"],
        (
            "U geeft aan dat beide partijen om mediation vragen, maar ook dat ten minste één partij niet wil "
            "meedoen. Dat kan niet allebei waar zijn. Controleer deze twee antwoorden.",
            "Du har svaret, at begge parter har bedt om mægling, men også at mindst én part ikke ønsker at deltage. "
            "Begge dele kan ikke være rigtige. Tjek de to svar.",
            "You indicated that both parties asked for mediation, but also that at least one party does not want to "
            "take part. Both cannot be true. Please check these two answers.",
        ),
    ),
    (
        "party-unwilling",
        "A party is unwilling",
        "not_suitable",
        90,
        ["willing:no"],
        (
            "Mediation is vrijwillig, voor alle partijen en ook voor de mediator. Zolang een partij niet wil, heeft "
            "een mediation geen kans. U kunt later opnieuw polsen; een informeel gesprek kan de deur openhouden.",
            "Mægling er frivillig for alle parter og også for mægleren. Så længe en part ikke ønsker det, kan "
            "mæglingen ikke lykkes. Du kan spørge igen senere; en uformel samtale kan holde døren åben.",
            "Mediation is voluntary for every party and for the mediator too. As long as one party does not want it, "
            "mediation cannot work. You can ask again later; an informal conversation can keep the door open.",
        ),
    ),
    (
        "legal-question-only",
        "Only a legal question",
        "not_suitable",
        80,
        ["core:legal_only"],
        (
            "Mediation richt zich op de relatie en de belangen achter het conflict. Willen partijen alleen een "
            "uitspraak over een juridische vraag, dan voegt mediation nu weinig toe en ligt de gewone procedure "
            "meer voor de hand.",
            "Mægling tager fat i relationen og behovene bag konflikten. Ønsker parterne kun en afgørelse på et "
            "juridisk spørgsmål, tilfører mægling ikke meget lige nu, og den almindelige sagsbehandling er mere "
            "oplagt.",
            "Mediation addresses the relationship and the interests behind the conflict. If the parties only want a "
            "ruling on a legal question, mediation adds little for now and the ordinary procedure is the better route.",
        ),
    ),
    (
        "internally-sensitive",
        "Internally sensitive",
        "external",
        70,
        ["sensitive:yes"],
        (
            "Een zaak die intern gevoelig ligt, hoort niet bij een collega als mediator. Kies een externe mediator, "
            "bij voorkeur met kennis van de overheid, en wijs in de organisatie een vast aanspreekpunt voor hem of "
            "haar aan.",
            "En sag, der er følsom internt, bør ikke ligge hos en kollega som mægler. Vælg en ekstern mægler, gerne "
            "med kendskab til den offentlige sektor, og udpeg en fast kontaktperson i organisationen.",
            "A case that is sensitive within the organisation should not go to a colleague as mediator. Choose an "
            "external mediator, preferably one who knows government, and appoint a fixed contact person for them in "
            "the organisation.",
        ),
    ),
    (
        "large-interests",
        "Large (financial) interests",
        "external",
        65,
        ["financial:yes"],
        (
            "Bij grote (financiële) belangen is een externe mediator aan te raden: onafhankelijkheid weegt dan extra "
            "zwaar. Zorg dat wie aan tafel zit het mandaat heeft om afspraken te maken.",
            "Når der er store (økonomiske) interesser på spil, anbefales en ekstern mægler: uafhængigheden vejer da "
            "ekstra tungt. Sørg for, at de, der sidder ved bordet, har mandat til at indgå aftaler.",
            "With large (financial) interests at stake, an external mediator is advisable: independence weighs extra "
            "heavily. Make sure those at the table have the mandate to make agreements.",
        ),
    ),
    (
        "no-internal-mediator",
        "No independent internal mediator",
        "pool",
        60,
        ["internal_mediator:no"],
        (
            "Zonder onafhankelijke interne mediator biedt de regionale mediatorpool uitkomst: een mediator van een "
            "andere overheidsorganisatie in de regio.",
            "Uden en uafhængig intern mægler kan den regionale mæglerpulje hjælpe: en mægler fra en anden offentlig "
            "organisation i regionen.",
            "Without an independent internal mediator, the regional mediator pool can help: a mediator from another "
            "public organisation in the region.",
        ),
    ),
    (
        "between-organisations",
        "Conflict between organisations",
        "pool",
        55,
        ["setting:organisations"],
        (
            "Bij een conflict tussen organisaties is een mediator van één van beide partijen niet neutraal. Een "
            "mediator uit de regionale pool, van een derde organisatie, is dat wel.",
            "I en konflikt mellem organisationer er en mægler fra en af parterne ikke neutral. En mægler fra den "
            "regionale pulje, fra en tredje organisation, er det.",
            "In a conflict between organisations, a mediator from one of the parties is not neutral. A mediator from "
            "the regional pool, from a third organisation, is.",
        ),
    ),
    (
        "all-willing",
        "Everyone willing",
        "internal",
        50,
        ["willing:yes"],
        (
            "Alle partijen willen meedoen en niets wijst erop dat de mediator van buiten moet komen. Een interne "
            "mediator kan de zaak oppakken; spreek vooraf af wie aan tafel zit en met welk mandaat.",
            "Alle parter vil deltage, og intet peger på, at mægleren skal findes uden for organisationen. En intern "
            "mægler kan tage sagen; aftal på forhånd, hvem der sidder ved bordet og med hvilket mandat.",
            "All parties want to take part and nothing suggests the mediator should come from outside. An internal "
            "mediator can take the case; agree beforehand who sits at the table and with what mandate.",
        ),
    ),
    (
        "willingness-unknown",
        "Willingness not yet known",
        "informal",
        40,
        ["willing:unknown"],
        (
            "Het is nog niet duidelijk of iedereen wil. Begin informeel: bel de inwoner na ontvangst van het "
            "bezwaar of de klacht (of spreek de collega aan), luister naar wat er speelt en vraag of een gesprek "
            "helpt. Leg de afspraak vast in een beslissing informele aanpak (BIA).",
            "Det er endnu ikke klart, om alle vil deltage. Begynd uformelt: ring til borgeren, når klagen er "
            "modtaget (eller tal med kollegaen), lyt til, hvad der er på spil, og spørg, om en samtale kan hjælpe. "
            "Notér aftalen om den uformelle tilgang i sagen.",
            "It is not yet clear whether everyone is willing. Start informally: call the citizen once the objection "
            "or complaint has come in (or talk to the colleague), listen to what is going on and ask whether a "
            "conversation would help. Record the agreement in a decision on an informal approach (BIA).",
        ),
    ),
    (
        "lawyer-involved",
        "A lawyer is involved",
        "note",
        30,
        ["lawyer:yes"],
        (
            "Er is een advocaat betrokken. Dat maakt het vaak lastiger om partijen aan tafel te krijgen. Neem de "
            "advocaat vroeg mee in het voorstel, spreek af welke rol hij of zij aan tafel heeft (adviseur, geen "
            "woordvoerder) en houd er rekening mee dat de juridische procedure doorloopt tot er een akkoord is.",
            "Der er en advokat involveret. Det gør det ofte sværere at få parterne til bordet. Inddrag advokaten "
            "tidligt i forslaget, aftal hvilken rolle advokaten har ved bordet (rådgiver, ikke talsperson), og vær "
            "opmærksom på, at den juridiske sag kører videre, indtil der er en aftale.",
            "A lawyer is involved. That often makes it harder to get the parties to the table. Involve the lawyer "
            "early in the proposal, agree on their role at the table (adviser, not spokesperson), and bear in mind "
            "that the legal procedure continues until there is an agreement.",
        ),
    ),
    (
        "workplace-confidentiality",
        "Workplace conflict: keep it out of the personnel file",
        "note",
        25,
        ["setting:workplace"],
        (
            "Bij een conflict op het werk: betrek de leidinggevende en HR bij het voorstel, maar spreek af dat wat "
            "in de mediation gezegd wordt niet in het personeelsdossier komt.",
            "Ved en konflikt på arbejdspladsen: inddrag lederen og HR i forslaget, men aftal, at det, der siges "
            "under mæglingen, ikke kommer i personalesagen.",
            "In a workplace conflict: involve the manager and HR in the proposal, but agree that what is said in "
            "mediation does not go into the personnel file.",
        ),
    ),
]

EDITOR_MODELS = ("suitabilityquestion", "suitabilityrule")


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; the editors need these now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Question = apps.get_model("protocols", "SuitabilityQuestion")
    Option = apps.get_model("protocols", "AnswerOption")
    Rule = apps.get_model("protocols", "SuitabilityRule")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    options = {}
    for order, spec in enumerate(QUESTIONS):
        nl, da, en = spec["text"]
        help_nl, help_da, help_en = spec["help"]
        question, _ = Question.objects.get_or_create(
            key=spec["key"],
            defaults={
                "text_nl": nl,
                "text_da": da,
                "text_en": en,
                "help_nl": help_nl,
                "help_da": help_da,
                "help_en": help_en,
                "sort_order": order * 10,
            },
        )
        for position, (key, label_nl, label_da, label_en) in enumerate(spec["options"]):
            option, _ = Option.objects.get_or_create(
                question=question,
                key=key,
                defaults={"label_nl": label_nl, "label_da": label_da, "label_en": label_en, "sort_order": position},
            )
            options[f"{spec['key']}:{key}"] = option

    for key, name, outcome, priority, conditions, (nl, da, en) in RULES:
        rule, created = Rule.objects.get_or_create(
            key=key,
            defaults={
                "name": name,
                "outcome": outcome,
                "priority": priority,
                "explanation_nl": nl,
                "explanation_da": da,
                "explanation_en": en,
            },
        )
        if created:
            # Through the join table: a historical model is not clusterable, so a parental relation's set() would
            # only be kept in memory.
            Through = Rule._meta.get_field("conditions").remote_field.through
            Through.objects.bulk_create(
                [Through(suitabilityrule_id=rule.pk, answeroption_id=options[c].pk) for c in conditions]
            )

    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(content_type__app_label="protocols", content_type__model__in=EDITOR_MODELS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("protocols", "0001_initial"),
        ("accounts", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
