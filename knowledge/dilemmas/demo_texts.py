"""Texts of the demo step-plan (nl/da/en) and two demo worksheets. Written for this platform."""

INDEX = {
    "nl": {
        "title": "Dilemma's",
        "slug": "dilemmas",
        "intro": "Stappenplannen om een dilemma in uw werk uit te zoeken, af te wegen en voor te leggen aan wie "
        "beslist.",
    },
    "da": {
        "title": "Dilemmaer",
        "slug": "dilemmaer",
        "intro": "Trinvise planer til at undersøge, afveje og forelægge et dilemma i dit arbejde for den, der "
        "træffer beslutningen.",
    },
    "en": {
        "title": "Dilemmas",
        "slug": "dilemmas",
        "intro": "Step-plans for exploring a dilemma in your work, weighing it and putting it to whoever decides.",
    },
}


def _step(section, title, questions, hints, example):
    return {
        "type": "step",
        "value": {
            "section": section,
            "title": title,
            "guiding_questions": questions,
            "hints": hints,
            "worked_example": example,
        },
    }


PLAN = {
    "nl": {
        "title": "Stappenplan: een dilemma wegen en voorleggen",
        "slug": "stappenplan-dilemma",
        "summary": "In drie stappen van een knagend gevoel naar een onderbouwd advies: inventariseren, afwegen "
        "tegen publieke, organisatorische, professionele en persoonlijke waarden, en uw eigen positie bepalen.",
        "intro": "<p>Een dilemma is geen probleem met één juiste oplossing: elke keuze kost iets. Dat is in "
        "overheidswerk eerder regel dan uitzondering. Regels schrijven het ene voor, de situatie van een inwoner "
        "vraagt iets anders, en het bestuur wil snel resultaat. Dit stappenplan helpt u zo'n situatie op tafel te "
        "krijgen en voor te leggen aan wie erover beslist, ambtelijk of bestuurlijk.</p><p>Het gaat er niet om "
        "risico's te vermijden. Het gaat erom dat ook een keuze die schuurt bewust en navolgbaar wordt "
        "gemaakt.</p>",
        "steps": [
            _step(
                "inventory",
                "Inventarisatie: context, belangen en regels",
                [
                    "Wat is er aan de hand, en sinds wanneer?",
                    "Waarom is dit een dilemma en geen gewone beslissing: welke twee dingen die u allebei "
                    "belangrijk vindt, zitten elkaar in de weg?",
                    "Wie hebben er belang bij de uitkomst, binnen en buiten de organisatie, en wat staat er voor "
                    "hen op het spel?",
                    "Welke wetten, beleidsregels, interne afspraken en toezeggingen gelden hier, en hoeveel ruimte "
                    "laten ze?",
                    "Wie is bevoegd om te beslissen: u, uw leidinggevende, de directie of het bestuur?",
                ],
                "<ul><li>Beschrijf mensen met hun rol (de inwoner, de buurman, de teamleider), nooit met hun "
                "naam.</li><li>Vergeet de belanghebbenden die niet aan tafel zitten, zoals andere inwoners in "
                "dezelfde situatie.</li><li>Noteer bij elke regel of hij dwingend is of ruimte laat, zoals een "
                "hardheidsclausule of een bevoegdheid om af te wijken.</li></ul>",
                "<p>Een inwoner heeft te veel bijstand ontvangen en moet een groot bedrag terugbetalen. De regels "
                "schrijven terugvordering voor. Volledige terugbetaling duwt het gezin echter in problematische "
                "schulden, wat de gemeente later via schuldhulpverlening weer geld kost. Belanghebbenden: de "
                "inwoner en de kinderen, het team inkomen, schuldhulpverlening, de wethouder, en andere inwoners "
                "die terecht verwachten dat regels voor iedereen gelden. De wet laat het college ruimte om bij "
                "dringende redenen geheel of gedeeltelijk af te zien van terugvordering; het besluit ligt bij "
                "het team inkomen in mandaat.</p>",
            ),
            _step(
                "weighing",
                "Argumentatie, afweging en conclusies",
                [
                    "Welke opties zijn er werkelijk? Zoek er minstens drie, ook een die nu onwaarschijnlijk lijkt.",
                    "Wat betekent elke optie voor publieke waarden: rechtmatigheid, gelijke behandeling, "
                    "vertrouwen van inwoners in de overheid?",
                    "Wat betekent elke optie voor de organisatie: kosten, uitvoerbaarheid, precedent, reputatie?",
                    "Wat zegt uw vakmanschap: wat zou een goede professional in uw vak hier doen?",
                    "Wat vindt u er zelf van, los van uw rol?",
                ],
                "<ul><li>Geef per optie en per soort waarde een score van −2 tot +2 en schrijf er altijd een "
                "reden bij: de reden overtuigt, niet het getal.</li><li>Een optie die op alles hoog scoort, "
                "bestaat zelden. Zie u er een, kijk dan of u een belang over het hoofd ziet.</li><li>Schrijf de "
                "conclusie zo dat iemand die het dossier niet kent begrijpt wat de keuze kost.</li></ul>",
                "<p>Optie 1, volledig terugvorderen: goed voor rechtmatigheid en gelijke behandeling (+2), slecht "
                "voor het vertrouwen van een gezin dat al klem zit (−1) en duur voor de organisatie op de lange "
                "termijn (−1). Optie 2, een betalingsregeling binnen de beslagvrije voet: rechtmatig (+1), "
                "uitvoerbaar (+1), professioneel verantwoord (+2). Optie 3, gedeeltelijk afzien: menselijk (+2), "
                "maar een precedent dat goed onderbouwd moet worden (−1). Conclusie: optie 2, en optie 3 alleen "
                "als de regeling aantoonbaar niet haalbaar is. Advies aan de teamleider: kies optie 2 en leg de "
                "afweging vast in het dossier.</p>",
            ),
            _step(
                "personal",
                "Persoonlijk perspectief",
                [
                    "Wat doet dit dilemma met u? Wat houdt u er 's avonds mee bezig?",
                    "Kunt u achter elke mogelijke beslissing staan, ook als die anders uitvalt dan u adviseert?",
                    "Wat heeft u nodig van uw leidinggevende of collega's?",
                    "Bij wie kunt u terecht als het blijft knagen, bijvoorbeeld een vertrouwenspersoon of "
                    "intervisiegroep?",
                ],
                "<ul><li>Dilemma's zijn niet alleen zakelijk. Wie ze wegstopt, raakt er vroeg of laat door "
                "uitgeput.</li><li>Deze stap hoort niet in het memo voor de beslisser. U kunt hem wel bespreken "
                "met de collega's die u uitnodigt.</li></ul>",
                "<p>De behandelaar merkt dat ze het gezin al jaren kent en dat dit haar oordeel kleurt. Ze "
                "vraagt een collega om haar afweging kritisch te lezen, en bespreekt met haar teamleider dat "
                "zij het gesprek over het besluit niet alleen voert.</p>",
            ),
        ],
    },
    "da": {
        "title": "Trinvis plan: afvej og forelæg et dilemma",
        "slug": "trinvis-plan-dilemma",
        "summary": "I tre trin fra en nagende fornemmelse til en begrundet indstilling: kortlæg, afvej over for "
        "offentlige, organisatoriske, faglige og personlige værdier, og find din egen position.",
        "intro": "<p>Et dilemma er ikke et problem med én rigtig løsning: hvert valg koster noget. I offentligt "
        "arbejde er det snarere reglen end undtagelsen. Reglerne siger én ting, borgerens situation kræver noget "
        "andet, og politikerne vil have hurtige resultater. Denne plan hjælper dig med at få situationen frem i "
        "lyset og forelægge den for den, der skal beslutte.</p><p>Det handler ikke om at undgå risiko, men om at "
        "også et valg, der gør ondt, bliver truffet bevidst og kan følges bagefter.</p>",
        "steps": [
            _step(
                "inventory",
                "Kortlægning: kontekst, interesser og regler",
                [
                    "Hvad er der sket, og siden hvornår?",
                    "Hvorfor er det et dilemma og ikke en almindelig afgørelse: hvilke to ting, som du begge "
                    "finder vigtige, står i vejen for hinanden?",
                    "Hvem har interesse i udfaldet, i og uden for organisationen, og hvad står på spil for dem?",
                    "Hvilke love, retningslinjer, interne aftaler og løfter gælder, og hvor meget råderum giver de?",
                    "Hvem har kompetencen til at beslutte: dig, din leder, direktionen eller politikerne?",
                ],
                "<ul><li>Beskriv personer ved deres rolle (borgeren, naboen, teamlederen), aldrig ved navn."
                "</li><li>Husk de interessenter, der ikke sidder med ved bordet, fx andre borgere i samme "
                "situation.</li><li>Skriv ved hver regel, om den er bindende eller giver skøn.</li></ul>",
                "<p>En ældre borger får nedsat sin hjemmehjælp efter en ny visitation. Datteren klager og truer "
                "med pressen. Kvalitetsstandarden tillader nedsættelsen, men borgeren er utryg og har faldet to "
                "gange. Interessenter: borgeren, datteren, hjemmeplejen, visitationen, udvalget og andre borgere, "
                "der visiteres efter samme standard. Visitator træffer afgørelsen; en klage går videre til "
                "Ankestyrelsen.</p>",
            ),
            _step(
                "weighing",
                "Argumenter, afvejning og konklusioner",
                [
                    "Hvilke muligheder findes der reelt? Find mindst tre, også en der virker usandsynlig nu.",
                    "Hvad betyder hver mulighed for offentlige værdier: lovlighed, ligebehandling, borgernes tillid?",
                    "Hvad betyder den for organisationen: økonomi, gennemførlighed, præcedens, omdømme?",
                    "Hvad siger din faglighed: hvad ville en dygtig fagperson gøre her?",
                    "Hvad mener du selv, uafhængigt af din rolle?",
                ],
                "<ul><li>Giv hver mulighed en score fra −2 til +2 for hver slags værdi, og skriv altid en "
                "begrundelse: det er begrundelsen, der overbeviser.</li><li>En mulighed, der scorer højt på "
                "alt, findes sjældent. Ser du en, så tjek om du overser en interesse.</li></ul>",
                "<p>Mulighed 1, fastholde afgørelsen: lovlig og ens for alle (+2), men tilliden lider (−1). "
                "Mulighed 2, et dialogmøde med borger, datter og visitator, før afgørelsen træder i kraft: "
                "fagligt stærkt (+2), koster en time (0). Mulighed 3, genvisitere med ergoterapeut: grundigt "
                "(+1), men forsinker (−1). Konklusion: mulighed 2, og mulighed 3 hvis mødet viser nye "
                "oplysninger.</p>",
            ),
            _step(
                "personal",
                "Personligt perspektiv",
                [
                    "Hvad gør dilemmaet ved dig?",
                    "Kan du stå inde for enhver mulig beslutning, også hvis den går imod din indstilling?",
                    "Hvad har du brug for fra din leder eller dine kolleger?",
                    "Hvem kan du tale med, hvis det bliver ved med at nage?",
                ],
                "<ul><li>Dilemmaer er ikke kun faglige. Den, der gemmer dem væk, bliver slidt af dem.</li>"
                "<li>Dette trin kommer ikke med i notatet til beslutningstageren.</li></ul>",
                "<p>Visitatoren mærker, at truslen om pressen gør hende defensiv. Hun beder en kollega om at "
                "læse hendes afvejning og aftaler med sin leder, at de tager dialogmødet sammen.</p>",
            ),
        ],
    },
    "en": {
        "title": "Step-plan: weighing a dilemma and putting it forward",
        "slug": "step-plan-dilemma",
        "summary": "Three steps from a nagging feeling to a reasoned piece of advice: take stock, weigh the options "
        "against public, organisational, professional and personal values, and find your own position.",
        "intro": "<p>A dilemma is not a problem with one right answer: every choice costs something. In public "
        "service that is the rule rather than the exception. The rules say one thing, a resident's situation asks "
        "for another, and the board wants quick results. This step-plan helps you bring such a situation into the "
        "open and put it to whoever decides.</p><p>The aim is not to avoid risk. It is that even a choice that "
        "hurts is made consciously, and can be followed afterwards.</p>",
        "steps": [
            _step(
                "inventory",
                "Inventory: context, interests and rules",
                [
                    "What is going on, and since when?",
                    "Why is this a dilemma and not a routine decision: which two things you value are in each "
                    "other's way?",
                    "Who has a stake in the outcome, inside and outside the organisation, and what is at stake for "
                    "them?",
                    "Which laws, policy rules, internal agreements and promises apply, and how much room do they "
                    "leave?",
                    "Who has the authority to decide: you, your manager, the directors or the elected board?",
                ],
                "<ul><li>Describe people by their role (the resident, the neighbour, the team leader), never by "
                "name.</li><li>Remember the stakeholders who are not at the table, such as other residents in the "
                "same situation.</li><li>Note for each rule whether it is binding or leaves discretion.</li></ul>",
                "<p>A resident received too much social assistance and must repay a large sum. The rules require "
                "recovery, but full repayment would push the family into problem debt, which the municipality "
                "later pays for through debt counselling. Stakeholders: the resident and the children, the income "
                "team, debt counselling, the alderman, and other residents who rightly expect the rules to apply "
                "to everyone. The law lets the municipality waive recovery in part or in full for compelling "
                "reasons; the income team decides under delegated authority.</p>",
            ),
            _step(
                "weighing",
                "Arguments, weighing and conclusions",
                [
                    "Which options are really open? Find at least three, including one that seems unlikely now.",
                    "What does each option mean for public values: lawfulness, equal treatment, residents' trust?",
                    "What does it mean for the organisation: cost, feasibility, precedent, reputation?",
                    "What does your professional judgement say: what would a good professional do here?",
                    "What do you think yourself, apart from your role?",
                ],
                "<ul><li>Score each option for each kind of value from −2 to +2 and always give a reason: the "
                "reason convinces, not the number.</li><li>An option that scores high on everything rarely exists. "
                "If you see one, check whether you are missing an interest.</li></ul>",
                "<p>Option 1, full recovery: lawful and equal (+2), bad for the trust of a family already in "
                "trouble (−1). Option 2, a payment plan that leaves the protected minimum income intact: lawful "
                "(+1), feasible (+1), professionally sound (+2). Option 3, a partial waiver: humane (+2) but a "
                "precedent that needs careful reasons (−1). Conclusion: option 2, and option 3 only if the plan is "
                "shown to be unworkable.</p>",
            ),
            _step(
                "personal",
                "Personal perspective",
                [
                    "What does this dilemma do to you?",
                    "Could you stand behind every possible decision, including one against your advice?",
                    "What do you need from your manager or colleagues?",
                    "Who can you turn to if it keeps nagging you?",
                ],
                "<ul><li>Dilemmas are not only business. People who push them away are worn down by them "
                "sooner or later.</li><li>This step is not part of the memo for the decision-maker.</li></ul>",
                "<p>The caseworker notices that she has known the family for years and that this colours her "
                "judgement. She asks a colleague to read her weighing critically.</p>",
            ),
        ],
    },
}

# (owner, plan language, worksheet fields, stakeholders, options with weighings, readers, comments)
WORKSHEETS = [
    {
        "owner": "lid@almere.example",
        "language": "nl",
        "title": "Handhaven of eerst laten praten? Een aanbouw zonder vergunning",
        "context": "Een inwoner heeft zonder vergunning een aanbouw aan de achterkant van zijn huis geplaatst. De "
        "buren hebben een handhavingsverzoek ingediend; het college heeft een last onder dwangsom opgelegd en de "
        "inwoner heeft bezwaar gemaakt. Uit het telefoongesprek blijkt dat de ruzie tussen de buren veel ouder is "
        "dan de aanbouw. De wethouder wil dat we snel en streng optreden, omdat er eerder kritiek was op trage "
        "handhaving.",
        "rules": "Omgevingswet en omgevingsplan: de aanbouw is vergunningplichtig. Beginselplicht tot "
        "handhaving, met ruimte om af te zien bij concreet zicht op legalisatie. Algemene wet bestuursrecht: "
        "bezwaarprocedure, informele aanpak toegestaan. Gemeentelijk handhavingsbeleid: prioriteit bij klachten "
        "van derden.",
        "conclusion": "Optie 2 weegt het zwaarst: zes weken pauze voor een gesprek onder begeleiding van een "
        "mediator, terwijl de inwoner een vergunning aanvraagt. De rechtmatigheid blijft geborgd omdat de "
        "dwangsom niet vervalt. Het kost ons zes weken en uitleg richting de wethouder.",
        "advice": "Stel de begunstigingstermijn zes weken uit, bied de buren een gesprek met een interne mediator "
        "aan, en vraag de inwoner binnen die termijn een vergunning aan te vragen. Informeer de wethouder vooraf "
        "over de reden en de einddatum.",
        "personal_perspective": "Ik merk dat ik me ergens ongemakkelijk voel bij de druk van de wethouder. Ik "
        "wil dit bespreken met mijn teamleider voordat het advies de deur uit gaat.",
        "stakeholders": [
            ("De inwoner met de aanbouw", "Wil de aanbouw houden en voelt zich aangevallen door de buren."),
            ("De buren (verzoekers)", "Willen dat de regels gelden en dat hun klacht serieus wordt genomen."),
            ("Team handhaving", "Wil consistent optreden en geen precedent voor trage afhandeling."),
            ("De wethouder", "Wil laten zien dat de gemeente handhaaft."),
        ],
        "options": [
            (
                "Direct handhaven zoals besloten",
                "De dwangsom loopt na de begunstigingstermijn.",
                {
                    "public": (2, "Rechtmatig en gelijk voor iedereen."),
                    "organisational": (1, "Past in het beleid, maar de bezwaarprocedure loopt door."),
                    "professional": (-1, "Lost de burenruzie niet op; nieuwe klachten zijn te verwachten."),
                    "personal": (-1, "Voelt als het doorschuiven van het echte probleem."),
                },
            ),
            (
                "Zes weken pauze voor mediation en legalisatie",
                "Begunstigingstermijn verlengen; gesprek met een interne mediator.",
                {
                    "public": (1, "Dwangsom blijft staan; legalisatie is mogelijk."),
                    "organisational": (0, "Kost tijd en uitleg aan de wethouder."),
                    "professional": (2, "Pakt de oorzaak aan en past bij de informele aanpak."),
                    "personal": (1, "Hier kan ik achter staan."),
                },
            ),
            (
                "Besluit intrekken en opnieuw beginnen",
                "",
                {
                    "public": (-2, "Ondermijnt het vertrouwen van de verzoekers."),
                    "organisational": (-1, "Precedent."),
                },
            ),
        ],
        "readers": ["redacteur@almere.example"],
        "comments": [
            (
                "redacteur@almere.example",
                "Heldere afweging. Zet in het advies ook wat er gebeurt als het gesprek na zes weken niets "
                "oplevert, dan weet de wethouder dat er een einde aan de pauze zit.",
            ),
            ("lid@almere.example", "Goed punt, ik neem het op in het advies."),
        ],
    },
    {
        "owner": "medlem@kk.example",
        "language": "da",
        "title": "Nedsat hjemmehjælp: fastholde afgørelsen eller holde et dialogmøde?",
        "context": "En ældre borger har fået nedsat sin hjemmehjælp efter en revisitation. Datteren har klaget og "
        "siger, at moren er utryg. Afgørelsen følger kvalitetsstandarden, men der er kommet nye oplysninger om "
        "fald i hjemmet.",
        "rules": "Serviceloven og kommunens kvalitetsstandard for praktisk hjælp og personlig pleje. Klageadgang "
        "til Ankestyrelsen. Forvaltningsloven: partshøring ved nye oplysninger.",
        "conclusion": "Et dialogmøde før afgørelsen træder i kraft er den bedste vej. Det koster lidt tid og kan "
        "genskabe tilliden.",
        "advice": "Hold et dialogmøde med borger, datter og visitator inden for to uger, og vurder på mødet, om de "
        "nye oplysninger giver grund til en ny visitation.",
        "personal_perspective": "Jeg bliver defensiv, når pressen nævnes. Jeg vil gerne have min leder med til mødet.",
        "stakeholders": [
            ("Borgeren", "Vil føle sig tryg i eget hjem."),
            ("Datteren", "Vil have, at moren bliver taget alvorligt."),
            ("Visitationen", "Vil træffe ensartede afgørelser efter standarden."),
        ],
        "options": [
            (
                "Fastholde afgørelsen",
                "",
                {
                    "public": (2, "Ens behandling efter standarden."),
                    "professional": (-1, "De nye oplysninger bliver ikke vurderet."),
                },
            ),
            (
                "Dialogmøde før ikrafttrædelse",
                "Et møde med borger, datter og visitator.",
                {
                    "public": (1, "Partshøring bliver reel."),
                    "organisational": (0, "Koster en time."),
                    "professional": (2, "Fagligt stærkt."),
                    "personal": (1, "Det kan jeg stå inde for."),
                },
            ),
        ],
        "readers": [],
        "comments": [],
    },
]
