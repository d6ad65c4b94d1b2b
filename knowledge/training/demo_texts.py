"""Texts of the demo training catalogue and implementation programme, written for this platform in nl, da and en."""

from core.demo import h, p, ul

INDEX = {
    "nl": {
        "slug": "trainingen",
        "title": "Trainingen",
        "intro": "<p>Trainingen en workshops voor mediators en voor collega's die geen mediator zijn: van een "
        "specialisatie voor overheidsmediators tot een workshop voor een afdeling bezwaar en beroep. Wilt u "
        "mediation in de hele organisatie invoeren? Bekijk dan ook het implementatietraject.</p>",
    },
    "da": {
        "slug": "kurser",
        "title": "Kurser",
        "intro": "<p>Kurser og workshops for mæglere og for kolleger, der ikke er mæglere: fra en specialisering for "
        "offentlige mæglere til en workshop for klagesagsbehandlere. Vil I indføre mægling i hele organisationen? Se "
        "også implementeringsforløbet.</p>",
    },
    "en": {
        "slug": "training",
        "title": "Training",
        "intro": "<p>Courses and workshops for mediators and for colleagues who are not mediators. Introducing "
        "mediation across your organisation? See the implementation programme as well.</p>",
    },
}

# key: audiences, format, max group size, tags per language, texts per language
MODULES = {
    "specialisation": {
        "audiences": ["mediators"],
        "format": "blended",
        "max_group_size": 12,
        "trainers": [
            (
                "Marieke Verhoef",
                {
                    "nl": "Overheidsmediator sinds 2009, voormalig bezwaarjurist.",
                    "da": "Offentlig mægler siden 2009, tidligere jurist i en klageenhed.",
                    "en": "Government mediator since 2009, formerly an objections lawyer.",
                },
            )
        ],
        "tags": {"nl": ["specialisatie", "mediators"], "da": ["specialisering", "mæglere"], "en": ["specialisation"]},
        "nl": {
            "slug": "specialisatie-overheidsmediator",
            "title": "Specialisatie overheidsmediator",
            "summary": "Voor mediators die vaak bemiddelen in zaken waarin een overheidsorganisatie partij is: "
            "mandaat, bestuursrecht en de positie van de ambtenaar aan tafel.",
            "duration": "Drie dagdelen en een terugkomdag",
            "goals": [
                "U herkent wat een zaak met de overheid als partij anders maakt.",
                "U bespreekt vooraf wie met welk mandaat aan tafel zit.",
                "U weet hoe mediation zich verhoudt tot de bezwaarprocedure.",
            ],
            "prerequisites": "<p>Een afgeronde basisopleiding mediation.</p>",
            "programme": h("Dag 1: de overheid als partij")
            + p("Mandaat, politieke verantwoordelijkheid en wat een ambtenaar wel en niet kan toezeggen.")
            + h("Dag 2 en 3: oefenen met zaken uit de praktijk")
            + p("Rollenspellen met bezwaarzaken, klachten en conflicten rond vergunningen."),
        },
        "da": {
            "slug": "specialisering-offentlig-maegler",
            "title": "Specialisering som offentlig mægler",
            "summary": "Til mæglere, der ofte mægler i sager, hvor en offentlig myndighed er part: mandat, "
            "forvaltningsret og den ansattes rolle ved bordet.",
            "duration": "Tre halve dage og en opfølgningsdag",
            "goals": [
                "Du kender forskellen, når en myndighed er part i sagen.",
                "Du afklarer på forhånd, hvem der deltager og med hvilket mandat.",
                "Du ved, hvordan mægling spiller sammen med klagesagsbehandlingen.",
            ],
            "prerequisites": "<p>En gennemført grunduddannelse i mægling.</p>",
            "programme": h("Dag 1: myndigheden som part")
            + p("Mandat, politisk ansvar og hvad en medarbejder kan love.")
            + h("Dag 2 og 3: træning med sager fra praksis")
            + p("Rollespil med klagesager og konflikter om tilladelser."),
        },
        "en": {
            "slug": "specialisation-government-mediator",
            "title": "Specialisation: government mediator",
            "summary": "For mediators who often mediate cases in which a public body is a party: mandate, "
            "administrative law and the civil servant's position at the table.",
            "duration": "Three half days and a follow-up day",
            "goals": [
                "You recognise what changes when government is a party.",
                "You agree beforehand who sits at the table with which mandate.",
            ],
            "prerequisites": "<p>A completed basic mediation course.</p>",
            "programme": p("Mandate and political responsibility; practice with objection cases and complaints."),
        },
    },
    "objections": {
        "audiences": ["objections", "legal"],
        "format": "in_person",
        "max_group_size": 12,
        "trainers": [
            (
                "Joost Hendriks",
                {
                    "nl": "Trainer en voorzitter van een bezwarencommissie.",
                    "da": "Underviser og formand for et klagenævn.",
                    "en": "Trainer and chair of an objections committee.",
                },
            )
        ],
        "tags": {"nl": ["bezwaar", "informele aanpak"], "da": ["klagesager", "dialog"]},
        "nl": {
            "slug": "mediationvaardigheden-bezwaar-en-beroep",
            "title": "Mediationvaardigheden voor bezwaar en beroep",
            "summary": "Een bezwaar begint vaak met een gevoel van onrecht. Leer hoe u met een telefoontje of een "
            "gesprek verder komt dan met een brief, en wanneer u een mediator inschakelt.",
            "duration": "Twee dagdelen",
            "goals": [
                "U voert een informeel gesprek na ontvangst van een bezwaar.",
                "U herkent zaken die geschikt zijn voor mediation en verwijst door.",
                "U legt de informele aanpak vast in een beslissing.",
            ],
            "prerequisites": "",
            "programme": h("Het telefoontje na het bezwaar")
            + p("Luisteren naar wat er achter het bezwaar zit: de zaak én de relatie.")
            + h("Doorverwijzen")
            + ul("Signalen tijdens het horen", "De mediator inschakelen", "Afspraken vastleggen"),
        },
        "da": {
            "slug": "maeglingsfaerdigheder-klagesager",
            "title": "Mæglingsfærdigheder i klagesager",
            "summary": "En klage starter ofte med en følelse af uretfærdighed. Lær at komme videre med en samtale i "
            "stedet for et brev – og hvornår du skal inddrage en mægler.",
            "duration": "To halve dage",
            "goals": [
                "Du tager en uformel samtale, når en klage kommer ind.",
                "Du genkender sager, der egner sig til mægling.",
                "Du dokumenterer den uformelle løsning.",
            ],
            "prerequisites": "",
            "programme": h("Opkaldet efter klagen")
            + p("Hvad ligger bag klagen: både sagen og relationen.")
            + h("Henvisning til mægling")
            + ul("Tegn under partshøringen", "Inddrag mægleren", "Skriv aftalen ned"),
        },
    },
    "dilemmas": {
        "audiences": ["policy", "non_mediators"],
        "format": "in_person",
        "max_group_size": 12,
        "trainers": [
            (
                "Willem van Dijk",
                {
                    "nl": "Trainer en adviseur met dertig jaar ervaring bij de overheid.",
                    "da": "Underviser og rådgiver med tredive års erfaring i det offentlige.",
                },
            )
        ],
        "tags": {"nl": ["dilemma's", "integriteit"], "da": ["dilemmaer", "integritet"]},
        "nl": {
            "slug": "workshop-omgaan-met-dilemmas",
            "title": "Workshop omgaan met dilemma's",
            "summary": "Regels naleven of onevenredige gevolgen voor een inwoner voorkomen? Met eigen casussen en een "
            "stappenplan in drie stappen maakt u dilemma's bespreekbaar en legt u ze voor aan wie beslist.",
            "duration": "Eén dag",
            "goals": [
                "U herkent dilemma's in uw rol als adviseur of uitvoerder.",
                "U brengt belangen en regels in kaart en legt een afweging voor.",
                "U staat stil bij wat een dilemma persoonlijk met u doet.",
            ],
            "prerequisites": "<p>Neem een dilemma uit uw eigen werk mee.</p>",
            "programme": h("Drie stappen")
            + ul(
                "Inventariseren: context, belangen en regels.",
                "Afwegen: publieke, organisatorische, professionele en persoonlijke waarden.",
                "Persoonlijk perspectief: wat raakt u?",
            ),
        },
        "da": {
            "slug": "workshop-dilemmaer",
            "title": "Workshop: dilemmaer i offentligt arbejde",
            "summary": "Følge reglerne eller undgå urimelige konsekvenser for en borger? Med egne sager og en model i "
            "tre trin gør du dilemmaer synlige og lægger dem frem for den, der beslutter.",
            "duration": "En dag",
            "goals": [
                "Du genkender dilemmaer i din rolle som rådgiver eller sagsbehandler.",
                "Du kortlægger interesser og regler og lægger en afvejning frem.",
                "Du forholder dig til, hvad dilemmaet gør ved dig personligt.",
            ],
            "prerequisites": "<p>Tag et dilemma fra dit eget arbejde med.</p>",
            "programme": h("Tre trin")
            + ul(
                "Kortlægning: kontekst, interesser og regler.",
                "Afvejning: offentlige, organisatoriske, faglige og personlige værdier.",
                "Personligt perspektiv: hvad rører det ved?",
            ),
        },
    },
    "managers": {
        "audiences": ["managers"],
        "format": "online",
        "max_group_size": 20,
        "trainers": [
            (
                "Marieke Verhoef",
                {
                    "nl": "Overheidsmediator sinds 2009.",
                    "da": "Offentlig mægler siden 2009.",
                    "en": "Government mediator since 2009.",
                },
            )
        ],
        "tags": {"nl": ["leidinggevenden", "cultuur"], "da": ["ledelse", "kultur"], "en": ["management"]},
        "nl": {
            "slug": "mediationbewustzijn-leidinggevenden",
            "title": "Mediationbewustzijn voor leidinggevenden",
            "summary": "Uw medewerkers zetten mediation pas in als u dat aanmoedigt. Wat vraagt dat van u, en hoe "
            "geeft u hen de tijd en ruimte?",
            "duration": "Twee uur online",
            "goals": ["U weet wanneer mediation een zaak verder helpt.", "U moedigt medewerkers aan en begeleidt hen."],
            "prerequisites": "",
            "programme": p("Korte inleiding, een casus uit een gemeente en een gesprek over uw eigen afdeling."),
        },
        "da": {
            "slug": "maeglingsbevidsthed-ledere",
            "title": "Mæglingsbevidsthed for ledere",
            "summary": "Medarbejderne bruger først mægling, når lederen bakker op. Hvad kræver det af dig, og hvordan "
            "giver du dem tid og rum?",
            "duration": "To timer online",
            "goals": ["Du ved, hvornår mægling hjælper en sag videre.", "Du opmuntrer og støtter dine medarbejdere."],
            "prerequisites": "",
            "programme": p("Kort oplæg, en sag fra en kommune og en samtale om din egen afdeling."),
        },
        "en": {
            "slug": "mediation-awareness-for-managers",
            "title": "Mediation awareness for managers",
            "summary": "Staff use mediation only when their manager encourages it. What does that ask of you, and how "
            "do you give them the time?",
            "duration": "Two hours online",
            "goals": ["You know when mediation moves a case forward.", "You encourage and support your staff."],
            "prerequisites": "",
            "programme": p("A short introduction, a municipal case and a conversation about your own team."),
        },
    },
}

# Sessions per (module, language): days from now, start hour, hours, location, online link, demo participants.
SESSIONS = {
    ("specialisation", "nl"): [
        (24, 9, 7, "Stadhuis Zeist, zaal 2, Het Rond 1, Zeist", "", 3),
        (66, 9, 7, "Provinciehuis Utrecht, Archimedeslaan 6, Utrecht", "", 0),
    ],
    ("objections", "nl"): [
        (17, 13, 4, "Stadhuis Almere, Stadhuisplein 1, Almere", "", 6),
        (52, 9, 4, "Gemeentehuis Hilversum, Dudokpark 1, Hilversum", "", 0),
    ],
    ("dilemmas", "nl"): [
        (31, 9, 7, "Stadhuis Amersfoort, Stadhuisplein 1, Amersfoort", "", 11),
        (80, 9, 7, "Stadhuis Zeist, zaal 2, Het Rond 1, Zeist", "", 2),
    ],
    ("managers", "nl"): [
        (10, 15, 2, "", "https://meet.example/leidinggevenden", 4),
        (45, 15, 2, "", "https://meet.example/leidinggevenden", 0),
    ],
    ("specialisation", "da"): [
        (38, 9, 7, "Københavns Rådhus, lokale 5, Rådhuspladsen 1", "", 2),
        (94, 9, 7, "Aarhus Rådhus, Rådhuspladsen 2, Aarhus", "", 0),
    ],
    ("objections", "da"): [
        (21, 9, 4, "Borgerrådgiveren, København", "", 1),
        (60, 9, 4, "Aarhus Rådhus, Rådhuspladsen 2, Aarhus", "", 0),
    ],
    ("dilemmas", "da"): [
        (28, 9, 7, "Københavns Rådhus, lokale 5, Rådhuspladsen 1", "", 10),
        (73, 9, 7, "Regionsgården, Hillerød", "", 0),
    ],
    ("managers", "da"): [
        (14, 14, 2, "", "https://meet.example/ledere", 0),
        (56, 14, 2, "", "https://meet.example/ledere", 0),
    ],
    ("specialisation", "en"): [
        (42, 9, 7, "", "https://meet.example/specialisation", 0),
        (100, 9, 7, "", "https://meet.example/specialisation", 0),
    ],
    ("managers", "en"): [
        (20, 15, 2, "", "https://meet.example/managers", 0),
        (70, 15, 2, "", "https://meet.example/managers", 0),
    ],
}

PROGRAMME = {
    "nl": {
        "slug": "implementatietraject",
        "title": "Mediation invoeren: het implementatietraject",
        "intro": "<p>Een korte training is niet genoeg om mediation in een organisatie te laten landen: het is "
        "een andere manier van werken. Deze elf stappen helpen daarbij. Per stap kiest uw organisatie of zij het "
        "zelf doet, uitbesteedt of (nog) niet doet – passend bij budget en wensen.</p>",
    },
    "da": {
        "slug": "implementeringsforloeb",
        "title": "Indfør mægling: implementeringsforløbet",
        "intro": "<p>Et kort kursus er ikke nok til at få mægling til at slå rod i en organisation: det er en ny "
        "måde at arbejde på. De elleve trin hjælper på vej. For hvert trin vælger organisationen, om den selv "
        "står for det, køber hjælp udefra eller springer det over.</p>",
    },
    "en": {
        "slug": "implementation-programme",
        "title": "Introducing mediation: the implementation programme",
        "intro": "<p>A short course is not enough to make mediation take root: it is a different way of working. "
        "These eleven steps help. For each one, your organisation decides whether to do it itself, to outsource "
        "it, or to skip it, depending on budget and ambition.</p>",
    },
}

# step key, modules serving it, (title, description) per language
STEPS = [
    (
        "board_awareness",
        [],
        {
            "nl": (
                "Bestuur bewust maken",
                "Wethouders en raadsleden weten wat mediation is en waarom de organisatie het inzet.",
            ),
            "da": (
                "Bevidsthed i den politiske ledelse",
                "Politikerne ved, hvad mægling er, og hvorfor organisationen bruger det.",
            ),
            "en": (
                "Awareness among the board",
                "Elected officials know what mediation is and why the organisation uses it.",
            ),
        },
    ),
    (
        "kick_off",
        [],
        {
            "nl": ("Startbijeenkomst", "Een aftrap waarin iedereen hoort wat er gaat veranderen en wie het trekt."),
            "da": ("Opstartsmøde", "Et møde, hvor alle hører, hvad der ændrer sig, og hvem der står i spidsen."),
            "en": ("Kick-off", "A meeting where everyone hears what will change and who leads it."),
        },
    ),
    (
        "internal_mediators",
        ["specialisation"],
        {
            "nl": (
                "Interne mediators opleiden",
                "Collega's worden mediator, met een specialisatie voor zaken met de overheid.",
            ),
            "da": (
                "Uddannelse af interne mæglere",
                "Kolleger uddannes som mæglere, med en specialisering i offentlige sager.",
            ),
            "en": (
                "Training internal mediators",
                "Colleagues become mediators, specialised in cases involving government.",
            ),
        },
    ),
    (
        "measuring",
        [],
        {
            "nl": ("Meten is weten", "Breng in kaart hoeveel zaken geschikt zijn en wat mediation oplevert."),
            "da": ("Mål og følg op", "Kortlæg, hvor mange sager der egner sig, og hvad mægling giver."),
            "en": ("Measuring", "Find out how many cases are suitable and what mediation achieves."),
        },
    ),
    (
        "management_awareness",
        ["managers"],
        {
            "nl": (
                "Directie en management",
                "Leidinggevenden moedigen aan; beginnende mediators krijgen intervisie en supervisie.",
            ),
            "da": ("Direktion og ledere", "Lederne bakker op; nye mæglere får supervision."),
            "en": ("Directors and management", "Managers encourage their staff; new mediators get supervision."),
        },
    ),
    (
        "communication",
        [],
        {
            "nl": (
                "Communicatie intern en extern",
                "Collega's en inwoners weten dat mediation er is en hoe ze het vragen.",
            ),
            "da": (
                "Kommunikation internt og eksternt",
                "Kolleger og borgere ved, at mægling findes, og hvordan man beder om det.",
            ),
            "en": (
                "Internal and external communication",
                "Colleagues and residents know mediation exists and how to ask.",
            ),
        },
    ),
    (
        "skills_workshops",
        ["objections", "dilemmas"],
        {
            "nl": (
                "Vaardighedenworkshops per afdeling",
                "Voor vakafdelingen, juridische ondersteuning en bezwaar en beroep.",
            ),
            "da": ("Workshops for afdelingerne", "For fagafdelinger, juridisk støtte og klageenheder."),
            "en": ("Skills workshops per department", "For policy departments, legal support and objections teams."),
        },
    ),
    (
        "embedding",
        [],
        {
            "nl": (
                "Borgen in de organisatie",
                "Mediation krijgt een vaste plek in werkprocessen, protocollen en budget.",
            ),
            "da": ("Forankring", "Mægling får en fast plads i arbejdsgange, procedurer og budget."),
            "en": ("Embedding", "Mediation gets a permanent place in processes, protocols and budget."),
        },
    ),
    (
        "train_the_trainer",
        [],
        {
            "nl": ("Train-de-trainer", "Eventueel: interne opleiders leren de trainingen zelf te geven."),
            "da": ("Træn træneren", "Eventuelt: interne undervisere lærer selv at holde kurserne."),
            "en": ("Train-the-trainer", "Optional: internal trainers learn to give the courses themselves."),
        },
    ),
    (
        "project_lead",
        [],
        {
            "nl": ("Projectleiding", "Eén aanjager houdt het traject bij elkaar en zet de eerste stap."),
            "da": ("Projektledelse", "En tovholder holder sammen på forløbet og tager det første skridt."),
            "en": ("Project lead", "One person drives the programme and takes the first step."),
        },
    ),
    (
        "shadowing",
        ["specialisation"],
        {
            "nl": ("Meelopen met ervaren mediators", "Nieuwe mediators kijken mee bij ervaren collega's uit de regio."),
            "da": ("Følg en erfaren mægler", "Nye mæglere følger erfarne kolleger fra regionen."),
            "en": ("Shadowing", "New mediators join experienced colleagues from the region."),
        },
    ),
]

# Gemeente Amersfoort's progress: step, approach, status, note (the dates and providers are in AMERSFOORT_DETAILS)
AMERSFOORT = [
    ("board_awareness", "outsourced", "done", "Presentatie in de raadscommissie in maart."),
    ("kick_off", "ourselves", "done", "Startbijeenkomst met 60 collega's."),
    ("internal_mediators", "outsourced", "in_progress", "Twee collega's volgen de specialisatie."),
    ("measuring", "ourselves", "in_progress", "Telling van geschikte bezwaarzaken loopt."),
    ("management_awareness", "ourselves", "not_started", ""),
    ("communication", "ourselves", "in_progress", "Intranetpagina staat; tekst voor de website volgt."),
    ("skills_workshops", "outsourced", "not_started", "Eerst bezwaar en beroep, daarna vakafdelingen."),
    ("train_the_trainer", "not_planned", "not_started", "Past niet in het budget van dit jaar."),
    ("project_lead", "ourselves", "done", ""),
]

# Dates (days from the day the demo is loaded) and providers: step -> (planned in, done ago, provider)
AMERSFOORT_DETAILS = {
    "board_awareness": (None, 240, "Bureau Mediation & Overheid"),
    "kick_off": (None, 200, ""),
    "internal_mediators": (60, None, "Opleidingsinstituut Midden-Nederland"),
    "measuring": (30, None, ""),
    "management_awareness": (90, None, ""),
    "communication": (45, None, ""),
    "skills_workshops": (150, None, "Bureau Mediation & Overheid"),
    "project_lead": (None, 180, ""),
}

# Demo participants who fill the sessions: (email, first name, last name, language, organisation slug)
PARTICIPANTS = [
    (f"deelnemer{n}@{org}.example", first, "Deelnemer", "nl", org)
    for n, (first, org) in enumerate(
        [
            ("Anouk", "almere"),
            ("Bram", "hilversum"),
            ("Chantal", "zeist"),
            ("Daan", "amersfoort"),
            ("Eva", "almere"),
            ("Floor", "hilversum"),
            ("Gijs", "zeist"),
            ("Hanna", "amersfoort"),
            ("Ilse", "almere"),
            ("Jeroen", "hilversum"),
            ("Karin", "zeist"),
        ],
        start=1,
    )
] + [
    (f"deltager{n}@{domain}", first, "Deltager", "da", org)
    for n, (first, org, domain) in enumerate(
        [
            ("Anders", "koebenhavn", "kk.example"),
            ("Birgitte", "aarhus", "aarhus.example"),
            ("Christian", "koebenhavn", "kk.example"),
            ("Dorthe", "aarhus", "aarhus.example"),
            ("Emil", "region-hovedstaden", "regionh.example"),
            ("Freja", "koebenhavn", "kk.example"),
            ("Gustav", "aarhus", "aarhus.example"),
            ("Hanne", "region-hovedstaden", "regionh.example"),
            ("Ida", "koebenhavn", "kk.example"),
            ("Jens", "aarhus", "aarhus.example"),
            ("Karen", "koebenhavn", "kk.example"),
        ],
        start=1,
    )
]
