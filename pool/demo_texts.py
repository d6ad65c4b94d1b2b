"""Texts of the pool's demo content: the networks' agreements, the mediators' introductions, and the requests.

Written for this platform from the facts in the source documents (seven municipalities lending each other HR
advisers and employment lawyers trained as mediators, without a price tag, after clear agreements). Requests name
roles only, never a citizen or a colleague: every text here passes the personal-data detector (a test checks it).
Dutch for the Dutch network and organisations, Danish for the Danish ones.
"""

MIDDEN_NEDERLAND = {
    "name": "Mediatorennetwerk Midden-Nederland",
    "description": (
        "Zeven gemeenten die elkaar mediators lenen: HR-adviseurs en arbeidsjuristen met een mediationopleiding, die "
        "in een andere gemeente als buitenstaander een conflict begeleiden. Opgezet door Almere, Hilversum en Zeist."
    ),
    "agreements": """\
Zeven gemeenten zetten hun opgeleide mediators in bij elkaars conflicten: tussen werkgever en medewerker, en tussen
inwoner en gemeente. De mediator komt van buiten en is dus geen partij, maar er hangt geen prijskaartje aan. Deze
afspraken gelden voor elke uitwisseling.

## Zo loopt een verzoek

1. De coördinator van de vragende gemeente, of een collega die de coördinator daarvoor aanwijst, zet een verzoek
   uit in het netwerk: soort conflict, beleidsterrein, taal, urgentie en gewenste periode, met een korte
   omschrijving zonder namen.
2. Poolmediators van de andere gemeenten bieden zich binnen vijf werkdagen aan, met een paar regels over waarom
   zij passen.
3. De vragende gemeente kiest één aanbod. De andere aanbieders horen kort waarom niet.
4. De coördinator van de uitlenende gemeente keurt de inzet goed. Pas daarna zien beide kanten elkaars
   contactgegevens en maken mediator en vragende gemeente afspraken over de intake.
5. Na afloop legt de mediator de bestede uren vast.

## Geen rekening tussen leden

Leden sturen elkaar geen factuur. De uitlenende gemeente blijft werkgever en betaalt de uren; reiskosten declareert
de mediator bij de eigen gemeente.

## Uren en de jaarbalans

Elke zaak krijgt zijn uren. Het overzicht van het netwerk toont per gemeente per jaar wat zij uitleende en leende.
In het eerste kwartaal bespreken de coördinatoren de balans van het afgelopen jaar. Een gemeente die structureel
meer leent dan uitleent, kijkt of zij een extra collega kan laten opleiden; een tekort wordt niet verrekend.

## Vertrouwelijkheid

- Een verzoek beschrijft rollen ("een teamleider", "een inwoner"), nooit namen of andere herleidbare gegevens.
- Wat in een mediation gezegd wordt, blijft bij de partijen en de mediator. In een dossier staat hooguit dat er een
  mediation is geweest en of die is afgerond.
- De mediator rapporteert niet aan de eigen gemeente over de inhoud van een zaak.

## Belangenverstrengeling

Een mediator neemt nooit een zaak van de eigen gemeente aan. Wie een van de partijen kent, eerder bij de kwestie
betrokken was of om een andere reden niet onbevangen is, meldt bij het verzoek een belangenconflict en krijgt het
daarna niet meer voorgelegd.

## Toestemming van de leidinggevende

Een collega komt pas in de pool als de coördinator van de eigen gemeente heeft bevestigd dat de leidinggevende
akkoord is. Daarbij staat vast hoeveel zaken per kwartaal iemand kan aannemen; de mediator houdt de beschikbaarheid
zelf bij.

## Intervisie

Twee keer per jaar komen de poolmediators samen voor intervisie, steeds in een andere deelnemende gemeente.
""",
}

HOVEDSTADEN = {
    "name": "Mæglernetværk Hovedstaden",
    "description": (
        "Kommuner og region i hovedstadsområdet, der låner hinandens uddannede mæglere ud til konflikter mellem "
        "borger og forvaltning og mellem leder og medarbejder."
    ),
    "agreements": """\
Medlemmerne stiller uddannede mæglere til rådighed for hinanden. Mægleren kommer udefra og er ikke part i sagen.

## Sådan går en anmodning

1. Koordinatoren i den spørgende organisation beskriver sagen uden navne: type konflikt, område, sprog og hvor
   hurtigt der er brug for hjælp.
2. Mæglere fra de andre medlemmer melder sig.
3. Den spørgende organisation vælger én, og mæglerens egen koordinator godkender udlånet.
4. Først derefter udveksles kontaktoplysninger.
5. Når sagen er slut, registrerer mægleren timerne.

## Ingen betaling mellem medlemmer

Ingen sender regning til hinanden. Timerne opgøres pr. år, og koordinatorerne drøfter balancen hvert forår.

## Fortrolighed og inhabilitet

Det, der siges under mæglingen, bliver mellem parterne og mægleren. En mægler tager aldrig en sag fra sin egen
organisation og melder inhabilitet, hvis vedkommende kender en af parterne.

## Lederens samtykke

En medarbejder kommer først med i puljen, når koordinatoren har bekræftet, at nærmeste leder er indforstået.
""",
}

# Provincie Utrecht asks to join the Dutch network: the network coordinator has not decided yet.
JOIN_MOTIVATION = (
    "Wij hebben vier opgeleide mediators op de afdelingen HR en Juridische Zaken en krijgen steeds vaker "
    "vragen over conflicten tussen provincie en gemeenten. We willen graag aansluiten, uitlenen én lenen, en "
    "meedoen aan de intervisie."
)

INTRODUCTIONS = {
    "f.elamrani@almere.example": (
        "Juridisch medewerker bezwaar en beroep in het sociaal domein, opgeleid als mediator. Ik bel inwoners na een "
        "bezwaar en doe informele gesprekken binnen Almere. Gesprekken kunnen ook in het Arabisch."
    ),
    "r.dekker@almere.example": (
        "Senior HR-adviseur met een mediationopleiding. Ik begeleid gesprekken tussen leidinggevenden en "
        "medewerkers, binnen Almere en als poolmediator bij andere gemeenten."
    ),
    "p.smit@hilversum.example": (
        "Arbeidsjurist bij Hilversum en MfN-registermediator. Vooral arbeidsconflicten en vastgelopen "
        "re-integraties; gesprekken desgewenst in het Engels."
    ),
    "mediator@zeist.example": (
        "HR-adviseur in Zeist en opgeleid mediator. Ik werk graag aan conflicten tussen leidinggevende en "
        "medewerker voordat ze juridisch worden, en ook aan conflicten tussen inwoners en de gemeente."
    ),
    "h.yilmaz@amersfoort.example": (
        "Klantmanager en mediator. Ik ken het sociaal domein en de openbare ruimte van binnenuit; gesprekken kunnen "
        "ook in het Turks."
    ),
    "t.vermeulen@amersfoort.example": (
        "Vergunningverlener omgevingsrecht, net klaar met de mediationopleiding. Ik wil graag zaken over "
        "vergunningen en overlast begeleiden."
    ),
    "i.mulder@gooisemeren.example": (
        "Beleidsadviseur omgevingsrecht en mediator. Ervaring met geschillen tussen gemeente en andere "
        "overheden of uitvoeringsorganisaties. Tijdelijk niet beschikbaar vanwege een project."
    ),
    "w.vandenberg@heuvelrug.example": (
        "Medewerker belastingen (WOZ en heffingen), mediator sinds een paar jaar. Ik help bij bezwaren waar het "
        "eigenlijk om vertrouwen gaat. Ook in het Duits."
    ),
    "d.jacobs@lelystad.example": (
        "HR-adviseur en mediator. Binnen Lelystad interne mediator, in het netwerk beschikbaar voor "
        "arbeidsconflicten en zaken in het sociaal domein. Gesprekken ook in het Engels of Pools."
    ),
    "j.norgaard@kk.example": (
        "Jurist i Borgerrådgiverens team og uddannet mægler. Jeg mægler mellem borgere og forvaltningen, især i "
        "sager om hjemmehjælp og handicap."
    ),
    "l.friis@regionh.example": (
        "HR-konsulent og mægler. Konflikter mellem leder og medarbejder og samarbejdsproblemer efter "
        "omstruktureringer. Mægling også på engelsk og tysk."
    ),
    "m.jensen@frederiksberg.example": (
        "Sagsbehandler på social- og vejområdet, uddannet mægler. Jeg tager gerne sager mellem borger og "
        "forvaltning og mellem myndigheder."
    ),
}

EXTERNAL_NOTES = {
    "Hofstra Mediation & Conflictadvies": (
        "Raamovereenkomst tot en met eind volgend jaar, uurtarief volgens de offerte in het contractdossier. Inzetten "
        "bij zaken die intern gevoelig liggen of waarin grote financiële belangen spelen. Aanvraag altijd via de "
        "vaste contactpersoon; die regelt ook de intake."
    ),
    "Boukhari Arbeidsmediation": (
        "Per opdracht, na akkoord van de afdelingsmanager. Kent de cao gemeenten goed. Niet inzetten als een van "
        "de partijen een advocaat heeft: dan eerst overleg met Juridische Zaken."
    ),
    "Kuipers & Van Leeuwen Mediators": (
        "Afspraak voor drie trajecten per jaar tegen een vast bedrag. Ervaring met bezwaarzaken in het sociaal "
        "domein en met grensoverschrijdende zaken (Duitstalig)."
    ),
}

# Requests that show each step of the flow; keyed for demo.py. Roles only, never names.
REQUESTS = {
    "terras": {
        "title": "Ondernemer en gemeente over handhaving op een terras",
        "description": (
            "Een horecaondernemer heeft twee waarschuwingen gekregen voor een te groot terras en voelt zich "
            "willekeurig behandeld. De contacten met de toezichthouder zijn gespannen geraakt. Wij zoeken een "
            "mediator van buiten die een gesprek kan leiden voordat er een last onder dwangsom volgt."
        ),
    },
    "expat": {
        "title": "Internationale medewerker en teamleider na een beoordelingsgesprek",
        "description": (
            "Een medewerker die geen Nederlands spreekt, is het oneens met de beoordeling en heeft zich ziek gemeld. "
            "De teamleider wil het gesprek weer op gang brengen. De mediation moet in het Engels kunnen."
        ),
        "offers": {
            "mediator@zeist.example": (
                "Ik heb vergelijkbare zaken begeleid na een beoordeling en voer het gesprek zonder moeite in het "
                "Engels. Ik kan over twee weken starten."
            ),
            "p.smit@hilversum.example": (
                "Als arbeidsjurist ken ik de regels rond beoordeling en ziekmelding; gesprekken in het Engels doe ik "
                "regelmatig."
            ),
        },
    },
    "naheffing": {
        "title": "Ondernemer en gemeente over een naheffing toeristenbelasting",
        "description": (
            "Een kleine verhuurder heeft bezwaar gemaakt tegen een naheffing over drie jaar. In het hoorgesprek "
            "bleek dat het vooral gaat om hoe de controle verliep. We willen een gesprek met de afdeling "
            "belastingen onder leiding van een mediator die heffingen kent."
        ),
        "offers": {
            "w.vandenberg@heuvelrug.example": (
                "Ik werk zelf bij belastingen en heb eerder bezwaren rond heffingen in een gesprek opgelost. "
                "Volgende maand heb ik ruimte."
            ),
        },
    },
    "reorganisatie": {
        "title": "Samenwerking in een team na een reorganisatie",
        "description": (
            "Na het samenvoegen van twee afdelingen werken een senior medewerker en de nieuwe teamleider langs "
            "elkaar heen. Collega's merken het en het verzuim loopt op. Beide willen een gesprek met iemand van "
            "buiten Hilversum."
        ),
        "offers": {
            "r.dekker@almere.example": (
                "Samenwerking na een reorganisatie is mijn dagelijks werk als HR-adviseur. Ik kan binnen twee weken "
                "een eerste gesprek doen."
            ),
        },
    },
    "thuiswerken": {
        "title": "Leidinggevende en medewerker over afspraken voor thuiswerken",
        "description": (
            "Een medewerker en de leidinggevende komen er niet uit hoeveel dagen thuiswerken past bij de functie. "
            "Het gesprek is vastgelopen en de medewerker heeft een advocaat overwogen. Eerst een mediation met "
            "iemand van een andere gemeente."
        ),
        "offers": {
            "mediator@zeist.example": (
                "Afspraken over thuiswerken komen in Zeist ook vaak op tafel. Ik kan deze maand twee gesprekken "
                "inplannen."
            ),
        },
    },
    "subsidie": {
        "title": "Gemeente en een welzijnsorganisatie over een subsidieafspraak",
        "description": (
            "Een welzijnsorganisatie vindt dat de gemeente afspraken over de prestaties achteraf heeft veranderd. "
            "De accountmanager en de directie van de organisatie spreken elkaar alleen nog schriftelijk."
        ),
        "offers": {
            "h.yilmaz@amersfoort.example": (
                "Ik ken het sociaal domein en de subsidierelatie met welzijnsorganisaties. Ik kan op korte termijn."
            ),
        },
        "offer_reason": "Het verzoek is ingetrokken; dank voor uw aanbod.",
        "close_reason": (
            "Na een verkennend gesprek tussen de wethouder en de directie van de organisatie zijn de afspraken "
            "opnieuw vastgelegd. Een mediation is niet meer nodig."
        ),
    },
    "wijkteam": {
        "title": "Inwoner en wijkteam na een afgewezen aanvraag voor begeleiding",
        "description": (
            "Een inwoner voelt zich niet gehoord door het wijkteam na een afwijzing en heeft een klacht ingediend. "
            "Het gesprek kan het best in het Turks, zodat de inwoner zich vrij voelt. We zoeken iemand die het "
            "sociaal domein kent."
        ),
        "offers": {
            "h.yilmaz@amersfoort.example": (
                "Ik spreek Turks en werk zelf als klantmanager in het sociaal domein. Ik kan de intake volgende week "
                "doen."
            ),
            "d.jacobs@lelystad.example": "Ik ken het sociaal domein goed en kan snel beginnen.",
        },
        "declined_reason": (
            "We kiezen voor een mediator die het gesprek in het Turks kan voeren. Dank voor het snelle aanbod."
        ),
    },
    "samarbejde": {
        "title": "Samarbejdsvanskeligheder i en afdeling efter en sammenlægning",
        "description": (
            "To teams er lagt sammen, og en afdelingsleder og en erfaren medarbejder er kørt fast i en konflikt om "
            "opgavefordelingen. Begge ønsker en mægler udefra."
        ),
        "offers": {
            "j.norgaard@kk.example": (
                "Jeg har mæglet i lignende sager efter omstruktureringer og kan starte om to uger."
            ),
        },
    },
    "hjemmehjaelp": {
        "title": "Borger og forvaltning efter en langvarig klagesag om hjemmehjælp",
        "description": (
            "En ældre borger og de pårørende har klaget flere gange over visitationen til hjemmehjælp. Sagen er "
            "afgjort, men samarbejdet med forvaltningen er gået i stå. Vi ønsker en mæglingssamtale."
        ),
        "offers": {
            "m.jensen@frederiksberg.example": (
                "Jeg kender området og har mæglet mellem borgere og forvaltning i flere klagesager."
            ),
        },
    },
}

# The past year's finished loans, for the ledger: (title, description). Roles only.
HISTORY = {
    "re-integratie": (
        "Re-integratie na langdurige ziekte vastgelopen",
        "Een medewerker en de leidinggevende verschillen van mening over passend werk na een lange ziekte.",
    ),
    "functioneren": (
        "Verstoorde verhouding na een verbetertraject",
        "Een verbetertraject is volgens de medewerker oneerlijk verlopen; de teamleider ziet dat anders.",
    ),
    "bezwaar-wmo": (
        "Inwoner en gemeente na een bezwaar over huishoudelijke hulp",
        "Bij het horen bleek dat het bezwaar vooral over bejegening ging. Een gesprek onder leiding van een "
        "mediator leek meer op te leveren dan een beslissing op bezwaar.",
    ),
    "team-conflict": (
        "Conflict tussen twee collega's in een klein team",
        "Twee collega's vermijden elkaar; de teamleider is al eerder bemiddelend opgetreden en wil nu iemand "
        "van buiten.",
    ),
    "schuldhulp": (
        "Inwoner en schuldhulpverlening over een beëindigd traject",
        "Een inwoner vindt dat het traject te snel is gestopt; de afdeling wil de relatie herstellen.",
    ),
    "participatie": (
        "Inwoner en klantmanager over een re-integratieverplichting",
        "De verhouding tussen een inwoner en de klantmanager is verslechterd na een maatregel.",
    ),
    "verlof": (
        "Leidinggevende en medewerker over verlof en mantelzorg",
        "Een medewerker met mantelzorgtaken en de leidinggevende komen niet tot werkbare afspraken.",
    ),
    "werkdruk": (
        "Werkdruk en onderlinge verwijten in een uitvoeringsteam",
        "Het team verwijt de leidinggevende dat signalen over werkdruk zijn genegeerd; de leidinggevende voelt zich "
        "niet gesteund.",
    ),
    "overlast": (
        "Buurtbewoners en gemeente over overlast bij een speelveld",
        "Bewoners vinden dat de gemeente klachten over overlast niet serieus neemt; de afdeling openbare ruimte "
        "wil samen tot afspraken komen.",
    ),
    "woz": (
        "Inwoner en gemeente over een WOZ-bezwaar dat jaarlijks terugkomt",
        "Een inwoner maakt elk jaar bezwaar tegen de waarde; het gaat vooral om wantrouwen over de taxatie.",
    ),
    "grenzen": (
        "Twee gemeenten over het beheer van een grensgebied",
        "Twee gemeentelijke afdelingen zijn het oneens over wie verantwoordelijk is voor onderhoud en "
        "handhaving in een gebied op de gemeentegrens.",
    ),
    "promotie": (
        "Medewerker en afdelingshoofd na een afgewezen sollicitatie",
        "Na een interne sollicitatie voelt een medewerker zich gepasseerd; de samenwerking met het afdelingshoofd "
        "is gespannen.",
    ),
    "nieuwe-functie": (
        "Medewerker en leidinggevende over een nieuwe functiebeschrijving",
        "Na een herindeling is de medewerker het niet eens met de nieuwe functie; er dreigt een procedure.",
    ),
    "jeugd": (
        "Ouders en gemeente over de inzet van jeugdhulp",
        "Ouders en het jeugdteam verschillen van mening over de hulp; de relatie staat onder druk.",
    ),
    # Danish network
    "leder-medarbejder": (
        "Leder og medarbejder efter en advarsel",
        "En medarbejder har fået en skriftlig advarsel og oplever den som uretfærdig; lederen ønsker at komme videre.",
    ),
    "vejarbejde": (
        "Region og kommune om ansvaret for et vejprojekt",
        "To myndigheder er uenige om fordelingen af opgaver og udgifter i et fælles projekt.",
    ),
    "handicap": (
        "Borger og forvaltning om en sag om hjælpemidler",
        "En borger har været utilfreds med sagsbehandlingen længe; forvaltningen ønsker en ny start.",
    ),
    "parkering": (
        "Borgere og kommune om parkeringsregler i et boligområde",
        "En gruppe beboere føler sig overhørt ved indførelsen af nye parkeringsregler.",
    ),
}
