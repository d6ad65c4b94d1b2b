"""The prose of the case register's demo (`cases/demo.py`): what the demo cases say, in Dutch and Danish.

Written for the demo, as a handler would write it: people are roles ("de indiener", "borgeren", "teamleider"), never
names, addresses or numbers that point to a person. `tests/cases/test_case_demo.py` runs every text through the
personal-data detector.
"""

# Almere: an objection against a parking-permit refusal, settled in part after two calls and an informal approach.
ALMERE_OBJECTION = {
    "reference": "BZ-DEMO-0815",
    "summary": (
        "Bezwaar tegen de weigering van een gehandicaptenparkeerkaart. De indiener vindt dat de medische keuring te "
        "kort was en dat niemand heeft uitgelegd waarom de loopafstand de doorslag gaf. Uit het eerste gesprek blijkt "
        "dat het vooral om de uitleg gaat en om een tijdelijke oplossing voor de komende maanden."
    ),
    "parties": [
        ("citizen", "indiener van het bezwaar"),
        ("decision_officer", "medewerker die de aanvraag heeft beoordeeld"),
    ],
    "contacts": [
        (
            "phone",
            "citizen",
            "Ontvangst van het bezwaar bevestigd en uitgelegd hoe de procedure loopt. De indiener is vooral boos over "
            "de manier waarop de keuring verliep en voelt zich niet gehoord. Gevraagd of een gesprek met de "
            "beoordelaar erbij helpt; daar staat de indiener voor open.",
            "Met de beoordelaar overleggen of een nieuwe keuring mogelijk is en een belafspraak maken.",
        ),
        (
            "phone",
            "citizen",
            "Samen met de beoordelaar gebeld. Uitgelegd waarom de loopafstand de doorslag gaf. Afgesproken dat er "
            "binnen zes weken een tweede keuring komt bij een andere arts, en dat de indiener tot die tijd een "
            "tijdelijke ontheffing krijgt voor de parkeerplaats bij het gezondheidscentrum.",
            "Bevestigingsbrief sturen en de tweede keuring inplannen.",
        ),
    ],
    "informal": {
        "agreements": (
            "De gemeente laat binnen zes weken een tweede medische keuring doen door een andere arts. Tot de uitkomst "
            "bekend is, krijgt de indiener een tijdelijke ontheffing voor de parkeerplaats bij het gezondheidscentrum. "
            "Het deel van het bezwaar over de gang van zaken bij de keuring trekt de indiener in."
        ),
        "actions": (
            "Beoordelaar: tweede keuring aanvragen, binnen een week.\n"
            "Behandelaar: bevestigingsbrief sturen, binnen drie werkdagen.\n"
            "Indiener: laten weten of de voorgestelde datum van de keuring past."
        ),
        "remaining": (
            "Het bezwaar tegen de weigering zelf blijft staan tot de uitkomst van de tweede keuring bekend is; daarna "
            "beslist de gemeente opnieuw."
        ),
    },
}

# Almere: an objection the objections committee referred to mediation at the hearing; closed with an agreement.
ALMERE_MEDIATION = {
    "reference": "BZ-DEMO-0652",
    "summary": (
        "Bezwaar van een ondernemer tegen een last onder dwangsom voor een terras dat te ver op de stoep staat. Bij "
        "de hoorzitting stelde de bezwaarcommissie mediation voor: de ondernemer en de afdeling handhaving spreken al "
        "maanden langs elkaar heen, en de afdeling wil eigenlijk vooral een veilige doorgang voor voetgangers."
    ),
    "parties": [
        ("business", "ondernemer die bezwaar maakte"),
        ("supporter", "vriend van de ondernemer, als steun bij het gesprek"),
        ("team_leader", "teamleider handhaving"),
    ],
    "contacts": [
        (
            "hearing",
            "business",
            "Bij de hoorzitting heeft de commissie mediation voorgesteld. Beide partijen willen het proberen.",
            "De interne mediator vragen en een intakegesprek plannen.",
        ),
    ],
    "mandate": (
        "Mag afspreken dat het terras blijft, mits er een doorgang van ten minste anderhalve meter vrij blijft, en mag "
        "de last onder dwangsom intrekken zodra dat is geregeld."
    ),
    "record": (
        "De partijen hebben afgesproken dat het terras blijft met een vrije doorgang van anderhalve meter, gemarkeerd "
        "met tegels in een andere kleur. De afdeling handhaving trekt de last onder dwangsom in; de ondernemer trekt "
        "het bezwaar in. Over drie maanden bellen ze elkaar om te kijken of het werkt."
    ),
}

# Zeist: an open complaint about how a phone call went.
ZEIST_COMPLAINT = {
    "reference": "KL-DEMO-0311",
    "summary": (
        "Klacht over de bejegening aan de telefoon bij een vraag over de afvalstoffenheffing. De klager voelde zich "
        "afgescheept en kreeg geen antwoord op de vraag waarom de heffing hoger was dan vorig jaar."
    ),
    "parties": [("citizen", "klager"), ("employee", "medewerker van het klantcontactcentrum")],
    "contacts": [
        (
            "phone",
            "citizen",
            "Gebeld om de klacht te bespreken. De klager wil vooral een uitleg van de heffing en een gesprek met de "
            "medewerker staat open. Een bemiddelend gesprek is besproken als mogelijkheid.",
            "Met de leidinggevende van het klantcontactcentrum overleggen over een gesprek.",
        ),
    ],
}

# Copenhagen: the Borgerrådgiver's mediation process. The citizen asked for mediation, the administration was asked
# and said yes, a formøde with each party, one mediation meeting of about an hour and a half with a bisidder, no
# record because the parties did not want one.
KOEBENHAVN = {
    "reference": "BR-DEMO-2026-117",
    "summary": (
        "Borgeren har klaget over forløbet omkring en hjemmehjælpsvisitation og bad selv om mægling hos "
        "Borgerrådgiveren. Borgeren oplever, at forvaltningen ikke lytter, og forvaltningen oplever, at dialogen er "
        "gået i hårdknude. Begge parter ønsker at finde en måde at samarbejde på fremover."
    ),
    "parties": [
        ("citizen", "borgeren, der bad om mægling"),
        ("supporter", "bisidder, som borgeren tog med til mæglingsmødet"),
        ("manager", "afdelingsleder i forvaltningen"),
    ],
    "contacts": [
        (
            "phone",
            "citizen",
            "Borgeren ringede og bad om mægling. Forklaret, hvordan mægling foregår: frivilligt og fortroligt, "
            "formøde med hver part, et mæglingsmøde på cirka halvanden time, og begge parter kan stoppe når som helst.",
            "Spørge forvaltningen, om den vil deltage.",
        ),
        (
            "email",
            "manager",
            "Forvaltningen er spurgt og vil gerne deltage. Afdelingslederen deltager selv og har mandat til at aftale "
            "ændringer i den praktiske tilrettelæggelse.",
            "Aftale formøder med begge parter.",
        ),
    ],
    "mandate": (
        "Kan aftale ændringer i tidspunkter og kontaktform for hjemmehjælpen og en fast kontaktperson i "
        "forvaltningen. Kan ikke ændre selve visitationsafgørelsen."
    ),
}
