"""Texts of the demo protocols, per language. Written for this platform from the facts in seeds 000 and 003."""


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


INDEX = {
    "nl": {
        "slug": "protocollen",
        "title": "Protocollen",
        "intro": "Stap voor stap van eerste contact tot afspraak: wie doet wat, met welk mandaat, en wat u vastlegt. Elk protocol wordt periodiek herzien.",
    },
    "da": {
        "slug": "procedurer",
        "title": "Procedurer",
        "intro": "Trin for trin fra den første henvendelse til aftalen: hvem gør hvad, med hvilket mandat, og hvad der noteres. Hver procedure bliver gennemgået med faste mellemrum.",
    },
    "en": {
        "slug": "protocols",
        "title": "Protocols",
        "intro": "Step by step from first contact to agreement: who does what, with which mandate, and what is recorded. Every protocol is reviewed on a schedule.",
    },
}

# Each protocol: the language it is written in first, review state, tags, and the texts per language.
# A step is (title, responsible role, actions html, checklist items, typical duration).
PROTOCOLS = [
    {
        "key": "bia",
        "source": "nl",
        "setting": "objection",
        "phase": "before_objection",
        "review": "fine",
        "document": True,
        "tags": {
            "nl": ["bezwaar", "bellen na bezwaar", "BIA"],
            "da": ["klage", "uformel tilgang"],
            "en": ["objection", "informal approach"],
        },
        "nl": {
            "slug": "bellen-na-bezwaar-en-informele-aanpak",
            "title": "Bellen na bezwaar en informele aanpak (BIA)",
            "summary": "Binnen enkele dagen na ontvangst van een bezwaar belt een behandelaar de indiener: luisteren, uitleggen en samen kijken of een informele oplossing mogelijk is. De uitkomst legt u vast in een beslissing informele aanpak (BIA).",
            "when_to_use": ul(
                "Er is een bezwaarschrift binnengekomen en de termijn loopt nog.",
                "Uit de brief blijkt onvrede over de behandeling of onbegrip over het besluit, niet alleen een juridisch punt.",
            ),
            "when_not_to_use": ul(
                "De indiener heeft laten weten geen contact te willen.",
                "Er is een advocaat die uitdrukkelijk alle contact via hem of haar wil laten lopen: bel dan de advocaat.",
            ),
            "roles": p(
                "<strong>Behandelaar bezwaar</strong>: belt, luistert en doet een voorstel; mag toezeggen dat het besluit opnieuw wordt bekeken, maar beslist niet zelf over de inhoud.",
                "<strong>Vakafdeling</strong>: beoordeelt of het besluit kan worden aangepast en levert binnen een week antwoord.",
            ),
            "steps": [
                (
                    "Bezwaar lezen en voorbereiden",
                    "Behandelaar bezwaar",
                    p(
                        "Lees het bezwaar en het dossier. Zoek uit welke contacten er al met de inwoner zijn geweest, zodat u niet opnieuw vraagt wat al bekend is."
                    ),
                    ["Dossier en eerdere contacten doorgenomen", "Kern van de onvrede in één zin opgeschreven"],
                    "30 minuten",
                ),
                (
                    "Bellen",
                    "Behandelaar bezwaar",
                    p(
                        "Bel de indiener binnen vijf werkdagen. Stel u voor, vertel waarom u belt en vraag vooral door: wat is er gebeurd, wat zit de inwoner het meest dwars?"
                    ),
                    [
                        "Binnen vijf werkdagen gebeld",
                        "Uitgelegd dat het bezwaar gewoon doorloopt als het gesprek niets oplevert",
                        "Gevraagd wat een goede uitkomst zou zijn",
                    ],
                    "20 tot 45 minuten",
                ),
                (
                    "Mogelijkheden verkennen",
                    "Behandelaar bezwaar met de vakafdeling",
                    p(
                        "Bespreek met de vakafdeling wat er mogelijk is: een nieuw besluit, een uitleg aan tafel, een excuus of een mediation. Doe geen toezeggingen waarvoor u geen mandaat heeft."
                    ),
                    ["Vakafdeling geraadpleegd", "Voorstel afgestemd met wie erover beslist"],
                    "Een week",
                ),
                (
                    "Afspraak maken en vastleggen",
                    "Behandelaar bezwaar",
                    p(
                        "Bel de inwoner terug met het voorstel. Leg de afspraak vast in een beslissing informele aanpak (BIA) en stuur de inwoner een korte bevestiging."
                    ),
                    [
                        "BIA ingevuld en in het dossier opgeslagen",
                        "Bevestiging aan de inwoner verstuurd",
                        "Afgesproken of het bezwaar wordt ingetrokken of aangehouden",
                    ],
                    "Een dag",
                ),
                (
                    "Afronden of doorverwijzen",
                    "Behandelaar bezwaar",
                    p(
                        "Is de kwestie opgelost, dan trekt de inwoner het bezwaar in. Is er meer nodig, verwijs dan door naar mediation; lukt geen van beide, dan loopt de gewone procedure verder."
                    ),
                    ["Uitkomst in het dossier genoteerd", "Bij doorverwijzing: mediationcoördinator ingelicht"],
                    None,
                ),
            ],
            "confidentiality": p(
                "Wat de inwoner in het telefoongesprek vertelt, gebruikt u om een oplossing te zoeken. Schrijf in het dossier alleen op wat voor de afspraak nodig is."
            ),
            "voluntariness": p(
                "Het gesprek is een aanbod. Wil de inwoner niet praten, dan noteert u dat en loopt het bezwaar gewoon door."
            ),
            "recorded": p("De BIA: datum van het gesprek, de afspraak en wie wat doet. Geen gespreksverslag."),
            "change_note": "Eerste versie.",
        },
        "da": {
            "slug": "opkald-efter-klage-og-uformel-tilgang",
            "title": "Opkald efter en klage og den uformelle tilgang",
            "summary": "Få dage efter at en klage over en afgørelse er modtaget, ringer sagsbehandleren til borgeren: lytter, forklarer og undersøger sammen med borgeren, om en uformel løsning er mulig. Aftalen noteres i sagen.",
            "when_to_use": ul(
                "Der er modtaget en klage, og fristen løber stadig.",
                "Klagen viser utilfredshed med forløbet eller manglende forståelse af afgørelsen, ikke kun et juridisk spørgsmål.",
            ),
            "when_not_to_use": ul(
                "Borgeren har meddelt, at han eller hun ikke ønsker kontakt.",
                "En advokat ønsker al kontakt gennem sig: ring i så fald til advokaten.",
            ),
            "roles": p(
                "<strong>Sagsbehandler</strong>: ringer, lytter og kommer med et forslag; kan love, at afgørelsen bliver set på igen, men træffer ikke selv afgørelse om indholdet.",
                "<strong>Fagafdelingen</strong>: vurderer, om afgørelsen kan ændres, og svarer inden for en uge.",
            ),
            "steps": [
                (
                    "Læs klagen og forbered dig",
                    "Sagsbehandler",
                    p(
                        "Læs klagen og sagen igennem. Find ud af, hvilken kontakt der allerede har været med borgeren, så du ikke spørger om det, der allerede er kendt."
                    ),
                    ["Sagen og tidligere kontakt gennemgået", "Kernen i utilfredsheden skrevet ned i én sætning"],
                    "30 minutter",
                ),
                (
                    "Ring op",
                    "Sagsbehandler",
                    p(
                        "Ring til borgeren inden for fem arbejdsdage. Præsentér dig, fortæl hvorfor du ringer, og spørg ind: Hvad er der sket, og hvad fylder mest for borgeren?"
                    ),
                    [
                        "Ringet inden for fem arbejdsdage",
                        "Forklaret, at klagen behandles som normalt, hvis samtalen ikke fører til noget",
                        "Spurgt, hvad et godt resultat ville være",
                    ],
                    "20 til 45 minutter",
                ),
                (
                    "Undersøg mulighederne",
                    "Sagsbehandler sammen med fagafdelingen",
                    p(
                        "Drøft med fagafdelingen, hvad der er muligt: en ny afgørelse, en forklaring ved et møde, en undskyldning eller en mægling. Lov ikke noget, du ikke har mandat til."
                    ),
                    ["Fagafdelingen spurgt", "Forslaget afstemt med den, der træffer beslutningen"],
                    "En uge",
                ),
                (
                    "Aftal og notér",
                    "Sagsbehandler",
                    p(
                        "Ring tilbage til borgeren med forslaget. Notér aftalen om den uformelle tilgang i sagen, og send borgeren en kort bekræftelse."
                    ),
                    [
                        "Aftalen noteret i sagen",
                        "Bekræftelse sendt til borgeren",
                        "Aftalt, om klagen trækkes tilbage eller sættes i bero",
                    ],
                    "En dag",
                ),
                (
                    "Afslut eller henvis",
                    "Sagsbehandler",
                    p(
                        "Er sagen løst, trækker borgeren klagen tilbage. Er der brug for mere, henvises til mægling; lykkes ingen af delene, fortsætter den almindelige klagesagsbehandling."
                    ),
                    ["Resultatet noteret i sagen", "Ved henvisning: mæglingskoordinatoren orienteret"],
                    None,
                ),
            ],
            "confidentiality": p(
                "Det, borgeren fortæller i telefonen, bruger du til at finde en løsning. Skriv kun det i sagen, som er nødvendigt for aftalen."
            ),
            "voluntariness": p(
                "Samtalen er et tilbud. Ønsker borgeren ikke at tale, noterer du det, og klagen behandles som normalt."
            ),
            "recorded": p(
                "Notatet om den uformelle tilgang: dato for samtalen, aftalen og hvem der gør hvad. Intet referat af samtalen."
            ),
            "change_note": "Første version.",
        },
        "en": {
            "slug": "calling-after-an-objection",
            "title": "Calling after an objection and the informal approach (BIA)",
            "summary": "Within a few days of receiving an objection, a case handler calls the citizen: listening, explaining, and exploring together whether an informal solution is possible. The outcome is recorded in a decision on an informal approach (BIA).",
            "when_to_use": ul(
                "An objection has come in and the time limit is still running.",
                "The letter shows dissatisfaction with how things went or a lack of understanding of the decision, not only a legal point.",
            ),
            "when_not_to_use": ul(
                "The citizen has said they do not want to be contacted.",
                "A lawyer insists on all contact going through them: call the lawyer instead.",
            ),
            "roles": p(
                "<strong>Objection case handler</strong>: calls, listens and makes a proposal; may promise that the decision will be looked at again, but does not decide on the substance.",
                "<strong>Specialist department</strong>: assesses whether the decision can be changed and answers within a week.",
            ),
            "steps": [
                (
                    "Read the objection and prepare",
                    "Objection case handler",
                    p(
                        "Read the objection and the file. Find out what contact there has already been with the citizen, so you do not ask again what is already known."
                    ),
                    [
                        "File and earlier contacts reviewed",
                        "The core of the dissatisfaction written down in one sentence",
                    ],
                    "30 minutes",
                ),
                (
                    "Call",
                    "Objection case handler",
                    p(
                        "Call the citizen within five working days. Introduce yourself, say why you are calling and ask open questions: what happened, and what bothers them most?"
                    ),
                    [
                        "Called within five working days",
                        "Explained that the objection continues as normal if the call does not help",
                        "Asked what a good outcome would be",
                    ],
                    "20 to 45 minutes",
                ),
                (
                    "Explore the options",
                    "Objection case handler with the specialist department",
                    p(
                        "Discuss with the specialist department what is possible: a new decision, an explanation in person, an apology or mediation. Make no promises you have no mandate for."
                    ),
                    ["Specialist department consulted", "Proposal agreed with whoever decides"],
                    "One week",
                ),
                (
                    "Agree and record",
                    "Objection case handler",
                    p(
                        "Call the citizen back with the proposal. Record the agreement in a decision on an informal approach (BIA) and send the citizen a short confirmation."
                    ),
                    [
                        "BIA completed and filed",
                        "Confirmation sent to the citizen",
                        "Agreed whether the objection is withdrawn or put on hold",
                    ],
                    "One day",
                ),
                (
                    "Close or refer",
                    "Objection case handler",
                    p(
                        "If the matter is resolved, the citizen withdraws the objection. If more is needed, refer to mediation; if neither works, the ordinary procedure continues."
                    ),
                    ["Outcome noted in the file", "When referring: mediation coordinator informed"],
                    None,
                ),
            ],
            "confidentiality": p(
                "What the citizen tells you on the phone is used to find a solution. Only write in the file what the agreement needs."
            ),
            "voluntariness": p(
                "The call is an offer. If the citizen does not want to talk, note it and the objection continues as normal."
            ),
            "recorded": p(
                "The BIA: date of the call, the agreement and who does what. No minutes of the conversation."
            ),
            "change_note": "First version.",
        },
        # The second published version: what changed, and one checklist item added to the second step.
        "revision": {
            "step": 1,
            "nl": (
                "Stap 2: vragen wanneer terugbellen schikt; controlepunt toegevoegd.",
                "Gevraagd wanneer terugbellen het beste uitkomt",
            ),
            "da": (
                "Trin 2: spørg, hvornår det passer at blive ringet op igen; punkt tilføjet.",
                "Spurgt, hvornår det passer bedst at blive ringet op igen",
            ),
            "en": (
                "Step 2: ask when a call back suits; checklist item added.",
                "Asked when a call back suits them best",
            ),
        },
    },
    {
        "key": "objection-mediation",
        "source": "nl",
        "setting": "objection",
        "phase": "during_objection",
        "review": "overdue",
        "tags": {"nl": ["bezwaar", "mediation", "mandaat"], "da": ["klage", "mægling", "mandat"]},
        "nl": {
            "slug": "mediation-bij-een-bezwaar",
            "title": "Mediation bij een bezwaar: van verzoek tot verslag",
            "summary": "Hoe een bezwaarzaak naar mediation gaat: het verzoek, de instemming van beide partijen, het voorgesprek, wie met welk mandaat aan tafel zit, het gesprek zelf en wat er na afloop wordt vastgelegd.",
            "when_to_use": ul(
                "Het telefoongesprek na het bezwaar laat zien dat de relatie tussen inwoner en organisatie het probleem is.",
                "Beide partijen willen een gesprek onder leiding van een mediator.",
            ),
            "when_not_to_use": ul(
                "Een partij wil niet; mediation is vrijwillig.",
                "Partijen willen alleen een uitspraak over een juridische vraag.",
            ),
            "roles": p(
                "<strong>Mediationcoördinator</strong>: informeert en motiveert partijen, regelt de mediator en stuurt bij waar nodig.",
                "<strong>Ambtenaren aan tafel</strong>: de behandelaar van het besluit en iemand die afspraken mag maken. Leg vooraf vast welk mandaat zij hebben.",
                "<strong>Mediator</strong>: intern, uit de regionale pool of extern; onpartijdig en zonder belang bij de uitkomst.",
            ),
            "steps": [
                (
                    "Verzoek ontvangen",
                    "Mediationcoördinator",
                    p(
                        "Een verzoek kan komen van de inwoner, de behandelaar of de hoorder bij de bezwarencommissie. Noteer wie het verzoek doet en waarover."
                    ),
                    ["Verzoek en aanleiding genoteerd", "Bezwaartermijn en eventuele hoorzitting in beeld"],
                    "Een dag",
                ),
                (
                    "De andere partij vragen",
                    "Mediationcoördinator",
                    p(
                        "Vraag de andere partij of die wil deelnemen. Leg uit wat mediation is en wat niet: de mediator beslist niets."
                    ),
                    ["Andere partij gevraagd", "Uitleg over vrijwilligheid en vertrouwelijkheid gegeven"],
                    "Een week",
                ),
                (
                    "Mediator kiezen",
                    "Mediationcoördinator",
                    p(
                        "Gebruik de verwijshulp: intern, regionale pool of extern. Bij een externe mediator wijst u een vast aanspreekpunt aan."
                    ),
                    ["Mediator gekozen en beschikbaar", "Aanspreekpunt voor een externe mediator aangewezen"],
                    "Een week",
                ),
                (
                    "Voorgesprekken en onderwerpen",
                    "Mediator",
                    p(
                        "De mediator spreekt partijen eerst apart en maakt met hen een lijst van onderwerpen voor het gesprek. Alleen die onderwerpen komen aan tafel."
                    ),
                    [
                        "Voorgesprek met de inwoner",
                        "Voorgesprek met de ambtenaren",
                        "Onderwerpen schriftelijk vastgesteld",
                    ],
                    "Twee weken",
                ),
                (
                    "Mandaat regelen",
                    "Leidinggevende van de ambtenaren",
                    p(
                        "Bepaal wie namens de organisatie aan tafel zit en wat die mag toezeggen. Geef hen tijd in hun agenda."
                    ),
                    ["Mandaat schriftelijk vastgelegd", "Tijd vrijgemaakt in de agenda's"],
                    None,
                ),
                (
                    "Het mediationgesprek",
                    "Mediator",
                    p(
                        "Een vertrouwelijk gesprek van ongeveer anderhalf uur. De mediator leidt, bewaakt de tijd en zorgt dat iedereen aan het woord komt; eventueel notuleert een tweede persoon afspraken."
                    ),
                    ["Vertrouwelijkheidsafspraken ondertekend", "Afspraken genoteerd"],
                    "1,5 uur",
                ),
                (
                    "Afronden en vastleggen",
                    "Mediationcoördinator",
                    p(
                        "Als partijen dat willen, maakt de mediator een kort verslag. Verwerk de afspraken in het bezwaar: intrekking, nieuw besluit of voortzetting."
                    ),
                    ["Kort verslag verstuurd als partijen dat wilden", "Bezwaar afgehandeld volgens de afspraken"],
                    "Een week",
                ),
            ],
            "confidentiality": p(
                "Wat in de mediation wordt gezegd, blijft in de mediation. Alleen de afspraken die partijen samen vastleggen, gaan het dossier in."
            ),
            "voluntariness": p(
                "Partijen én mediator kunnen op elk moment stoppen. Een stop heeft geen gevolgen voor de behandeling van het bezwaar."
            ),
            "recorded": p(
                "De vastgestelde onderwerpen, de afspraken en, als partijen het willen, een kort verslag. Geen inhoudelijk gespreksverslag."
            ),
            "change_note": "Eerste versie.",
        },
        "da": {
            "slug": "maegling-i-en-klagesag",
            "title": "Mægling i en klagesag: fra anmodning til referat",
            "summary": "Sådan går en klagesag til mægling: anmodningen, begge parters samtykke, formødet, hvem der sidder ved bordet med hvilket mandat, selve mødet og hvad der noteres bagefter.",
            "when_to_use": ul(
                "Opkaldet efter klagen viser, at relationen mellem borger og forvaltning er problemet.",
                "Begge parter ønsker en samtale ledet af en mægler.",
            ),
            "when_not_to_use": ul(
                "En part ønsker det ikke; mægling er frivillig.",
                "Parterne ønsker kun en afgørelse på et juridisk spørgsmål.",
            ),
            "roles": p(
                "<strong>Mæglingskoordinator</strong>: informerer og motiverer parterne, finder mægleren og justerer undervejs.",
                "<strong>Medarbejdere ved bordet</strong>: sagsbehandleren og en, der må indgå aftaler. Fastlæg mandatet på forhånd.",
                "<strong>Mægler</strong>: intern, fra den regionale pulje eller ekstern; upartisk og uden interesse i udfaldet.",
            ),
            "steps": [
                (
                    "Modtag anmodningen",
                    "Mæglingskoordinator",
                    p(
                        "En anmodning kan komme fra borgeren, sagsbehandleren eller klageinstansen. Notér, hvem der anmoder, og hvad det drejer sig om."
                    ),
                    ["Anmodning og baggrund noteret", "Klagefrist og eventuelt møde i klageinstansen kendt"],
                    "En dag",
                ),
                (
                    "Spørg den anden part",
                    "Mæglingskoordinator",
                    p(
                        "Spørg den anden part, om de vil deltage. Forklar, hvad mægling er og ikke er: mægleren træffer ingen afgørelser."
                    ),
                    ["Den anden part spurgt", "Frivillighed og fortrolighed forklaret"],
                    "En uge",
                ),
                (
                    "Vælg mægler",
                    "Mæglingskoordinator",
                    p(
                        "Brug henvisningshjælpen: intern, regional pulje eller ekstern. Ved en ekstern mægler udpeges en fast kontaktperson."
                    ),
                    ["Mægler valgt og ledig", "Kontaktperson for ekstern mægler udpeget"],
                    "En uge",
                ),
                (
                    "Formøder og emner",
                    "Mægler",
                    p(
                        "Mægleren taler først med parterne hver for sig og laver sammen med dem en liste over emner til mødet. Kun de emner tages op."
                    ),
                    ["Formøde med borgeren", "Formøde med forvaltningen", "Emnerne aftalt skriftligt"],
                    "To uger",
                ),
                (
                    "Afklar mandat",
                    "Leder for medarbejderne",
                    p("Bestem, hvem der deltager for forvaltningen, og hvad de må love. Giv dem tid i kalenderen."),
                    ["Mandat aftalt skriftligt", "Tid afsat i kalenderne"],
                    None,
                ),
                (
                    "Mæglingsmødet",
                    "Mægler",
                    p(
                        "Et fortroligt møde på cirka halvanden time. Mægleren leder mødet, holder tiden og sørger for, at alle kommer til orde; eventuelt noterer en referent aftalerne."
                    ),
                    ["Fortrolighedsaftale underskrevet", "Aftaler noteret"],
                    "1,5 time",
                ),
                (
                    "Afslut og notér",
                    "Mæglingskoordinator",
                    p(
                        "Hvis parterne ønsker det, skriver mægleren et kort referat. Aftalerne føres ind i klagesagen: tilbagetrækning, ny afgørelse eller fortsat behandling."
                    ),
                    ["Kort referat sendt, hvis parterne ønskede det", "Klagesagen afsluttet efter aftalerne"],
                    "En uge",
                ),
            ],
            "confidentiality": p(
                "Det, der siges under mæglingen, bliver i mæglingen. Kun de aftaler, parterne indgår sammen, kommer i sagen."
            ),
            "voluntariness": p(
                "Parterne og mægleren kan til enhver tid stoppe. Et stop har ingen betydning for behandlingen af klagen."
            ),
            "recorded": p(
                "De aftalte emner, aftalerne og, hvis parterne ønsker det, et kort referat. Intet referat af selve samtalen."
            ),
            "change_note": "Første version.",
        },
    },
    {
        "key": "workplace",
        "source": "nl",
        "setting": "workplace",
        "phase": "any",
        "review": "due_soon",
        "tags": {
            "nl": ["arbeidsconflict", "mediation", "vertrouwelijkheid"],
            "da": ["arbejdspladsen", "mægling", "fortrolighed"],
        },
        "nl": {
            "slug": "mediation-tussen-medewerker-en-leidinggevende",
            "title": "Mediation tussen medewerker en leidinggevende",
            "summary": "Als de samenwerking tussen een medewerker en een leidinggevende vastloopt: hoe HR een mediation voorstelt, hoe de mediator wordt gekozen en hoe u voorkomt dat het gesprek in het personeelsdossier belandt.",
            "when_to_use": ul(
                "De samenwerking is verstoord en gewone gesprekken helpen niet meer.",
                "Beide willen de relatie herstellen of goed afsluiten.",
            ),
            "when_not_to_use": ul(
                "Er loopt een onderzoek naar integriteit of ongewenst gedrag.", "Een van beiden wil niet meedoen."
            ),
            "roles": p(
                "<strong>HR-adviseur</strong>: stelt mediation voor en regelt de mediator.",
                "<strong>Medewerker en leidinggevende</strong>: de partijen; zij bepalen de uitkomst.",
                "<strong>Mediator</strong>: nooit iemand uit dezelfde afdeling; bij een intern gevoelige zaak extern.",
            ),
            "steps": [
                (
                    "Signaal en voorstel",
                    "HR-adviseur",
                    p(
                        "Bespreek met beide partijen apart of mediation een optie is. Leg uit dat het vrijwillig en vertrouwelijk is."
                    ),
                    ["Beide partijen apart gesproken", "Vrijwilligheid en vertrouwelijkheid uitgelegd"],
                    "Een week",
                ),
                (
                    "Mediator kiezen",
                    "HR-adviseur",
                    p(
                        "Kies een interne mediator buiten de afdeling of, als dat niet kan, iemand uit de regionale pool."
                    ),
                    ["Mediator zonder band met de afdeling gekozen"],
                    "Een week",
                ),
                (
                    "Intake",
                    "Mediator",
                    p(
                        "De mediator spreekt beide partijen apart en legt de spelregels vast in een mediationovereenkomst."
                    ),
                    ["Intake met de medewerker", "Intake met de leidinggevende", "Mediationovereenkomst getekend"],
                    "Twee weken",
                ),
                (
                    "Gesprekken",
                    "Mediator",
                    p("Meestal twee tot vier gesprekken. De mediator bewaakt dat beiden evenveel ruimte krijgen."),
                    ["Gesprekken gepland", "Tussentijdse afspraken genoteerd"],
                    "Vier tot zes weken",
                ),
                (
                    "Afronding",
                    "Mediator en HR-adviseur",
                    p(
                        "Partijen leggen hun afspraken vast. HR krijgt alleen te horen óf de mediation is afgerond, niet wat er is gezegd."
                    ),
                    [
                        "Vaststellingsovereenkomst of afsprakenlijst getekend",
                        "HR geïnformeerd over afronding, zonder inhoud",
                    ],
                    None,
                ),
            ],
            "confidentiality": p(
                "Niets uit de gesprekken gaat naar het personeelsdossier. Alleen de afspraken die partijen zelf vastleggen, mogen worden bewaard."
            ),
            "voluntariness": p(
                "Weigeren heeft geen gevolgen voor de beoordeling. Beide partijen en de mediator kunnen stoppen."
            ),
            "recorded": p(
                "De getekende mediationovereenkomst en de eindafspraken; HR noteert alleen de datum van afronding."
            ),
            "change_note": "Eerste versie.",
        },
        "da": {
            "slug": "maegling-mellem-medarbejder-og-leder",
            "title": "Mægling mellem medarbejder og leder",
            "summary": "Når samarbejdet mellem en medarbejder og en leder er gået i hårdknude: hvordan HR foreslår mægling, hvordan mægleren vælges, og hvordan du undgår, at samtalen havner i personalesagen.",
            "when_to_use": ul(
                "Samarbejdet er gået i stå, og almindelige samtaler hjælper ikke længere.",
                "Begge ønsker at genopbygge relationen eller afslutte den ordentligt.",
            ),
            "when_not_to_use": ul(
                "Der kører en undersøgelse af krænkende adfærd eller integritet.", "En af dem ønsker ikke at deltage."
            ),
            "roles": p(
                "<strong>HR-konsulent</strong>: foreslår mægling og finder mægleren.",
                "<strong>Medarbejder og leder</strong>: parterne; de bestemmer resultatet.",
                "<strong>Mægler</strong>: aldrig fra samme afdeling; ved en internt følsom sag ekstern.",
            ),
            "steps": [
                (
                    "Signal og forslag",
                    "HR-konsulent",
                    p(
                        "Tal med begge parter hver for sig om, hvorvidt mægling er en mulighed. Forklar, at det er frivilligt og fortroligt."
                    ),
                    ["Begge parter talt med hver for sig", "Frivillighed og fortrolighed forklaret"],
                    "En uge",
                ),
                (
                    "Vælg mægler",
                    "HR-konsulent",
                    p(
                        "Vælg en intern mægler uden for afdelingen eller, hvis det ikke kan lade sig gøre, en fra den regionale pulje."
                    ),
                    ["Mægler uden tilknytning til afdelingen valgt"],
                    "En uge",
                ),
                (
                    "Indledende samtaler",
                    "Mægler",
                    p("Mægleren taler med begge parter hver for sig og aftaler spillereglerne skriftligt."),
                    ["Samtale med medarbejderen", "Samtale med lederen", "Mæglingsaftale underskrevet"],
                    "To uger",
                ),
                (
                    "Møder",
                    "Mægler",
                    p("Som regel to til fire møder. Mægleren sikrer, at begge får lige meget plads."),
                    ["Møder planlagt", "Aftaler undervejs noteret"],
                    "Fire til seks uger",
                ),
                (
                    "Afslutning",
                    "Mægler og HR-konsulent",
                    p(
                        "Parterne skriver deres aftaler ned. HR får kun at vide, om mæglingen er afsluttet, ikke hvad der blev sagt."
                    ),
                    ["Aftaleliste underskrevet", "HR orienteret om afslutning uden indhold"],
                    None,
                ),
            ],
            "confidentiality": p(
                "Intet fra møderne kommer i personalesagen. Kun de aftaler, parterne selv skriver ned, må gemmes."
            ),
            "voluntariness": p("Et nej har ingen betydning for bedømmelsen. Begge parter og mægleren kan stoppe."),
            "recorded": p(
                "Den underskrevne mæglingsaftale og de endelige aftaler; HR noterer kun datoen for afslutningen."
            ),
            "change_note": "Første version.",
        },
    },
    {
        "key": "citizen-adviser",
        "source": "da",
        "setting": "complaint",
        "phase": "any",
        "review": "fine",
        "tags": {
            "da": ["borgerrådgiver", "mægling", "fortrolighed"],
            "en": ["citizens' adviser", "mediation", "confidentiality"],
        },
        "da": {
            "slug": "maegling-mellem-borger-og-forvaltning",
            "title": "Mægling mellem borger og forvaltning ved en uafhængig borgerrådgiver",
            "summary": "En model efter den københavnske borgerrådgiver: en uafhængig mægler hjælper borger og forvaltning med at tale om relationen i en konkret sag. Fra første henvendelse over formøder til et fortroligt møde på halvanden time.",
            "when_to_use": ul(
                "Konflikten er opstået i sagsbehandlingen eller i borgerens møde med forvaltningen.",
                "Mægling kan give borgeren noget andet og mere end en almindelig klagesagsbehandling.",
                "Både borger og forvaltning ønsker at deltage.",
            ),
            "when_not_to_use": ul(
                "Borgeren ønsker en afgørelse af selve sagen: mægleren træffer ingen afgørelser.",
                "Klagen behandles samtidig som klagesag hos borgerrådgiveren.",
            ),
            "roles": p(
                "<strong>Borgeren</strong>: part og hovedperson; må tage en bisidder med.",
                "<strong>Forvaltningens repræsentanter</strong>: udpeges ud fra, hvad borgeren beskriver som kernen i konflikten.",
                "<strong>Mægler og mødeleder</strong>: fra borgerrådgiveren, upartisk, uden ønsker til udfaldet.",
                "<strong>Referent</strong> (eventuelt): noterer aftaler; deltager ikke som part, bisidder eller tilsyn.",
            ),
            "steps": [
                (
                    "Første henvendelse",
                    "Borgerrådgiver",
                    p(
                        "Borgeren eller forvaltningen spørger, om mægling er mulig; borgerrådgiveren kan også selv foreslå det, når en sag kommer til kendskab på anden vis."
                    ),
                    ["Henvendelsen noteret", "Forklaret, at mægling og klagesagsbehandling ikke kører samtidig"],
                    "En dag",
                ),
                (
                    "Spørg den anden part",
                    "Borgerrådgiver",
                    p(
                        "Når én part ønsker mægling, kontakter borgerrådgiveren den anden part og spørger, om de vil deltage."
                    ),
                    ["Den anden part kontaktet", "Begge parters svar noteret"],
                    "En uge",
                ),
                (
                    "Formøder",
                    "Mægler",
                    p(
                        "Mægleren vurderer, om der er brug for individuelle formøder, og aftaler tidspunkter. På formødet med borgeren findes de emner, der skal tales om."
                    ),
                    [
                        "Behov for formøder vurderet",
                        "Formøde med borgeren holdt",
                        "Formøde med forvaltningen holdt, hvis nødvendigt",
                    ],
                    "To uger",
                ),
                (
                    "Aftal emnerne",
                    "Mægler",
                    p(
                        "Efter aftale med borgeren spørger mægleren forvaltningen, om den vil deltage i en mægling om netop de emner. Mødet fastsættes, når begge siger ja."
                    ),
                    ["Emnerne godkendt af begge parter", "Mødetidspunkt fastsat"],
                    "En uge",
                ),
                (
                    "Mæglingsmødet",
                    "Mægler og eventuelt referent",
                    p(
                        "Et fortroligt møde på normalt halvanden time. Mægleren leder mødet, sørger for en god tone, holder parterne til det aftalte og kan afbryde mødet, hvis det ikke lykkes."
                    ),
                    [
                        "Fortrolighed gennemgået ved mødets start",
                        "Begge parter er kommet til orde",
                        "Eventuelle aftaler noteret",
                    ],
                    "1,5 time",
                ),
                (
                    "Kort referat",
                    "Mægler",
                    p("Hvis parterne ønsker det, skriver mægleren et kort referat af mødets forløb og aftalerne."),
                    ["Parterne spurgt, om de ønsker et referat", "Referat sendt til begge parter"],
                    "En uge",
                ),
            ],
            "confidentiality": p(
                "Møderne er fortrolige. Mægleren er upartisk, og parterne respekterer mæglerens uafhængighed."
            ),
            "voluntariness": p(
                "Deltagelsen er frivillig for parterne og for mægleren: alle kan til enhver tid trække sig."
            ),
            "recorded": p("Eventuelle aftaler og, hvis parterne ønsker det, et kort referat af mødets forløb."),
            "change_note": "Første version.",
        },
        "en": {
            "slug": "mediation-between-citizen-and-administration",
            "title": "Mediation between citizen and administration by an independent citizens' adviser",
            "summary": "A model after the Copenhagen citizens' adviser: an independent mediator helps citizen and administration talk about the relationship in a specific case. From first contact through pre-meetings to a confidential meeting of an hour and a half.",
            "when_to_use": ul(
                "The conflict arose in case handling or in the citizen's dealings with the administration.",
                "Mediation can give the citizen something other and more than ordinary complaint handling.",
                "Both citizen and administration want to take part.",
            ),
            "when_not_to_use": ul(
                "The citizen wants a decision on the case itself: the mediator decides nothing.",
                "The complaint is being handled as a complaint by the citizens' adviser at the same time.",
            ),
            "roles": p(
                "<strong>The citizen</strong>: a party and the main person; may bring a companion.",
                "<strong>Representatives of the administration</strong>: chosen according to what the citizen describes as the core of the conflict.",
                "<strong>Mediator and chair</strong>: from the citizens' adviser, impartial, with no wishes as to the outcome.",
                "<strong>Note-taker</strong> (optional): notes agreements; not a party, companion or supervisor.",
            ),
            "steps": [
                (
                    "First contact",
                    "Citizens' adviser",
                    p(
                        "The citizen or the administration asks whether mediation is possible; the adviser may also propose it when a case comes to their attention in another way."
                    ),
                    ["Request noted", "Explained that mediation and complaint handling do not run at the same time"],
                    "One day",
                ),
                (
                    "Ask the other party",
                    "Citizens' adviser",
                    p(
                        "When one party wants mediation, the adviser contacts the other party and asks whether they will take part."
                    ),
                    ["Other party contacted", "Both parties' answers noted"],
                    "One week",
                ),
                (
                    "Pre-meetings",
                    "Mediator",
                    p(
                        "The mediator decides whether separate pre-meetings are needed and agrees times. The pre-meeting with the citizen identifies the topics to discuss."
                    ),
                    [
                        "Need for pre-meetings assessed",
                        "Pre-meeting with the citizen held",
                        "Pre-meeting with the administration held, if needed",
                    ],
                    "Two weeks",
                ),
                (
                    "Agree the topics",
                    "Mediator",
                    p(
                        "With the citizen's consent, the mediator asks the administration whether it will take part in mediation on exactly those topics. The meeting is scheduled once both say yes."
                    ),
                    ["Topics accepted by both parties", "Meeting date set"],
                    "One week",
                ),
                (
                    "The mediation meeting",
                    "Mediator and optional note-taker",
                    p(
                        "A confidential meeting of normally an hour and a half. The mediator chairs, keeps a good tone, holds the parties to what was agreed and may end the meeting if that does not work."
                    ),
                    [
                        "Confidentiality explained at the start",
                        "Both parties have had their say",
                        "Any agreements noted",
                    ],
                    "1.5 hours",
                ),
                (
                    "Short summary",
                    "Mediator",
                    p(
                        "If the parties want one, the mediator writes a short summary of how the meeting went and what was agreed."
                    ),
                    ["Parties asked whether they want a summary", "Summary sent to both parties"],
                    "One week",
                ),
            ],
            "confidentiality": p(
                "The meetings are confidential. The mediator is impartial, and the parties respect the mediator's independence."
            ),
            "voluntariness": p(
                "Taking part is voluntary for the parties and for the mediator: anyone can withdraw at any time."
            ),
            "recorded": p("Any agreements and, if the parties want one, a short summary of the meeting."),
            "change_note": "First version.",
        },
    },
]

# Which protocols each default rule of the suitability aid points to (by key).
RULE_PROTOCOLS = {
    "party-unwilling": ["bia"],
    "legal-question-only": ["bia"],
    "internally-sensitive": ["objection-mediation", "workplace"],
    "large-interests": ["objection-mediation"],
    "no-internal-mediator": ["objection-mediation"],
    "between-organisations": ["objection-mediation"],
    "all-willing": ["objection-mediation", "workplace"],
    "willingness-unknown": ["bia"],
    "lawyer-involved": ["objection-mediation"],
    "workplace-confidentiality": ["workplace"],
}
RELATED = {"bia": ["objection-mediation"], "objection-mediation": ["bia"], "workplace": ["objection-mediation"]}
