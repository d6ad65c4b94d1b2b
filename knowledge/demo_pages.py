"""Texts of the demo pages, per language. Written for this platform from the facts in the source documents."""

from core.demo import h, note, p, ul

HOME = {
    "nl": {
        "title": "Kennisplatform Overheidsmediation",
        "lead": "Voor ambtenaren die een conflict met een inwoner of een collega liever aan tafel oplossen dan in een "
        "procedure: protocollen, trainingen, stappenplannen voor dilemma's en de ervaring van collega's uit andere "
        "organisaties.",
        "features": [
            ("Wat is mediation bij de overheid?", "De uitgangspunten: vrijwillig, vertrouwelijk, onpartijdig.", "what"),
            ("Welke mediator past bij de zaak?", "Intern, uit de regionale pool of extern: zo kiest u.", "kinds"),
            ("Samenwerken in de regio", "Gemeenten die elkaars mediators lenen en samen intervisie houden.", "region"),
            ("Mediation invoeren", "Wat een organisatie nodig heeft om mediation echt te gaan gebruiken.", "adopt"),
        ],
    },
    "da": {
        "title": "Videnplatform for offentlig mægling",
        "lead": "For offentligt ansatte, der hellere løser en konflikt med en borger eller en kollega ved bordet end "
        "gennem en sagsbehandling: procedurer, kurser, trinmodeller til dilemmaer og erfaringer fra kolleger i andre "
        "organisationer.",
        "features": [
            ("Hvad er mægling i det offentlige?", "Grundprincipperne: frivilligt, fortroligt og upartisk.", "what"),
            ("Hvilken mægler passer til sagen?", "Intern, fra det regionale netværk eller ekstern.", "kinds"),
            ("Samarbejde i regionen", "Kommuner, der låner hinandens mæglere og holder fælles supervision.", "region"),
            ("Indfør mægling", "Hvad en organisation har brug for, før mægling bliver en del af hverdagen.", "adopt"),
        ],
    },
    "en": {
        "title": "Knowledge platform for mediation in government",
        "lead": "For civil servants who would rather settle a conflict with a citizen or a colleague at the table than "
        "through a procedure: protocols, training, step-plans for dilemmas and the experience of colleagues in "
        "other organisations.",
        "features": [
            ("What is mediation in government?", "The principles: voluntary, confidential, impartial.", "what"),
            ("Which mediator fits the case?", "Internal, from the regional pool, or external: how to choose.", "kinds"),
            ("Working together in the region", "Municipalities that lend each other mediators.", "region"),
            (
                "Introducing mediation",
                "What an organisation needs before mediation becomes everyday practice.",
                "adopt",
            ),
        ],
    },
}

PAGES = {
    "what": {
        "nl": {
            "slug": "wat-is-overheidsmediation",
            "title": "Wat is mediation bij de overheid?",
            "summary": "Een vrijwillige en vertrouwelijke manier om een conflict tussen inwoner en overheid, of tussen "
            "collega's, samen op te lossen met hulp van een onpartijdige gespreksleider.",
            "body": p(
                "Bij een bezwaar, een klacht of een arbeidsconflict kiest een overheidsorganisatie vaak vanzelf de "
                "juridische route. Toch blijkt tijdens een hoorzitting of een telefoontje na een bezwaar regelmatig dat "
                "een gesprek meer oplevert dan een besluit op papier.",
                "Mediation maakt van dat gesprek een gestructureerd proces. Een onpartijdige mediator leidt het "
                "gesprek; de partijen zoeken zelf naar een uitkomst waar zij mee verder kunnen.",
            )
            + h("Twee sporen in één conflict")
            + p(
                "Een conflict heeft bijna altijd een inhoudelijke kant (de zaak zelf, zoals een uitkering of een "
                "vergunning) en een relationele kant: hoe de inwoner zich behandeld voelt. Mediation werkt vooral aan "
                "dat tweede spoor. Ook als de zaak zelf niet verandert, kan een goed gesprek spanning wegnemen en "
                "vertrouwen herstellen."
            )
            + h("Uitgangspunten")
            + ul(
                "<b>Vrijwillig</b> – iedereen aan tafel, ook de mediator, kan op elk moment stoppen.",
                "<b>Vertrouwelijk</b> – wat in de mediation gezegd wordt, blijft daar.",
                "<b>Onpartijdig</b> – de mediator neemt geen besluit en heeft geen voorkeur voor een uitkomst.",
                "<b>Eigenaarschap</b> – wie het conflict heeft, bepaalt ook de oplossing.",
            )
            + note(
                "Twijfelt u of een zaak geschikt is? Kijk naar wat de partijen zelf willen en naar de kans dat een "
                "gesprek iets oplevert wat de gewone procedure niet biedt."
            ),
        },
        "da": {
            "slug": "hvad-er-offentlig-maegling",
            "title": "Hvad er mægling i det offentlige?",
            "summary": "En frivillig og fortrolig måde at løse en konflikt mellem borger og forvaltning – eller mellem "
            "kolleger – i fællesskab, med hjælp fra en upartisk tredjeperson.",
            "body": p(
                "Når en borger klager, vælger forvaltningen ofte den sædvanlige klagesagsbehandling. Men mange "
                "konflikter handler lige så meget om, hvordan borgeren har oplevet mødet med kommunen, som om selve "
                "afgørelsen.",
                "I en mægling leder en upartisk mægler samtalen, mens parterne selv finder frem til en løsning. "
                "Mægleren træffer ingen afgørelser.",
            )
            + h("Sagsspor og relationsspor")
            + p(
                "Sagssporet handler om indholdet: den hjælp eller ydelse, sagen drejer sig om. Relationssporet handler "
                "om tilliden mellem borger og forvaltning. Mægling arbejder især med relationssporet – at borgeren "
                "bliver set, hørt og mødt – også når der ikke findes en konkret løsning på selve sagen."
            )
            + h("Grundprincipper")
            + ul(
                "<b>Frivillighed</b> – både parterne og mægleren kan til enhver tid trække sig.",
                "<b>Fortrolighed</b> – det, der siges under mæglingen, bliver i rummet.",
                "<b>Upartiskhed</b> – mægleren har ingen ønsker til udfaldet.",
                "<b>Ejerskab</b> – de, der ejer konflikten, ejer også løsningen.",
            )
            + note(
                "En mægling kører ikke samtidig med en almindelig klagesag om det samme: vælg det ene spor ad gangen."
            ),
        },
        "en": {
            "slug": "what-is-mediation-in-government",
            "title": "What is mediation in government?",
            "summary": "A voluntary, confidential way for a citizen and a public body – or two colleagues – to settle a "
            "conflict together, helped by an impartial third person.",
            "body": p(
                "Faced with an objection, a complaint or a dispute at work, public bodies tend to reach for the legal "
                "route. Yet a hearing or a phone call after an objection often shows that a conversation would achieve "
                "more than a decision on paper.",
                "Mediation turns that conversation into a structured process: an impartial mediator leads it, and the "
                "parties look for an outcome they can live with themselves.",
            )
            + h("Two tracks in one conflict")
            + p(
                "Most conflicts have a substantive side (the case itself, such as a benefit or a permit) and a "
                "relational side: how the citizen feels they were treated. Mediation works mainly on the second. Even "
                "when the case itself does not change, a good conversation can reduce tension and restore trust."
            )
            + h("Principles")
            + ul(
                "<b>Voluntary</b> – everyone at the table, the mediator included, can stop at any time.",
                "<b>Confidential</b> – what is said in mediation stays there.",
                "<b>Impartial</b> – the mediator decides nothing and prefers no outcome.",
                "<b>Ownership</b> – those who own the conflict also own the solution.",
            ),
        },
    },
    "kinds": {
        "nl": {
            "slug": "drie-soorten-mediators",
            "title": "Welke mediator past bij de zaak?",
            "summary": "Een organisatie heeft toegang nodig tot drie soorten mediators: een interne mediator, collega's "
            "uit een regionale pool en externe mediators. Zo kiest u.",
            "body": p(
                "Niet elke zaak kan door een eigen collega worden begeleid. Wie de mediator is, hangt af van hoe "
                "gevoelig de zaak binnen de organisatie ligt en wat er op het spel staat."
            )
            + h("De interne mediator")
            + p(
                "Een getrainde collega die snel kan schakelen en de organisatie kent. Geschikt voor veel zaken met "
                "inwoners, zolang de mediator zelf geen partij is en niemand twijfelt aan zijn of haar onpartijdigheid."
            )
            + h("De regionale mediatorpool")
            + p(
                "Mediators van andere overheidsorganisaties in de regio. Zij staan los van het conflict, werken als een "
                "externe mediator, maar zonder het gebruikelijke prijskaartje. Een pool is ook een natuurlijke plek voor "
                "regionale intervisie."
            )
            + h("De externe mediator")
            + p(
                "Voor zaken die intern gevoelig liggen of waarin grote (financiële) belangen spelen. Kies bij voorkeur "
                "iemand met kennis van het openbaar bestuur."
            )
            + note("Werkt u met een mediator van buiten? Wijs één vaste contactpersoon in de organisatie aan.", "ok"),
        },
        "da": {
            "slug": "hvilken-maegler",
            "title": "Hvilken mægler passer til sagen?",
            "summary": "En organisation har brug for adgang til tre slags mæglere: en intern mægler, kolleger fra et "
            "regionalt netværk og eksterne mæglere.",
            "body": p(
                "Ikke alle sager kan håndteres af en kollega fra egen organisation. Valget afhænger af, hvor følsom "
                "sagen er internt, og hvad der står på spil."
            )
            + h("Den interne mægler")
            + p(
                "En uddannet kollega, der kender organisationen og hurtigt kan gå i gang – så længe vedkommende ikke "
                "selv er part i sagen."
            )
            + h("Det regionale netværk")
            + p(
                "Mæglere fra andre offentlige organisationer i regionen. De står uden for konflikten og arbejder som "
                "eksterne mæglere, men uden den sædvanlige regning."
            )
            + h("Den eksterne mægler")
            + p(
                "Til sager, der er følsomme internt, eller hvor store økonomiske interesser er på spil. Vælg gerne en "
                "mægler med kendskab til den offentlige sektor."
            ),
        },
        "en": {
            "slug": "which-mediator",
            "title": "Which mediator fits the case?",
            "summary": "Every organisation needs access to three kinds of mediator: an internal mediator, colleagues from "
            "a regional pool, and external mediators.",
            "body": p(
                "Not every case can be guided by a colleague. The right mediator depends on how sensitive the case is "
                "inside the organisation and what is at stake."
            )
            + h("The internal mediator")
            + p(
                "A trained colleague who knows the organisation and can start quickly, as long as they are not a party."
            )
            + h("The regional pool")
            + p(
                "Mediators from other public bodies in the region: outside the conflict, like an external mediator, "
                "but without the usual invoice."
            )
            + h("The external mediator")
            + p(
                "For cases that are sensitive internally or involve large financial interests; preferably someone who "
                "knows public administration."
            ),
        },
    },
    "region": {
        "nl": {
            "slug": "regionaal-samenwerken",
            "title": "Samenwerken in de regio",
            "summary": "Gemeenten die elkaars mediators lenen, lossen conflicten op zonder rechtszaak en zonder de kosten "
            "van een extern bureau.",
            "body": p(
                "In het midden van het land begonnen Almere, Hilversum en Zeist een netwerk waarin gemeenten elkaars "
                "mediators lenen; inmiddels doen er zeven gemeenten mee. Komt er een zaak binnen, dan bespreekt het "
                "netwerk wie die het best kan oppakken.",
                "De mediators zijn meestal HR-adviseurs of arbeidsjuristen met een mediationopleiding. Zij helpen bij "
                "conflicten tussen werkgever en werknemer en tussen ambtenaren en inwoners.",
            )
            + h("Wat het oplevert")
            + p(
                "Een medewerker die door een conflict thuis zit, moet vervangen en doorbetaald worden – en een "
                "rechtszaak kost nog meer. Een goed gesprek op tijd voorkomt veel daarvan."
            )
            + h("Wat het vraagt")
            + p(
                "Een zaak inbrengen betekent toegeven dat er een probleem is; dat voelt kwetsbaar. Het duurt even "
                "voordat de uitwisseling op gang komt. Een gezamenlijke workshop en duidelijke afspraken helpen."
            ),
        },
        "da": {
            "slug": "regionalt-samarbejde",
            "title": "Samarbejde i regionen",
            "summary": "Kommuner, der låner hinandens mæglere, løser konflikter uden retssager og uden at betale et "
            "eksternt bureau.",
            "body": p(
                "I Holland har en gruppe kommuner dannet et netværk, hvor de låner hinandens mæglere. Når en sag opstår, "
                "aftaler netværket, hvem der bedst kan tage den.",
                "Mæglerne er typisk HR-medarbejdere eller arbejdsretsjurister med en mæglingsuddannelse.",
            )
            + h("Hvad det kræver")
            + p(
                "At bringe en sag ind kræver mod: man indrømmer, at der er et problem. Samarbejdet tager tid at "
                "opbygge, men det betaler sig."
            ),
        },
        "en": {
            "slug": "working-together-in-the-region",
            "title": "Working together in the region",
            "summary": "Municipalities that lend each other mediators settle conflicts without going to court and without "
            "an agency's invoice.",
            "body": p(
                "In the Netherlands, Almere, Hilversum and Zeist started a network in which municipalities lend each "
                "other mediators; seven now take part. When a case comes in, the network agrees who is best placed to "
                "take it.",
            )
            + h("What it takes")
            + p(
                "Bringing in a case means admitting there is a problem, which feels vulnerable. Exchanges take time to "
                "get going; a shared workshop and clear agreements help."
            ),
        },
    },
    "adopt": {
        "nl": {
            "slug": "mediation-invoeren",
            "title": "Mediation invoeren in uw organisatie",
            "summary": "Een training alleen is niet genoeg: mediation invoeren is een cultuurverandering die bestuur, "
            "management en medewerkers raakt.",
            "body": p(
                "Ambtenaren die mediation kennen en er goede ervaringen mee hebben, zetten het vaker in. Gevraagd naar "
                "zaken die geschikt waren geweest, noemden medewerkers er gemiddeld twee – organisatiebreed zijn dat "
                "tientallen zaken per jaar."
            )
            + h("Wat werkt")
            + ul(
                "Leidinggevenden die medewerkers aanmoedigen en begeleiden: hun inzet is doorslaggevend.",
                "Een aanjager die de eerste stap zet, en coördinatoren die partijen informeren en motiveren.",
                "Tijd en prioriteit voor wie aan een mediation deelneemt.",
                "Vooraf helder: wie zit aan tafel, met welk mandaat?",
                "Successen delen, binnen de organisatie en daarbuiten.",
            )
            + h("Informele aanpak vastleggen")
            + p(
                "Niet elke oplossing is een formele mediation. Een telefoontje na een bezwaar of een informeel gesprek "
                "legt u vast in een beslissing informele aanpak (BIA), zodat zichtbaar blijft wat er is gebeurd."
            ),
        },
        "da": {
            "slug": "indfoer-maegling",
            "title": "Indfør mægling i din organisation",
            "summary": "Et kursus er ikke nok: at indføre mægling er en kulturforandring, der berører ledelse og "
            "medarbejdere.",
            "body": p(
                "Medarbejdere, der kender mægling og har gode erfaringer med den, bruger den oftere. Derfor skal "
                "erfaringerne deles – både internt og på tværs af organisationer."
            )
            + h("Det virker")
            + ul(
                "Ledere, der opmuntrer og støtter medarbejderne.",
                "En tovholder, der tager det første skridt.",
                "Tid og prioritet til dem, der deltager i en mægling.",
                "Klarhed på forhånd: hvem deltager, og med hvilket mandat?",
            ),
        },
        "en": {
            "slug": "introducing-mediation",
            "title": "Introducing mediation in your organisation",
            "summary": "Training alone is not enough: introducing mediation is a change of culture that involves the "
            "board, management and staff.",
            "body": p(
                "Civil servants who know mediation and have had good experiences with it use it more often. Asked for "
                "cases that would have suited mediation, staff named two each on average – dozens a year across an "
                "organisation."
            )
            + h("What works")
            + ul(
                "Managers who encourage and support their staff.",
                "Someone who takes the first step, and coordinators who inform and motivate the parties.",
                "Time and priority for those taking part.",
                "Clarity beforehand: who sits at the table, with what mandate?",
            ),
        },
    },
}

TAGS = {
    "what": {
        "nl": ["mediation", "bezwaar", "klacht", "vertrouwelijkheid"],
        "da": ["mægling", "klage", "fortrolighed"],
        "en": ["mediation", "objection", "complaint", "confidentiality"],
    },
    "kinds": {
        "nl": ["interne mediator", "mediatorpool", "externe mediator"],
        "da": ["intern mægler", "mæglernetværk", "ekstern mægler"],
        "en": ["internal mediator", "mediator pool", "external mediator"],
    },
    "region": {
        "nl": ["regionale samenwerking", "mediatorpool", "intervisie"],
        "da": ["regionalt samarbejde", "mæglernetværk", "supervision"],
        "en": ["regional cooperation", "mediator pool", "peer supervision"],
    },
    "adopt": {
        "nl": ["implementatie", "leidinggevenden", "BIA"],
        "da": ["implementering", "ledelse"],
        "en": ["implementation", "management"],
    },
}
