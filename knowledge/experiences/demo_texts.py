"""Texts of the demo experiences: invented, anonymised cases in the spirit of the seed documents.

Each experience: (slug, organisation slug, show organisation, related protocol slugs, fields). The submissions
at the end are a demo member's work in progress, so the moderators' queue and "my contributions" are populated.
"""

INDEX = {
    "nl": {
        "title": "Ervaringen",
        "slug": "ervaringen",
        "intro": "Collega's uit andere organisaties vertellen hoe zij een conflict aanpakten: wat werkte, wat niet, "
        "en wat zij een volgende keer anders zouden doen. Alles is geanonimiseerd.",
    },
    "da": {
        "title": "Erfaringer",
        "slug": "erfaringer",
        "intro": "Kolleger fra andre organisationer fortæller, hvordan de håndterede en konflikt: hvad der virkede, "
        "hvad der ikke gjorde, og hvad de ville gøre anderledes næste gang. Alt er anonymiseret.",
    },
    "en": {
        "title": "Shared experiences",
        "slug": "shared-experiences",
        "intro": "Colleagues from other organisations describe how they handled a conflict: what worked, what did "
        "not, and what they would do differently next time. Everything is anonymised.",
    },
}

EXPERIENCES = {
    "nl": [
        {
            "slug": "geweigerde-vergunning-opgelost-met-een-telefoontje",
            "organisation": "almere",
            "show_organisation": True,
            "protocols": ["bellen-na-bezwaar-en-informele-aanpak"],
            "tags": ["bezwaar", "bellen na bezwaar", "informele aanpak"],
            "submitter": "lid@almere.example",
            "title": "Geweigerde vergunning opgelost met één telefoontje",
            "setting": "citizen_government",
            "case_kind": "Bezwaar tegen de weigering van een vergunning voor een dakkapel",
            "outcome": "resolved",
            "what_happened": "Een inwoner diende een boos bezwaarschrift in tegen de weigering van zijn aanvraag. "
            "Uit de brief bleek dat hij de weigering las als een oordeel over zijn hele plan, terwijl alleen de "
            "hoogte van de dakkapel niet binnen de regels paste.\n\nDe behandelaar had de aanvraag destijds "
            "schriftelijk afgedaan, zonder contact. De inwoner voelde zich daardoor niet gehoord.",
            "approach": "Binnen een week na ontvangst belde een collega van de afdeling bezwaar de inwoner op. Zij "
            "vroeg eerst wat hij met het bezwaar wilde bereiken en liet hem zijn verhaal doen. Daarna legde zij uit "
            "welk deel van het plan het probleem was, en schakelde zij de vergunningverlener in voor een gesprek "
            "aan de keukentafel over een lagere variant.\n\nDe afspraken zijn vastgelegd in een beslissing "
            "informele aanpak (BIA), die de inwoner per e-mail ontving.",
            "lessons": "Een vroeg telefoontje haalt de angel eruit: de inwoner wilde vooral begrijpen waarom. "
            "Vraag eerst naar het doel van het bezwaar voordat u de regels uitlegt. Leg de afspraken kort vast, "
            "zodat de behandelaar en de inwoner hetzelfde voor ogen hebben. Het bezwaar werd ingetrokken en de "
            "aangepaste aanvraag werd verleend.",
        },
        {
            "slug": "klacht-over-bejegening-aan-de-balie",
            "organisation": "hilversum",
            "show_organisation": False,
            "protocols": ["mediation-bij-een-bezwaar"],
            "tags": ["klacht", "mediation", "bejegening"],
            "title": "Klacht over bejegening aan de balie",
            "setting": "citizen_government",
            "case_kind": "Klacht over de bejegening door een baliemedewerker",
            "outcome": "partly",
            "what_happened": "Een inwoonster klaagde dat zij aan de balie kortaf was behandeld toen zij een "
            "uitkeringszaak kwam bespreken. De medewerker herkende zich niet in die beschrijving. Na twee "
            "briefwisselingen stonden beide kanten tegenover elkaar en dreigde een klacht bij de ombudsman.",
            "approach": "De klachtencoördinator stelde een gesprek voor met een interne mediator van een andere "
            "afdeling. In twee voorgesprekken hoorde de mediator beide kanten apart; in het gezamenlijke gesprek "
            "vertelde de inwoonster hoe onzeker zij zich die dag voelde, en legde de medewerker uit hoe druk het "
            "aan de balie was.",
            "lessons": "Over wat er precies gezegd was, werden zij het niet eens. Wel kwam er begrip over en weer, "
            "en de inwoonster zag af van verdere stappen. Een interne mediator van buiten de eigen afdeling werd "
            "door beide partijen als neutraal ervaren. Plan genoeg tijd in voor de voorgesprekken: daar ontstaat "
            "het vertrouwen.",
        },
        {
            "slug": "vastgelopen-samenwerking-na-een-reorganisatie",
            "organisation": "zeist",
            "show_organisation": False,
            "protocols": ["mediation-tussen-medewerker-en-leidinggevende"],
            "tags": ["personeel", "interne mediator", "reorganisatie"],
            "title": "Vastgelopen samenwerking na een reorganisatie",
            "setting": "workplace",
            "case_kind": "Conflict tussen een teamleider en een ervaren medewerker",
            "outcome": "resolved",
            "what_happened": "Na een reorganisatie kreeg een ervaren beleidsmedewerker een nieuwe teamleider. "
            "Binnen enkele maanden communiceerden zij alleen nog per mail, en de medewerker meldde zich geregeld "
            "ziek. Personeelszaken overwoog een formeel traject.",
            "approach": "In overleg met de bedrijfsarts stelde de HR-adviseur mediation voor, met een mediator uit "
            "de regionale pool zodat niemand van de eigen organisatie aan tafel zat. Beide deelnemers kregen "
            "vooraf uitleg over vrijwilligheid en vertrouwelijkheid. In drie gesprekken maakten zij afspraken over "
            "overleg, taakverdeling en hoe zij elkaar aanspreken.",
            "lessons": "Een mediator van buiten de organisatie maakte het makkelijker om open te zijn. Leg vooraf "
            "vast wat er na afloop wel en niet naar de leidinggevende van de teamleider gaat. De leidinggevende "
            "moet ruimte geven voor het traject, ook als het werk even blijft liggen.",
        },
        {
            "slug": "twee-gemeenten-en-een-gedeeld-fietspad",
            "organisation": "amersfoort",
            "show_organisation": True,
            "protocols": [],
            "tags": ["samenwerking", "externe mediator", "tussen organisaties"],
            "title": "Twee gemeenten en een gedeeld fietspad",
            "setting": "organisations",
            "case_kind": "Geschil tussen gemeenten over de kosten van gezamenlijk onderhoud",
            "outcome": "not_resolved",
            "what_happened": "Twee buurgemeenten legden samen een fietspad aan over de gemeentegrens. Over de "
            "verdeling van de onderhoudskosten verschilden zij van mening, en de ambtelijke contacten verslechterden "
            "zo dat ook andere gezamenlijke projecten vertraging opliepen.",
            "approach": "De gemeentesecretarissen vroegen een externe mediator met kennis van het openbaar bestuur. "
            "Aan tafel zaten van beide kanten een beleidsadviseur en een ambtenaar met mandaat om afspraken te "
            "maken. De mediator bracht eerst de belangen in kaart: voorspelbare kosten voor de een, een eerlijke "
            "verdeling naar gebruik voor de ander.",
            "lessons": "Over de kosten kwam geen akkoord; dat ligt nu bij de bestuurders. Toch was het traject de "
            "moeite waard: de andere projecten lopen weer, en beide gemeenten weten precies waar het verschil zit. "
            "Zorg dat wie aan tafel zit ook echt mandaat heeft, anders blijft elk voorstel hangen.",
        },
    ],
    "da": [
        {
            "slug": "borger-foelte-sig-ikke-hoert",
            "organisation": "koebenhavn",
            "show_organisation": True,
            "protocols": ["maegling-mellem-borger-og-forvaltning"],
            "tags": ["klage", "mægling", "relationsspor"],
            "submitter": "medlem@kk.example",
            "title": "En borger, der ikke følte sig hørt",
            "setting": "citizen_government",
            "case_kind": "Klage over sagsbehandlingen i en sag om hjælpemidler",
            "outcome": "resolved",
            "what_happened": "En borger havde i lang tid været utilfreds med kontakten til forvaltningen i en sag om "
            "hjælpemidler. Selve afgørelsen var rigtig nok, men borgeren oplevede at blive sendt rundt mellem "
            "medarbejdere uden at nogen lyttede.",
            "approach": "Borgerrådgiveren tilbød mægling i stedet for almindelig klagebehandling. Efter et formøde "
            "med borgeren blev emnerne aftalt, og forvaltningen sagde ja til at deltage med den teamleder, som "
            "kendte sagen. Mødet varede halvanden time, og parterne førte selv ordet.",
            "lessons": "Mæglingen handlede om relationen, ikke om afgørelsen. Borgeren fik en undskyldning for "
            "forløbet og en fast kontaktperson fremover. Vælg deltagerne fra forvaltningen ud fra det, borgeren "
            "oplever som kernen i konflikten.",
        },
        {
            "slug": "leder-og-medarbejder-uenige-om-opgaver",
            "organisation": "aarhus",
            "show_organisation": False,
            "protocols": ["maegling-mellem-medarbejder-og-leder"],
            "tags": ["arbejdsplads", "intern mægler"],
            "title": "Leder og medarbejder uenige om opgaverne",
            "setting": "workplace",
            "case_kind": "Konflikt om fordeling af arbejdsopgaver",
            "outcome": "partly",
            "what_happened": "En medarbejder følte sig forbigået, da nye opgaver blev fordelt i afdelingen. Lederen "
            "mente, at fordelingen var saglig. Samtalerne mellem dem endte hver gang i skænderi.",
            "approach": "HR tilbød mægling ved en intern mægler fra en anden forvaltning. Begge sagde ja. Ved to "
            "møder fik de talt om forventninger, og de aftalte faste opfølgningssamtaler hver måned.",
            "lessons": "Uenigheden om selve fordelingen består, men tonen er blevet bedre, og de taler sammen igen. "
            "Frivillighed er afgørende: det hjalp, at begge vidste, at de kunne stoppe når som helst.",
        },
        {
            "slug": "to-forvaltninger-og-et-faelles-projekt",
            "organisation": "region-hovedstaden",
            "show_organisation": True,
            "protocols": [],
            "tags": ["samarbejde", "mellem organisationer"],
            "title": "To forvaltninger og et fælles projekt",
            "setting": "organisations",
            "case_kind": "Uenighed om ansvar i et tværgående projekt",
            "outcome": "not_resolved",
            "what_happened": "To forvaltninger delte ansvaret for et projekt om sammenhængende borgerforløb. Ingen "
            "af dem ville stå for den fælles borgerkontakt, og projektet gik i stå.",
            "approach": "En ekstern mægler ledte tre møder med projektlederne. De kortlagde interesser og "
            "bekymringer, men projektlederne havde ikke mandat til at flytte ressourcer.",
            "lessons": "Uden mandat ved bordet kan mægling kun afklare, ikke løse. Sagen gik videre til "
            "direktionerne med et fælles overblik over uenighederne, hvilket gjorde beslutningen lettere.",
        },
    ],
    "en": [
        {
            "slug": "calling-after-an-objection-to-a-tax-assessment",
            "organisation": "waterschap-vallei",
            "show_organisation": False,
            "protocols": ["calling-after-an-objection"],
            "tags": ["objection", "calling after objection"],
            "title": "Calling after an objection to a tax assessment",
            "setting": "citizen_government",
            "case_kind": "Objection to a water board tax assessment",
            "outcome": "resolved",
            "what_happened": "A resident objected to a tax assessment that was higher than the year before. The "
            "letter was short and angry, and mentioned that earlier questions had gone unanswered.",
            "approach": "A staff member called within a few days, asked what the resident wanted to achieve and "
            "explained how the assessment had been calculated. It turned out that a change in the household had "
            "not been processed. The assessment was corrected and the agreements were recorded briefly.",
            "lessons": "A phone call answered in ten minutes what a formal procedure would have taken months to "
            "decide. Listen first: the resident's real complaint was that nobody had answered earlier questions.",
        },
        {
            "slug": "a-mediator-from-the-neighbouring-municipality",
            "organisation": "hilversum",
            "show_organisation": False,
            "protocols": [],
            "tags": ["workplace", "mediator pool"],
            "title": "A mediator from the neighbouring municipality",
            "setting": "workplace",
            "case_kind": "Conflict between two colleagues in a small team",
            "outcome": "resolved",
            "what_happened": "Two colleagues in a small team had stopped working together after a disagreement "
            "about a project. In a small organisation every internal mediator knew them both.",
            "approach": "Through the regional network of municipalities that lend each other mediators, a trained "
            "civil servant from a neighbouring municipality led two conversations. The team leader arranged the "
            "time and stayed out of the room.",
            "lessons": "Borrowing a mediator solved the problem of neutrality at no extra cost. Agree beforehand "
            "who is the contact person for the visiting mediator.",
        },
    ],
}

SUBMISSIONS = [
    {
        "author": "lid@almere.example",
        "language": "nl",
        "status": "pending",
        "title": "Buurtbewoners en een evenementenvergunning",
        "setting": "citizen_government",
        "case_kind": "Bezwaar van omwonenden tegen een vergunning voor een festival",
        "outcome": "partly",
        "what_happened": "Een groep omwonenden maakte bezwaar tegen de vergunning voor een meerdaags festival in "
        "het park. Zij vreesden geluidsoverlast en parkeerproblemen.",
        "approach": "Voor de hoorzitting nodigden wij de organisator en twee woordvoerders van de omwonenden uit "
        "voor een gesprek onder leiding van een interne mediator.",
        "lessons": "Afspraken over eindtijden en een aanspreekpunt tijdens het festival namen veel zorgen weg. "
        "Over het aantal dagen bleef verschil bestaan.",
        "tags": "bezwaar, evenementen",
    },
    {
        "author": "lid@almere.example",
        "language": "nl",
        "status": "changes_requested",
        "reason": "Dank voor uw ervaring. Wilt u de straatnaam en de maand weglaten? Die maken de inwoner "
        "herkenbaar. Daarna publiceren wij hem graag.",
        "title": "Overlast van een bedrijfspand in de Stationsstraat",
        "setting": "citizen_government",
        "case_kind": "Klacht over handhaving bij een bedrijfspand",
        "outcome": "resolved",
        "what_happened": "In maart klaagde een bewoner van de Stationsstraat dat de gemeente niets deed tegen "
        "overlast van een naastgelegen bedrijfspand.",
        "approach": "De handhaver en de bewoner spraken elkaar op locatie, samen met de eigenaar van het pand.",
        "lessons": "Ter plekke kijken maakte snel duidelijk wat wel en niet binnen de regels viel.",
        "tags": "klacht, handhaving",
    },
]

# Published through the moderation features: one the author kept for members, one a moderator redacted (the original
# names a neighbour; the made-up surname is kept in the moderators' history until someone purges it).
MODERATED = [
    {
        "author": "lid@almere.example",
        "language": "nl",
        "members_only": True,
        "title": "Een teamleider en een medewerker na een lang verzuim",
        "setting": "workplace",
        "case_kind": "Conflict over re-integratie na ziekteverzuim",
        "outcome": "partly",
        "what_happened": "Na een lange ziekteperiode wilde een medewerker terugkomen in andere taken. De teamleider "
        "vond dat de afspraken met de bedrijfsarts niet werden nagekomen; het gesprek liep vast.",
        "approach": "Een mediator uit een andere afdeling sprak eerst met ieder apart en daarna samen. Het "
        "re-integratieplan werd opnieuw opgesteld, met een vaste evaluatie na zes weken.",
        "lessons": "Houd medische gegevens buiten het gesprek: het gaat over werk en afspraken. Een mediator van "
        "buiten het team maakte het voor beiden veiliger.",
        "tags": "teamconflict, re-integratie",
    },
    {
        "author": "lid@almere.example",
        "language": "nl",
        "members_only": False,
        "title": "Een erfgrens en een schutting",
        "redacted_title": "Een erfgrens en een schutting",
        "setting": "citizen_government",
        "case_kind": "Bezwaar tegen een omgevingsvergunning voor een schutting",
        "outcome": "resolved",
        "what_happened": "Buurman Van Dijkhuizen maakte bezwaar tegen de vergunning voor een schutting van twee "
        "meter op de erfgrens. Hij voelde zich niet gehoord toen de vergunning werd verleend.",
        "redacted_what_happened": "Een buurman maakte bezwaar tegen de vergunning voor een schutting van twee meter "
        "op de erfgrens. Hij voelde zich niet gehoord toen de vergunning werd verleend.",
        "approach": "De vergunningverlener belde beide buren en stelde een gesprek aan de keukentafel voor, met "
        "een mediator van de gemeente.",
        "lessons": "Een bezwaar gaat vaak over niet gehoord zijn. Bellen voordat de bezwaarcommissie begint, "
        "scheelt maanden.",
        "tags": "bezwaar, vergunning",
        "reason": "Ik heb de naam van de buurman weggelaten: die maakt hem herkenbaar.",
    },
]
