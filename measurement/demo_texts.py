"""The prose of the generated demo year (`measurement/demo.py`): short texts a handler might type, in Dutch and Danish.

The generator combines them (a subject per kind and policy domain, what the person is after, a line per contact, the
agreements of an informal approach), so a year of cases reads varied without anyone writing four hundred summaries.
People are roles ("de indiener", "borgeren", "de teamleider"), never names, addresses or numbers that point to a
person; `tests/measurement/test_demo.py` runs every generated text through the personal-data detector.
"""

# --- what a case is about: (language, kind) → policy domain → subjects -------------------------------------------

SUBJECTS = {
    ("nl", "objection"): {
        "social": [
            "Bezwaar tegen de afwijzing van huishoudelijke hulp uit de Wmo.",
            "Bezwaar tegen de terugvordering van bijstand over een periode met wisselende inkomsten.",
            "Bezwaar tegen het verlagen van het aantal uren begeleiding.",
            "Bezwaar tegen de weigering van een woningaanpassing.",
            "Bezwaar tegen de beëindiging van een indicatie voor jeugdhulp.",
            "Bezwaar tegen de afwijzing van bijzondere bijstand voor een wasmachine.",
            "Bezwaar tegen een maatregel op de bijstandsuitkering.",
            "Bezwaar tegen de hoogte van de eigen bijdrage voor een scootmobiel.",
        ],
        "taxes": [
            "Bezwaar tegen de WOZ-waarde van een woning: de indiener vindt de vergelijkingspanden niet vergelijkbaar.",
            "Bezwaar tegen de aanslag afvalstoffenheffing voor een huishouden dat kleiner is geworden.",
            "Bezwaar tegen een naheffingsaanslag parkeerbelasting.",
            "Bezwaar tegen de afwijzing van kwijtschelding van gemeentelijke belastingen.",
            "Bezwaar tegen de WOZ-waarde van een bedrijfspand.",
            "Bezwaar tegen de aanslag rioolheffing na een verhuizing.",
        ],
        "environment": [
            "Bezwaar van omwonenden tegen een omgevingsvergunning voor een dakopbouw.",
            "Bezwaar tegen de weigering van een kapvergunning voor een zieke boom.",
            "Bezwaar tegen een vergunning voor een horecaterras.",
            "Bezwaar tegen een vergunning voor een aanbouw aan de achterzijde van een woning.",
            "Bezwaar van een ondernemer tegen voorschriften in een milieuvergunning.",
        ],
        "public_space": [
            "Bezwaar tegen een last onder dwangsom voor een schutting op gemeentegrond.",
            "Bezwaar tegen de weigering van een gehandicaptenparkeerplaats.",
            "Bezwaar tegen een boete voor het verkeerd aanbieden van afval.",
            "Bezwaar tegen het verwijderen van een fietsenrek voor een winkel.",
            "Bezwaar tegen een invordering van kosten na het wegslepen van een auto.",
        ],
        "other": [
            "Bezwaar tegen de weigering om informatie openbaar te maken.",
            "Bezwaar tegen de afwijzing van een subsidie voor een buurtactiviteit.",
            "Bezwaar tegen de weigering van een standplaatsvergunning op de markt.",
        ],
    },
    ("nl", "complaint"): {
        "social": [
            "Klacht over de bejegening aan de telefoon bij het sociaal wijkteam.",
            "Klacht over het uitblijven van een beslissing op een aanvraag voor begeleiding.",
            "Klacht over een huisbezoek dat zonder aankondiging plaatsvond.",
        ],
        "public_space": [
            "Klacht over het uitblijven van een reactie op meldingen over geluidsoverlast.",
            "Klacht over de manier waarop een handhaver een waarschuwing gaf.",
            "Klacht over herhaaldelijk niet geleegde containers.",
        ],
        "taxes": [
            "Klacht over de bereikbaarheid van de belastingbalie.",
            "Klacht over een betalingsherinnering die kwam terwijl er een regeling liep.",
        ],
        "other": [
            "Klacht over een onbeantwoorde brief aan het college.",
            "Klacht over de behandeling aan de balie van het stadhuis.",
        ],
    },
    ("nl", "staff_conflict"): {
        "hr": [
            "Conflict tussen een medewerker en de teamleider over de werkverdeling.",
            "Spanning in een team na een reorganisatie; twee collega's werken niet meer samen.",
            "Verschil van inzicht over de terugkeer na ziekte en de aanpassing van taken.",
            "Conflict tussen twee collega's over de manier van samenwerken in een project.",
            "Vastgelopen gesprek over thuiswerken en bereikbaarheid.",
        ],
    },
    ("nl", "between_organisations"): {
        "other": [
            "Verschil van inzicht met een woningcorporatie over het onderhoud van een speelplaats.",
            "Onenigheid met een buurgemeente over de verdeling van kosten van een gezamenlijke voorziening.",
        ],
    },
    ("da", "objection"): {
        "social": [
            "Klage over afslag på hjemmehjælp til rengøring.",
            "Klage over tilbagebetaling af kontanthjælp for en periode med skiftende indtægt.",
            "Klage over nedsættelse af timer til socialpædagogisk støtte.",
            "Klage over afslag på et hjælpemiddel i hjemmet.",
            "Klage over ophør af merudgiftsydelse.",
        ],
        "taxes": [
            "Klage over opkrævning af ejendomsskat efter et ejerskifte.",
            "Klage over afslag på henstand med betaling af en restance.",
        ],
        "environment": [
            "Klage fra naboer over en byggetilladelse til en tagterrasse.",
            "Klage over afslag på dispensation til et carport.",
            "Klage over vilkår i en miljøgodkendelse til et værksted.",
        ],
        "public_space": [
            "Klage over en afgift for forkert sortering af affald.",
            "Klage over afslag på en handicapparkeringsplads.",
            "Klage over et påbud om at fjerne en hæk ud mod fortovet.",
        ],
        "other": [
            "Klage over afslag på aktindsigt.",
            "Klage over afslag på tilskud til en foreningsaktivitet.",
        ],
    },
    ("da", "complaint"): {
        "social": [
            "Henvendelse til Borgerrådgiveren om manglende svar fra jobcentret.",
            "Henvendelse om den måde, et hjemmebesøg blev gennemført på.",
            "Henvendelse om lang sagsbehandlingstid på en ansøgning om støtte.",
            "Henvendelse om uenighed med hjemmeplejen om tidspunkter for besøg.",
        ],
        "public_space": [
            "Henvendelse om manglende reaktion på klager over støj fra en byggeplads.",
            "Henvendelse om tonen i en samtale med en parkeringsvagt.",
        ],
        "other": [
            "Henvendelse om et brev til forvaltningen, der ikke er besvaret.",
            "Henvendelse om betjeningen i Borgerservice.",
        ],
    },
    ("da", "between_organisations"): {
        "other": [
            "Uenighed med en boligforening om vedligeholdelse af en legeplads.",
            "Uenighed med en nabokommune om fordeling af udgifter til en fælles ordning.",
        ],
    },
    ("da", "staff_conflict"): {
        "hr": [
            "Konflikt mellem en medarbejder og lederen om fordeling af opgaver.",
            "Samarbejdsvanskeligheder i en afdeling efter en omstrukturering.",
            "Uenighed om tilbagevenden efter sygdom og tilpasning af opgaver.",
            "Konflikt mellem to kolleger om arbejdsdeling i et projekt.",
        ],
    },
}

# What the person is after, as the first contact showed it.
CONCERNS = {
    ("nl", "objection"): [
        "In het eerste gesprek blijkt dat de indiener vooral uitleg wil over hoe het besluit tot stand kwam.",
        "De indiener voelt zich niet gehoord en wil dat iemand naar de persoonlijke situatie kijkt.",
        "Het gaat de indiener om een praktische oplossing voor de komende maanden, minder om het besluit zelf.",
        "De indiener twijfelt of alle stukken zijn meegewogen en wil die graag toelichten.",
        "De indiener is het oneens met de uitkomst, maar staat open voor een gesprek met de behandelaar.",
        "De indiener wil vooral weten welke mogelijkheden er nog zijn.",
    ],
    ("nl", "complaint"): [
        "De klager wil vooral erkenning dat het anders had gemoeten.",
        "De klager wil weten wat er met de melding is gebeurd en wanneer er iets verandert.",
        "De klager wil een gesprek met de betrokken afdeling.",
        "De klager vraagt om excuses en een duidelijke afspraak voor de toekomst.",
    ],
    ("nl", "staff_conflict"): [
        "Beide partijen willen verder, maar weten niet hoe ze het gesprek moeten beginnen.",
        "De leidinggevende heeft mediation voorgesteld; beide partijen stemden in.",
        "HR heeft mediation geadviseerd voordat verdere stappen worden gezet.",
    ],
    ("nl", "between_organisations"): [
        "Beide organisaties willen een oplossing zonder juridische procedure.",
    ],
    ("da", "objection"): [
        "Ved den første samtale viser det sig, at borgeren især ønsker en forklaring på afgørelsen.",
        "Borgeren føler sig ikke hørt og ønsker, at nogen ser på den konkrete situation.",
        "Borgeren ønsker en praktisk løsning de kommende måneder mere end en ny afgørelse.",
        "Borgeren er uenig i afgørelsen, men er åben for en samtale med sagsbehandleren.",
    ],
    ("da", "complaint"): [
        "Borgeren ønsker især en anerkendelse af, at det burde være gået anderledes.",
        "Borgeren ønsker et møde med forvaltningen og en klar aftale fremover.",
        "Borgeren har bedt om mægling gennem Borgerrådgiveren.",
    ],
    ("da", "between_organisations"): [
        "Begge organisationer ønsker en løsning uden en retssag.",
    ],
    ("da", "staff_conflict"): [
        "Begge parter vil gerne videre, men ved ikke, hvordan samtalen skal begynde.",
        "Lederen har foreslået mægling, og begge parter har sagt ja.",
    ],
}

# --- contacts: (language, stage) → (what was discussed, next step) ------------------------------------------------

CONTACTS = {
    ("nl", "first"): [
        ("Ontvangst bevestigd en de procedure uitgelegd. Gevraagd waar het de indiener om gaat.", "Intern overleggen."),
        ("Kennismakingsgesprek. De situatie uitgebreid besproken en samengevat wat de kern is.", "Terugbellen."),
        ("Eerste telefonisch contact; de indiener waardeert dat er gebeld wordt.", "Stukken opvragen."),
        ("Gesprek over de aanleiding. Afgesproken dat de behandelaar de stukken opnieuw bekijkt.", "Dossier nalezen."),
        ("Korte kennismaking per video. Uitgelegd wat een informele aanpak inhoudt.", "Voorstel doen."),
    ],
    ("nl", "middle"): [
        ("Terugkoppeling gegeven na overleg met de afdeling die het besluit nam.", "Voorstel op papier zetten."),
        ("Mogelijke oplossingen doorgenomen; de indiener denkt erover na.", "Over een week opnieuw bellen."),
        ("Aanvullende informatie ontvangen en besproken.", "Met de vakafdeling afstemmen."),
        ("Gesprek samen met de beoordelaar; vragen over het besluit beantwoord.", "Afspraken vastleggen."),
    ],
    ("nl", "last"): [
        ("Afspraken doorgenomen en bevestigd; de indiener is tevreden met de uitleg.", "Bevestigingsbrief sturen."),
        ("Laatste contact: de uitkomst besproken en uitgelegd wat de volgende stap is.", ""),
        ("Nagebeld om te horen of de afspraken zijn nagekomen.", ""),
    ],
    ("da", "first"): [
        ("Modtagelse bekræftet og forløbet forklaret. Spurgt, hvad der er vigtigst for borgeren.", "Drøfte internt."),
        ("Første samtale; situationen gennemgået og kernen opsummeret.", "Ringe tilbage."),
        ("Kort præsentation på video; forklaret hvad en uformel dialog indebærer.", "Sende et forslag."),
    ],
    ("da", "middle"): [
        ("Tilbagemelding efter drøftelse med den afdeling, der traf afgørelsen.", "Skrive forslaget ned."),
        ("Mulige løsninger gennemgået; borgeren overvejer dem.", "Ringe igen om en uge."),
        ("Supplerende oplysninger modtaget og drøftet.", "Afstemme med fagområdet."),
    ],
    ("da", "last"): [
        ("Aftalerne gennemgået og bekræftet.", "Sende en bekræftelse."),
        ("Afsluttende samtale om resultatet og det videre forløb.", ""),
    ],
}

# --- the informal approach: (language, result) → (what was agreed, who does what, what remains) -------------------

INFORMAL = {
    ("nl", "withdrawn"): [
        ("Het besluit is toegelicht; de indiener begrijpt de afweging en trekt het bezwaar in.", "", ""),
        (
            "De gemeente herstelt een rekenfout in een nieuw besluit; het bezwaar wordt ingetrokken.",
            "Behandelaar: nieuw besluit binnen twee weken.",
            "",
        ),
        (
            "Er komt een nieuwe beoordeling met de aanvullende stukken; de indiener trekt het bezwaar in.",
            "Vakafdeling: nieuwe beoordeling binnen vier weken.",
            "",
        ),
        (
            "Afgesproken dat de indiener een betalingsregeling krijgt; het bezwaar wordt ingetrokken.",
            "Invordering: regeling opsturen.",
            "",
        ),
    ],
    ("nl", "partly_withdrawn"): [
        (
            "Over de hoogte van het bedrag is overeenstemming; over de ingangsdatum niet.",
            "Behandelaar: gewijzigd besluit sturen.",
            "De ingangsdatum van het besluit.",
        ),
        (
            "De indiener krijgt tijdelijk extra ondersteuning; het bezwaar over de duur blijft staan.",
            "Wijkteam: ondersteuning inzetten.",
            "De duur van de toekenning.",
        ),
    ],
    ("nl", "kept"): [
        (
            "Het gesprek gaf meer begrip, maar de indiener wil een oordeel van de bezwaarcommissie.",
            "Secretariaat: hoorzitting plannen.",
            "",
        ),
        ("Geen overeenstemming; de formele procedure gaat verder.", "Secretariaat: stukken naar de commissie.", ""),
    ],
    ("da", "withdrawn"): [
        ("Afgørelsen er forklaret; borgeren forstår vurderingen og trækker klagen tilbage.", "", ""),
        (
            "Kommunen retter en beregningsfejl i en ny afgørelse; klagen trækkes tilbage.",
            "Sagsbehandler: ny afgørelse inden for to uger.",
            "",
        ),
    ],
    ("da", "partly_withdrawn"): [
        (
            "Der er enighed om beløbet, men ikke om startdatoen.",
            "Sagsbehandler: sende ændret afgørelse.",
            "Startdatoen for afgørelsen.",
        ),
    ],
    ("da", "kept"): [
        ("Samtalen gav mere forståelse, men borgeren fastholder klagen.", "Sagen sendes videre til ankeinstansen.", ""),
    ],
}

# --- the people involved, as roles: (language, kind) → [(role, description)] --------------------------------------

PARTIES = {
    ("nl", "objection"): [
        [("citizen", "indiener van het bezwaar"), ("decision_officer", "medewerker die het besluit nam")],
        [("citizen", "indiener"), ("representative", "gemachtigde van de indiener")],
        [("business", "ondernemer die bezwaar maakte"), ("decision_officer", "vergunningverlener")],
        [("citizen", "omwonende die bezwaar maakte"), ("business", "aanvrager van de vergunning")],
    ],
    ("nl", "complaint"): [
        [("citizen", "klager"), ("team_leader", "teamleider van de afdeling")],
        [("citizen", "klager"), ("employee", "medewerker over wie geklaagd werd")],
    ],
    ("nl", "staff_conflict"): [
        [("employee", "medewerker"), ("team_leader", "teamleider")],
        [("employee", "medewerker"), ("employee", "collega uit hetzelfde team")],
    ],
    ("nl", "between_organisations"): [
        [("other_organisation", "vertegenwoordiger van de andere organisatie"), ("manager", "afdelingshoofd")],
    ],
    ("da", "objection"): [
        [("citizen", "borgeren, der klagede"), ("decision_officer", "sagsbehandleren bag afgørelsen")],
        [("citizen", "borgeren"), ("supporter", "bisidder")],
    ],
    ("da", "complaint"): [
        [("citizen", "borgeren"), ("manager", "leder i forvaltningen")],
        [("citizen", "borgeren"), ("supporter", "bisidder"), ("employee", "medarbejder i forvaltningen")],
    ],
    ("da", "between_organisations"): [
        [("other_organisation", "repræsentant for den anden organisation"), ("manager", "kontorchef")],
    ],
    ("da", "staff_conflict"): [
        [("employee", "medarbejder"), ("manager", "leder")],
        [("employee", "medarbejder"), ("employee", "kollega")],
    ],
}

MANDATES = {
    "nl": [
        "Mag een nieuw besluit toezeggen binnen de bestaande beleidsregels.",
        "Mag afspraken maken over termijnen en de manier van communiceren.",
        "Mag excuses namens de afdeling aanbieden en een vervolgafspraak toezeggen.",
    ],
    "da": [
        "Kan give tilsagn om en ny afgørelse inden for de gældende retningslinjer.",
        "Kan aftale frister og den videre kommunikation.",
    ],
}

# --- the implementation trajectory of Almere: step → (approach, status, note) -------------------------------------

# step: (approach, status, note, days from today it was done (negative) or is planned (positive), provider)
ALMERE_TRAJECTORY = {
    "board_awareness": ("ourselves", "done", "Presentatie in het college en aan de raadscommissie.", -300, ""),
    "kick_off": ("ourselves", "done", "Startbijeenkomst met bezwaarbehandelaars en klachtcoördinatoren.", -260, ""),
    "internal_mediators": (
        "outsourced",
        "done",
        "Twee medewerkers volgden de opleiding tot interne mediator.",
        -150,
        "Opleidingsinstituut voor mediation (erkende opleiding)",
    ),
    "measuring": ("ourselves", "in_progress", "Registratie in het zakenregister; eerste cijfers.", 30, ""),
    "communication": ("ourselves", "in_progress", "Intranetpagina staat; tekst voor de website volgt.", 45, ""),
    "management_awareness": (
        "outsourced",
        "not_started",
        "Intervisie voor nieuwe mediators wordt ingekocht.",
        90,
        "Regionaal intervisienetwerk mediators",
    ),
}

# The comments of the anonymous evaluations (most answers have none).
EVALUATION_COMMENTS = {
    "nl": [
        "Fijn dat er meteen gebeld werd.",
        "Ik voelde me eindelijk serieus genomen.",
        "Het duurde lang voordat er iets gebeurde.",
        "Duidelijke uitleg, ook al ben ik het niet met alles eens.",
    ],
    "da": ["Godt at blive ringet op.", "Det tog lang tid."],
}
