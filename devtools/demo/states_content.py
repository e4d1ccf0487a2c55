"""What the demo takes through each translation state (devtools/demo/states.py).

Paths are slugs below the Swedish home page, parents before their children. The hand-written
texts (a translator's corrections, the agency's Somali and Tigrinya, the communicator's new
Swedish sentence, a reader's report) are written for the demo.
"""

STRATEGY = [
    "strategi",
    "strategi/omvarldsbevakning-och-kompetensutveckling",
    "strategi/verksamhetsutveckling",
    "strategi/extern-finansiering",
    "strategi/avtal-och-samarbeten",
]

# Machine drafts that a translator checked, approved and published. English is furthest
# along, Arabic close behind (one of its pages goes stale below), Ukrainian has started.
REVIEWED = {
    "en": [
        *STRATEGY,
        "nyheter",
        "nyheter/ungdomsutbyte-i-morag",
        "nyheter/strategin-pa-webben",
        "nyheter/skolsamarbete-med-tukums",
        "mojligheter",
        "mojligheter/ungdomsutbyte-italien",
        "mojligheter/volontar-solidaritetskaren",
        "mojligheter/nordplus-junior-skolor",
    ],
    "ar": [
        *STRATEGY,
        "nyheter",
        "nyheter/ungdomsutbyte-i-morag",
        "nyheter/strategin-pa-webben",
        "nyheter/skolsamarbete-med-tukums",
        "nyheter/europa-direkt-utbildning",
        "mojligheter",
        "mojligheter/ungdomsutbyte-italien",
        "mojligheter/volontar-solidaritetskaren",
    ],
    "uk": [
        *STRATEGY[:4],
        "nyheter",
        "nyheter/ungdomsutbyte-i-morag",
        "mojligheter",
        "mojligheter/ungdomsutbyte-italien",
        "mojligheter/volontar-solidaritetskaren",
        "mojligheter/nordplus-junior-skolor",
    ],
}

# Strings a translator rewrote by hand before approving (language -> path -> field -> text).
CORRECTIONS = {
    "en": {"strategi": {"title": "Strategy for international work"}},
    "ar": {
        "strategi": {"title": "استراتيجية العمل الدولي"},
        "nyheter/europa-direkt-utbildning": {
            "lead": (
                "نظّم مكتب أوروبا المباشرة في مقاطعة يونشوبينغ نصف يوم تعريفي حول أثر قرارات "
                "الاتحاد الأوروبي في الحياة اليومية للبلديات، من المشتريات العامة إلى "
                "الاشتراطات البيئية."
            )
        },
    },
    "uk": {"strategi": {"title": "Стратегія міжнародної роботи"}},
}

# Polish may publish machine text nobody has reviewed: its readers see the notice.
PUBLISHED_UNREVIEWED = {
    "pl": ["strategi", "nyheter", "nyheter/natverk-smastader"],
}

# Machine drafts waiting for their translators.
WAITING = {
    "fa": ["strategi", "nyheter", "nyheter/ungdomsutbyte-i-morag"],
    "fi": ["strategi"],
    "uk": ["strategi/avtal-och-samarbeten"],
}

# Somali and Tigrinya are review-only (Azure's drafts are never published unreviewed): these
# pages went to an agency as PO files and came back with these texts
# (Swedish source text -> translation).
_NEWS_INDEX = ("Nyheter om samarbeten", "Nytt från kommunens samarbeten i Europa och världen.")
_OPPORTUNITIES = (
    "Utbyten och finansiering",
    "Utbyten för unga, skolor och personal, och pengar att söka för projekt. "
    "Filtrera på typ, målgrupp, program och status.",
)
_CONTACT = (
    "Kontakta oss",
    "Har du frågor om kommunens internationella arbete? Hör av dig.",
    "Den internationella samordnaren på kommunledningskontoret hjälper verksamheter, skolor "
    "och föreningar att hitta partner och söka pengar.",
    "Telefonväxeln har öppet vardagar 8–16.",
)
AGENCY = {
    "so": {
        "nyheter": dict(
            zip(
                _NEWS_INDEX,
                (
                    "Warar ku saabsan iskaashiga",
                    "War cusub oo ka yimid iskaashiga degmada ee Yurub iyo adduunka.",
                ),
                strict=True,
            )
        ),
        "mojligheter": dict(
            zip(
                _OPPORTUNITIES,
                (
                    "Isweydaarsi iyo maalgelin",
                    "Isweydaarsi loogu talagalay dhallinyarada, dugsiyada iyo shaqaalaha, iyo "
                    "lacag mashaariic loo codsan karo. Ku shaandhee nooca, kooxda loogu "
                    "talagalay, barnaamijka iyo xaaladda.",
                ),
                strict=True,
            )
        ),
        "kontakt": dict(
            zip(
                _CONTACT,
                (
                    "Nala soo xiriir",
                    "Ma qabtaa su'aalo ku saabsan shaqada caalamiga ah ee degmada? "
                    "Nala soo xiriir.",
                    "Isku-duwaha caalamiga ah ee xafiiska maamulka degmada wuxuu ka caawiyaa "
                    "hay'adaha, dugsiyada iyo ururada inay helaan la-hawlgalayaal oo ay "
                    "codsadaan lacag.",
                    "Xarunta taleefanku waxay furan tahay maalmaha shaqada 8–16.",
                ),
                strict=True,
            )
        ),
    },
    "ti": {
        "nyheter": dict(
            zip(
                _NEWS_INDEX,
                ("ዜናታት ብዛዕባ ምትሕብባር", "ሓድሽ ዜና ካብ ምትሕብባራት ምምሕዳር ከተማ ኣብ ኤውሮጳን ዓለምን።"),
                strict=True,
            )
        ),
        "kontakt": dict(
            zip(
                _CONTACT,
                (
                    "ተራኸቡና",
                    "ብዛዕባ ዓለምለኻዊ ስራሕ ምምሕዳር ከተማ ሕቶ ኣለኩም ድዩ? ተራኸቡና።",
                    "ዓለምለኻዊ ኣወሃሃዲ ኣብ ቤት ጽሕፈት ምምሕዳር ከተማ ንትካላት፡ ኣብያተ ትምህርትን "
                    "ማሕበራትን መሻርኽቲ ንኽረኽቡን ገንዘብ ንኽሓቱን ይሕግዝ።",
                    "መራኸቢ ተሌፎን ኣብ መዓልትታት ስራሕ ካብ 8–16 ክፉት እዩ።",
                ),
                strict=True,
            )
        ),
    },
}

# After the Arabic translation of this news item was reviewed (with the lead rewritten by
# the translator), the communicator changes one word of the Swedish lead.
SWEDISH_CHANGE = {
    "path": "nyheter/europa-direkt-utbildning",
    "field": "lead",
    "text": (
        "Europa Direkt Jönköpings län höll en heldag om hur beslut i EU påverkar "
        "kommunernas vardag, från upphandling till miljökrav."
    ),
}

# A Polish reader finds the unreviewed machine text hard to follow and says so.
READER_REPORT = {
    "language": "pl",
    "path": "nyheter/natverk-smastader",
    "part": "body",
    "problem": (
        "Tekst brzmi jak tłumaczenie maszynowe. Drugi akapit trudno zrozumieć: nie wiadomo, "
        "kto organizuje spotkanie sieci."
    ),
}
