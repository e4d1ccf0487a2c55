"""The Swedish demo content of the international pages, written from the strategy's facts.

Facts from the municipality's strategy (the twin towns, the 2022 decision, the goals, the
areas, the division of responsibility) are stated as such. Everything marked
``example=True`` is invented to exercise the site and is flagged as an example in the admin.
"""

PROGRAMMES = [
    {
        "slug": "erasmus-plus",
        "name": "Erasmus+",
        "description": "EU:s program för utbildning, ungdom och idrott.",
        "website": "https://erasmus-plus.ec.europa.eu/",
    },
    {
        "slug": "europeiska-solidaritetskaren",
        "name": "Europeiska solidaritetskåren",
        "description": "EU-stöd till volontärarbete och solidaritetsprojekt som unga driver.",
        "website": "https://youth.europa.eu/solidarity_sv",
    },
    {
        "slug": "interreg",
        "name": "Interreg",
        "description": "EU:s program för samarbete mellan regioner över nationsgränser.",
        "website": "https://interreg.eu/",
    },
    {
        "slug": "kreativa-europa",
        "name": "Kreativa Europa",
        "description": "EU:s program för kultur och audiovisuella medier.",
        "website": "https://culture.ec.europa.eu/creative-europe",
    },
    {
        "slug": "nordplus",
        "name": "Nordplus",
        "description": "Nordiska ministerrådets program för utbyten inom utbildning.",
        "website": "https://www.nordplusonline.org/",
    },
    {
        "slug": "esf-plus",
        "name": "ESF+",
        "description": "Europeiska socialfonden+, för arbete, kompetens och inkludering.",
        "website": "https://www.esf.se/",
    },
]

TOPICS = [
    ("unga", "Unga"),
    ("skola", "Skola och utbildning"),
    ("kultur", "Kultur"),
    ("naringsliv", "Näringsliv"),
    ("hallbarhet", "Hållbar utveckling"),
    ("eu-finansiering", "EU-finansiering"),
    ("sprak", "Språk och information"),
]

# The five goals of the strategy, in our own words.
GOALS = [
    {
        "slug": "kunskap",
        "short_title": "Kunskap om EU och internationella frågor",
        "text": (
            "<p>Kommunen vet hur EU och omvärlden påverkar Nässjö och har kompetens att "
            "söka och hantera extern finansiering.</p>"
        ),
    },
    {
        "slug": "samarbeten",
        "short_title": "Långsiktiga samarbeten",
        "text": (
            "<p>Nätverk och projekt med partner i andra länder ger samarbeten som håller "
            "över tid och utvecklar kommunens verksamheter.</p>"
        ),
    },
    {
        "slug": "extern-finansiering",
        "short_title": "Extern finansiering",
        "text": (
            "<p>Kommunen söker pengar, bland annat från EU, för att driva eller vara med i "
            "projekt på lokal, regional, nationell och internationell nivå.</p>"
        ),
    },
    {
        "slug": "forstaelse",
        "short_title": "Förståelse mellan kulturer",
        "text": (
            "<p>Utbyten, inte minst för unga, gör invånarna mer toleranta och nyfikna på "
            "andra kulturer än den egna.</p>"
        ),
    },
    {
        "slug": "fler-sprak",
        "short_title": "Information på fler språk",
        "text": (
            "<p>Mer information på andra språk gör det lättare för invånare och företag "
            "att ha kontakt med kommunen.</p>"
        ),
    },
]

PARTNERS = [
    {
        "slug": "bronderslev",
        "name": "Brønderslev Kommune",
        "country": "DK",
        "kind": "municipality",
        "is_twin_town": True,
        "ended_on": "2022-08-17",
        "description": (
            "Vänort i Nordjylland sedan 1950-talet. Samarbetet växte fram ur viljan att "
            "bygga fred mellan de nordiska länderna efter andra världskriget."
        ),
        "end_note": (
            "Kommunstyrelsen i Nässjö beslutade den 17 augusti 2022 att avsluta det "
            "dåvarande upplägget för vänortssamverkan."
        ),
        "example": False,
    },
    {
        "slug": "eidsberg",
        "name": "Eidsberg kommune",
        "country": "NO",
        "kind": "municipality",
        "is_twin_town": True,
        "ended_on": "2022-08-17",
        "description": (
            "Vänort i Østfold sedan 1950-talet. Sedan den 1 januari 2021 är Eidsberg en del "
            "av Indre Østfold kommune, som bildades av fem kommuner."
        ),
        "end_note": (
            "Våren 2022 meddelade Indre Østfold att kommunen ville avsluta alla de "
            "vänortsrelationer som de fem gamla kommunerna hade. Kommunstyrelsen i Nässjö "
            "avslutade samverkan den 17 augusti 2022."
        ),
        "example": False,
    },
    {
        "slug": "region-jonkopings-lan",
        "name": "Region Jönköpings län",
        "country": "SE",
        "kind": "region",
        "description": (
            "Regionen samordnar länets arbete mot EU och är en naturlig partner när "
            "kommunerna i länet söker EU-projekt tillsammans."
        ),
        "example": False,
    },
    {
        "slug": "jonkoping-university",
        "name": "Jönköping University",
        "country": "SE",
        "kind": "university",
        "description": (
            "Högskolan har breda internationella kontakter och arrangerar mässor och "
            "konferenser där kommunen vill synas, bland annat för att rekrytera framtida "
            "medarbetare."
        ),
        "example": False,
    },
    {
        "slug": "europa-direkt",
        "name": "Europa Direkt Jönköpings län",
        "country": "SE",
        "kind": "network",
        "description": (
            "Informationskontor som sprider kunskap om EU i länet och stödjer kommunens "
            "omvärldsbevakning."
        ),
        "example": False,
    },
    {
        "slug": "tukums",
        "name": "Tukuma novads",
        "country": "LV",
        "kind": "municipality",
        "active_since": "2023-05-10",
        "agreement_date": "2023-05-10",
        "agreement_reference": "KS 2023/214",
        "description": "Lettisk kommun som Nässjös skolor samarbetar med om digitalt lärande.",
        "example": True,
    },
    {
        "slug": "morag",
        "name": "Gmina Morąg",
        "country": "PL",
        "kind": "municipality",
        "active_since": "2023-09-01",
        "agreement_date": "2023-09-01",
        "agreement_reference": "KS 2023/388",
        "description": "Polsk kommun som tar emot och skickar unga i gemensamma utbyten.",
        "example": True,
    },
    {
        "slug": "kaarina",
        "name": "Kaarinan kaupunki",
        "country": "FI",
        "kind": "municipality",
        "active_since": "2024-02-15",
        "description": "Finsk stad som delar erfarenheter av äldreomsorg genom personalutbyten.",
        "example": True,
    },
    {
        "slug": "ponte-giovani",
        "name": "Associazione Ponte Giovani",
        "country": "IT",
        "kind": "organisation",
        "active_since": "2024-06-01",
        "description": "Italiensk ungdomsorganisation som arrangerar ungdomsutbyten.",
        "example": True,
    },
    {
        "slug": "small-towns-network",
        "name": "Nätverket Småstäder i Europa",
        "country": "BE",
        "kind": "network",
        "active_since": "2025-01-20",
        "description": "Europeiskt nätverk där mindre kommuner delar erfarenheter av EU-projekt.",
        "example": True,
    },
]

STRATEGY = {
    "slug": "strategi",
    "title": "Strategi för internationellt arbete",
    "lead": (
        "Strategin är ramen för kommunens internationella arbete: varför vi gör det, vad vi "
        "vill uppnå och vem som ansvarar för vad."
    ),
    "background": (
        "<p>Förr växte de internationella kontakterna fram där en enskild verksamhet såg "
        "ett behov. Region Jönköpings län har haft ansvaret för att samordna länets arbete "
        "mot EU.</p>"
        "<p>Sedan 1950-talet har Nässjö haft vänorter i Danmark och Norge: Brønderslev och "
        "Eidsberg. Tanken var att knyta band som stärkte freden efter andra världskriget. "
        "Relationerna har varit goda, men med åren gav samarbetet allt mindre. När Eidsberg "
        "blev en del av Indre Østfold meddelade den nya kommunen våren 2022 att den ville "
        "avsluta sina vänortsrelationer.</p>"
        "<p>Den 17 augusti 2022 beslutade kommunstyrelsen att avsluta vänortssamverkan i den "
        "form den hade. Samtidigt fick kommunledningskontoret i uppdrag att ta fram en "
        "strategi för det fortsatta internationella arbetet, med nya former för samarbete "
        "både inom och utanför Norden.</p>"
    ),
    "purpose": (
        "<p>Det internationella arbetet ska hjälpa kommunens verksamheter att utvecklas och "
        "därmed bidra till att Nässjö växer på ett hållbart, tryggt och attraktivt sätt. "
        "Det sker genom nätverk och projekt, med EU:s tillväxtstrategi och Agenda 2030 som "
        "utgångspunkt.</p>"
        "<p>Arbetet ska vara ekologiskt, ekonomiskt och socialt hållbart. Mänskliga "
        "rättigheter, demokrati och jämställdhet är grunden.</p>"
    ),
    "goals_intro": (
        "Strategin är ett verktyg för att nå kommunens fokusmål och Vision 2030. När det "
        "internationella arbetet fungerar väl kännetecknas kommunen av följande."
    ),
    "responsibilities": [
        ("Kommunfullmäktige", "Beslutar om och fastställer strategin."),
        (
            "Kommunfullmäktiges presidium",
            "Tar emot gäster från andra länder och representerar kommunen officiellt.",
        ),
        (
            "Kommunstyrelsen",
            "Leder det internationella arbetet strategiskt och följer upp målen. Kan "
            "tillsammans med presidiet representera kommunen internationellt.",
        ),
        (
            "Nämnder, förvaltningar och bolag",
            "Bevakar gemensamt omvärlden och styr sitt eget internationella arbete. "
            "Uppföljningen sker vid behov i den vanliga dialogen.",
        ),
    ],
    "adopted_by": "kommunfullmäktige",
    "adoption_note": (
        "Kommunstyrelsen gav kommunledningskontoret i uppdrag att ta fram strategin i "
        "samband med beslutet om vänorterna den 17 augusti 2022. Enligt strategins "
        "ansvarsfördelning är det kommunfullmäktige som fastställer den."
    ),
}

STRATEGY_AREAS = [
    {
        "slug": "omvarldsbevakning-och-kompetensutveckling",
        "title": "Omvärldsbevakning och kompetensutveckling",
        "lead": "Vi håller oss informerade om vad som händer i EU och lär oss av andra.",
        "body": [
            (
                "paragraph",
                "<p>Kommunen följer vad som beslutas i EU och hur det kan påverka Nässjö, "
                "både nu och på längre sikt. Europa Direkt Jönköpings län är en viktig "
                "källa.</p>",
            ),
            (
                "paragraph",
                "<p>Medarbetare och förtroendevalda kan delta i konferenser och projekt "
                "för att knyta kontakter, hämta goda exempel och föra fram kommunens "
                "intressen. Kommunen kan också ordna utbildningar i internationella "
                "frågor.</p>",
            ),
        ],
    },
    {
        "slug": "verksamhetsutveckling",
        "title": "Verksamhetsutveckling",
        "lead": "Nätverk och projekt ska ge nytta för invånare, företag och föreningar.",
        "body": [
            (
                "paragraph",
                "<p>Kommunen deltar i internationella nätverk och i nätverk mellan kommuner, "
                "regioner och myndigheter i Sverige som arbetar internationellt. "
                "Erfarenhetsutbyten, kultur- och ungdomsutbyten och överföring av kunskap "
                "och teknik ger bättre underlag för beslut.</p>",
            ),
            ("heading", "Ungdomsutbyten"),
            (
                "paragraph",
                "<p>Att unga i Nässjö får möjlighet att delta i internationella utbyten "
                "är särskilt viktigt.</p>",
            ),
        ],
    },
    {
        "slug": "extern-finansiering",
        "title": "Extern finansiering",
        "lead": "EU:s fonder och program ska användas för att utveckla kommunen.",
        "body": [
            (
                "paragraph",
                "<p>Pengar från EU:s fonder och program kan höja kvaliteten i kommunens "
                "verksamheter. Kommunen ska bygga upp ett stöd som gör att fler projekt "
                "med extern finansiering kommer till stånd.</p>",
            ),
        ],
    },
    {
        "slug": "avtal-och-samarbeten",
        "title": "Avtal och samarbeten",
        "lead": "Vem som får teckna avtal, och hur vi samarbetar i regionen.",
        "body": [
            (
                "paragraph",
                "<p>Kommunstyrelsen får teckna samarbetsavtal med orter i Norden, Europa och "
                "resten av världen, så länge avtalen inte binder kommunen till åtaganden. "
                "Verksamheter och organisationer uppmuntras att samarbeta i projekt kring "
                "enskilda frågor, till exempel mellan skolor.</p>",
            ),
            (
                "paragraph",
                "<p>Kommunen stödjer också regionalt samarbete i internationella frågor, "
                "till exempel gemensamma EU-projekt med Region Jönköpings län eller "
                "grannkommuner. Jönköping University har många internationella kontakter "
                "som kommunen kan dra nytta av, också när det gäller näringslivet.</p>",
            ),
        ],
    },
]

PARTNERS_PAGE = {
    "slug": "partner",
    "title": "Partner och vänorter",
    "intro": (
        "Här är de kommuner, regioner och organisationer som Nässjö samarbetar med i dag, "
        "och de vänorter vi hade tidigare."
    ),
    "history": [
        ("heading", "Sjuttio år av vänortssamarbete"),
        (
            "paragraph",
            "<p>Efter andra världskriget ville många nordiska kommuner bygga vänskap över "
            "gränserna. Nässjö knöt på 1950-talet band med Brønderslev i Danmark och "
            "Eidsberg i Norge, och i årtionden besökte politiker, skolor och föreningar "
            "varandra.</p>",
        ),
        (
            "paragraph",
            "<p>Med tiden blev utbytet mindre. Kommunerna försökte hitta områden där "
            "samarbetet gav verklig effekt, men resultaten blev få. När Norge slog ihop "
            "kommuner 2021 (428 kommuner blev 356) gick Eidsberg upp i Indre Østfold. Våren "
            "2022 meddelade Indre Østfold att man ville avsluta alla gamla vänortsrelationer.</p>",
        ),
        (
            "fact_box",
            {
                "title": "Beslutet 2022",
                "text": (
                    "<ul><li>Kommunstyrelsen avslutade vänortssamverkan den 17 augusti "
                    "2022.</li><li>Samma dag fick kommunledningskontoret i uppdrag att "
                    "skriva en strategi för det internationella arbetet.</li></ul>"
                ),
            },
        ),
        (
            "paragraph",
            "<p>I dag samarbetar kommunen i stället i projekt och nätverk, med partner som "
            "väljs efter vad samarbetet ska åstadkomma.</p>",
        ),
    ],
}

# News: days_ago is counted from the first load, so the listing always has recent items.
NEWS = [
    {
        "slug": "ungdomsutbyte-i-morag",
        "title": "Tolv unga från Nässjö på utbyte i Polen",
        "days_ago": 2,
        "lead": (
            "I en vecka bodde tolv ungdomar från Nässjö tillsammans med jämnåriga från "
            "Polen och Italien och arbetade med frågan om vad demokrati betyder för unga."
        ),
        "body": [
            (
                "paragraph",
                "<p>Utbytet ordnades av Gmina Morąg och finansierades av Erasmus+. Dagarna "
                "fylldes av workshoppar, studiebesök och gemensamma måltider.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Jag trodde att vi skulle vara olika, men vi oroar oss för samma saker."
                    ),
                    "attribution": "Deltagare, 16 år",
                },
            ),
        ],
        "partners": ["morag", "ponte-giovani"],
        "topics": ["unga"],
        "goals": ["forstaelse", "samarbeten"],
        "alt": "Tecknad bild med cirklar i gult på blå botten som illustrerar ett möte.",
    },
    {
        "slug": "strategin-pa-webben",
        "title": "Nu finns strategin för internationellt arbete på webben",
        "days_ago": 9,
        "lead": (
            "Strategin för kommunens internationella arbete finns nu som webbsidor, med "
            "mål, strategiska områden och ansvarsfördelning."
        ),
        "body": [
            (
                "paragraph",
                "<p>Tidigare fanns strategin bara som ett dokument. Nu kan du läsa den "
                "direkt på webben och se vilka nyheter, möjligheter och projekt som hör "
                "till varje mål.</p>",
            ),
        ],
        "partners": [],
        "topics": ["sprak"],
        "goals": ["kunskap", "fler-sprak"],
        "alt": "Abstrakt illustration i grönt med ringar och ett brett streck.",
    },
    {
        "slug": "skolsamarbete-med-tukums",
        "title": "Elever i Nässjö och Tukums lär sig programmera tillsammans",
        "days_ago": 17,
        "lead": (
            "Två högstadieklasser i Nässjö och en skola i Lettland har under hösten byggt "
            "enkla robotar och visat upp dem för varandra på nätet."
        ),
        "body": [
            (
                "paragraph",
                "<p>Samarbetet är ett exempel på hur skolor kan arbeta internationellt utan "
                "att resa. Lärarna planerade tillsammans och eleverna skrev på engelska.</p>",
            ),
        ],
        "partners": ["tukums"],
        "topics": ["skola"],
        "goals": ["samarbeten"],
        "alt": "Illustration med lila ringar som överlappar varandra.",
    },
    {
        "slug": "europa-direkt-utbildning",
        "title": "Förtroendevalda fick lära sig mer om EU",
        "days_ago": 30,
        "lead": (
            "Europa Direkt Jönköpings län höll en halvdag om hur beslut i EU påverkar "
            "kommunernas vardag, från upphandling till miljökrav."
        ),
        "body": [
            (
                "paragraph",
                "<p>Utbildningen är en del av kommunens omvärldsbevakning. Ett trettiotal "
                "förtroendevalda och tjänstepersoner deltog.</p>",
            ),
        ],
        "partners": ["europa-direkt"],
        "topics": ["eu-finansiering"],
        "goals": ["kunskap"],
        "alt": "Grå och vit illustration med ringar och ett vågrätt band.",
    },
    {
        "slug": "personalutbyte-kaarina",
        "title": "Undersköterskor besökte äldreomsorgen i Kaarina",
        "days_ago": 44,
        "lead": (
            "Fyra medarbetare från hemtjänsten tillbringade en vecka i Finland för att se "
            "hur kollegorna arbetar med digital tillsyn."
        ),
        "body": [
            (
                "paragraph",
                "<p>Besöket bekostades med stöd från Nordplus. Gruppen tar nu med sig idéer "
                "om schemaläggning och välfärdsteknik hem till Nässjö.</p>",
            ),
        ],
        "partners": ["kaarina"],
        "topics": ["hallbarhet"],
        "goals": ["samarbeten", "kunskap"],
        "alt": "Turkos illustration med gula ringar.",
    },
    {
        "slug": "eu-pengar-till-vagledning",
        "title": "EU-pengar till vägledning på flera språk",
        "days_ago": 61,
        "lead": (
            "Kommunen har fått stöd från ESF+ för att ge nyanlända bättre vägledning till "
            "arbete och studier, på fler språk än svenska."
        ),
        "body": [
            (
                "paragraph",
                "<p>Projektet drivs tillsammans med Region Jönköpings län och pågår i två "
                "år. Läs mer på projektets sida.</p>",
            ),
        ],
        "partners": ["region-jonkopings-lan"],
        "topics": ["eu-finansiering", "sprak"],
        "goals": ["extern-finansiering", "fler-sprak"],
        "alt": "Blå illustration med gula cirklar och ett gult band.",
    },
    {
        "slug": "jonkoping-university-massa",
        "title": "Kommunen på arbetsmarknadsmässa vid Jönköping University",
        "days_ago": 85,
        "lead": (
            "Nässjö kommun fanns på plats när internationella studenter mötte arbetsgivare "
            "från hela länet."
        ),
        "body": [
            (
                "paragraph",
                "<p>Att synas för internationella studenter är en del av arbetet med att "
                "hitta framtidens medarbetare.</p>",
            ),
        ],
        "partners": ["jonkoping-university"],
        "topics": ["naringsliv"],
        "goals": ["samarbeten"],
        "alt": "Grön illustration med ljusa ringar.",
    },
    {
        "slug": "natverk-smastader",
        "title": "Nässjö med i europeiskt nätverk för mindre städer",
        "days_ago": 120,
        "lead": (
            "Genom nätverket får kommunen kontakt med andra små städer som söker EU-projekt "
            "och vill dela med sig av erfarenheter."
        ),
        "body": [
            (
                "paragraph",
                "<p>Nätverket träffas två gånger om året. Nästa möte handlar om hur mindre "
                "kommuner kan gå samman i Interreg-projekt.</p>",
            ),
        ],
        "partners": ["small-towns-network"],
        "topics": ["eu-finansiering", "hallbarhet"],
        "goals": ["samarbeten", "extern-finansiering"],
        "alt": "Lila och rosa illustration med ringar.",
    },
    {
        "slug": "kulturutbyte-sommar",
        "title": "Sommarens kulturläger samlade unga musiker",
        "days_ago": 150,
        "lead": (
            "Ungdomar från tre länder repeterade tillsammans i en vecka och avslutade med "
            "en konsert i Nässjö."
        ),
        "body": [
            (
                "paragraph",
                "<p>Lägret är ett exempel på hur kultur kan vara en väg in i internationellt "
                "samarbete för unga.</p>",
            ),
        ],
        "partners": ["ponte-giovani"],
        "topics": ["kultur", "unga"],
        "goals": ["forstaelse"],
        "alt": "Turkos illustration med ringar och ett ljust band.",
    },
]

CONTACT = {
    "name": "Kommunledningskontoret, internationell samordning",
    "email": "kommun@nassjo.se",
    "phone": "0380-51 80 00",
}

# Opportunities: opens/closes are days relative to the first load, so that open, upcoming
# and closed ones exist whenever the demo is loaded. All are invented examples.
OPPORTUNITIES = [
    {
        "slug": "ungdomsutbyte-italien",
        "title": "Ungdomsutbyte i Italien om klimat och vardag",
        "kind": "youth-exchange",
        "programme": "erasmus-plus",
        "groups": ["youth"],
        "ages": (15, 19),
        "opens": -30,
        "closes": 12,
        "summary": "Tio dagar i Toscana med unga från fyra länder. Resa och boende betalas.",
        "eligibility": "<p>Du är 15–19 år och bor i Nässjö kommun. Inga förkunskaper krävs.</p>",
        "goals": ["forstaelse"],
    },
    {
        "slug": "volontar-solidaritetskaren",
        "title": "Volontär i ett europeiskt solidaritetsprojekt",
        "kind": "youth-exchange",
        "programme": "europeiska-solidaritetskaren",
        "groups": ["youth", "associations"],
        "ages": (18, 30),
        "opens": -60,
        "closes": 40,
        "summary": "Arbeta två till tolv månader i en organisation i ett annat EU-land.",
        "eligibility": ("<p>Du är 18–30 år. Föreningar i Nässjö kan också ta emot volontärer.</p>"),
        "goals": ["forstaelse", "samarbeten"],
    },
    {
        "slug": "nordplus-junior-skolor",
        "title": "Nordplus Junior: klassutbyte med en nordisk skola",
        "kind": "school-cooperation",
        "programme": "nordplus",
        "groups": ["schools"],
        "opens": -20,
        "closes": 25,
        "summary": "Bidrag för klasser som vill samarbeta med en skola i Norden eller Baltikum.",
        "eligibility": "<p>Grundskolor och gymnasieskolor i kommunen.</p>",
        "goals": ["samarbeten"],
    },
    {
        "slug": "erasmus-personal-aldreomsorg",
        "title": "Jobbskuggning för personal i äldreomsorgen",
        "kind": "staff-mobility",
        "programme": "erasmus-plus",
        "groups": ["staff"],
        "opens": -10,
        "closes": 70,
        "summary": "En vecka hos kollegor i Finland eller Lettland för att lära nya arbetssätt.",
        "eligibility": "<p>Tillsvidareanställda inom vård och omsorg i Nässjö kommun.</p>",
        "goals": ["kunskap", "samarbeten"],
    },
    {
        "slug": "kreativa-europa-samarbete",
        "title": "Kreativa Europa: småskaliga samarbetsprojekt inom kultur",
        "kind": "funding-call",
        "programme": "kreativa-europa",
        "groups": ["associations", "companies"],
        "opens": 14,
        "closes": 90,
        "summary": "Stöd till kulturprojekt med minst tre partner från tre länder.",
        "eligibility": "<p>Kulturföreningar och företag i kultursektorn.</p>",
        "goals": ["extern-finansiering"],
    },
    {
        "slug": "interreg-smaforetag",
        "title": "Interreg: gränsöverskridande stöd till små företag",
        "kind": "funding-call",
        "programme": "interreg",
        "groups": ["companies"],
        "opens": 35,
        "closes": 120,
        "summary": "Pengar för små företag som vill utveckla tjänster med partner i grannländer.",
        "eligibility": "<p>Företag med färre än 50 anställda.</p>",
        "goals": ["extern-finansiering", "samarbeten"],
    },
    {
        "slug": "konferens-sma-stader",
        "title": "Konferens för mindre städer i Europa",
        "kind": "conference",
        "programme": None,
        "groups": ["staff"],
        "opens": 60,
        "closes": 150,
        "summary": "Två dagar om hur små kommuner bygger EU-projekt tillsammans.",
        "eligibility": "<p>Anställda och förtroendevalda i kommunen.</p>",
        "goals": ["kunskap"],
    },
    {
        "slug": "etwinning-larare",
        "title": "Lärarfortbildning om internationella skolsamarbeten",
        "kind": "school-cooperation",
        "programme": "erasmus-plus",
        "groups": ["schools", "staff"],
        "opens": -120,
        "closes": -15,
        "summary": "Kurs för lärare som vill starta samarbeten med skolor i Europa.",
        "eligibility": "<p>Lärare i grundskola och gymnasium.</p>",
        "goals": ["kunskap"],
    },
    {
        "slug": "esf-kompetens",
        "title": "ESF+: kompetensutveckling för anställda",
        "kind": "funding-call",
        "programme": "esf-plus",
        "groups": ["companies", "staff"],
        "opens": -200,
        "closes": -60,
        "summary": "Utlysning för projekt som stärker anställdas kompetens.",
        "eligibility": "<p>Arbetsgivare i offentlig och privat sektor.</p>",
        "goals": ["extern-finansiering"],
    },
    {
        "slug": "ungdomsutbyte-sommarlager",
        "title": "Sommarläger för unga musiker",
        "kind": "youth-exchange",
        "programme": "erasmus-plus",
        "groups": ["youth"],
        "ages": (14, 18),
        "opens": -300,
        "closes": -150,
        "summary": "En veckas läger med musik och konsert tillsammans med unga från Europa.",
        "eligibility": "<p>Du är 14–18 år och spelar ett instrument eller sjunger.</p>",
        "goals": ["forstaelse"],
    },
]

HOW_TO_APPLY = (
    "<ol><li>Läs villkoren hos programmet.</li>"
    "<li>Kontakta den internationella samordnaren för att få hjälp med ansökan.</li>"
    "<li>Skicka in ansökan före sista ansökningsdagen.</li></ol>"
)

# Projects: start/end are days relative to the first load (one completed, one ongoing,
# one planned). All are invented examples.
PROJECTS = [
    {
        "slug": "unga-roster-i-europa",
        "title": "Unga röster i Europa",
        "programme": "erasmus-plus",
        "starts": -900,
        "ends": -120,
        "total_budget": 1_450_000,
        "external_funding": 1_160_000,
        "lead": "Nässjö kommun",
        "partners": ["morag", "ponte-giovani"],
        "goals": ["forstaelse", "samarbeten"],
        "summary": "Unga i tre länder undersökte hur de kan påverka beslut i sina kommuner.",
        "results": (
            "<ul><li>Fyra utbyten med sammanlagt 96 deltagare.</li>"
            "<li>Ett ungdomsråd som nu ger synpunkter till kommunstyrelsen.</li></ul>"
        ),
    },
    {
        "slug": "vagledning-pa-flera-sprak",
        "title": "Vägledning på flera språk",
        "programme": "esf-plus",
        "starts": -200,
        "ends": 530,
        "total_budget": 4_800_000,
        "external_funding": 2_900_000,
        "lead": "Region Jönköpings län",
        "partners": ["region-jonkopings-lan"],
        "goals": ["extern-finansiering", "fler-sprak"],
        "summary": "Nyanlända får vägledning till arbete och studier på sitt eget språk.",
        "results": "<p>Projektet pågår. Resultaten redovisas när projektet avslutas.</p>",
    },
    {
        "slug": "grona-strak",
        "title": "Gröna stråk över gränsen",
        "programme": "interreg",
        "starts": 120,
        "ends": 1200,
        "total_budget": 2_300_000,
        "external_funding": 1_380_000,
        "lead": "Nätverket Småstäder i Europa",
        "partners": ["small-towns-network", "tukums"],
        "goals": ["samarbeten", "extern-finansiering"],
        "summary": "Små städer planerar grönområden som också fungerar vid skyfall och värme.",
        "results": "",
    },
]
