"""The demo's follow-up of the strategy: the follow-up page and indicators for every goal.

Entered indicators get five years of invented figures and are flagged ``is_example`` like
the rest of the invented demo content; computed ones (not flagged: nothing in them is made
up) are counted from the demo's projects, opportunities, partners and translations.
Idempotent: indicators are looked up by slug, their figures only added for years that have
none, the page by its slug under the strategy. The page and the indicators are made by the
builders the tests use (``devtools/builders``).
"""

from django.utils import timezone

from wagtail.models import Locale

from devtools.builders import FollowUpPageFactory, IndicatorFactory, create_valid
from followup.models import FollowUpPage, Indicator, IndicatorValue
from international.models import Goal, StrategyPage

# (goal slug, indicator slug, name, unit, explanation, source note, five yearly figures)
ENTERED = [
    (
        "kunskap",
        "utbildade-medarbetare",
        "Medarbetare som gått utbildning om EU-finansiering",
        "participants",
        "Antal medarbetare som under året gått kommunens utbildning om EU och extern finansiering.",
        "Kommunens kompetensregister (påhittade siffror i demon)",
        [12, 18, 25, 22, 31],
    ),
    (
        "samarbeten",
        "aktiva-natverk-moten",
        "Möten i internationella nätverk",
        "count",
        "Möten och konferenser i nätverk där kommunen deltog under året.",
        "Internationella samordnarens årsrapport (påhittade siffror i demon)",
        [6, 9, 8, 11, 14],
    ),
    (
        "extern-finansiering",
        "beviljad-extern-finansiering",
        "Beviljad extern finansiering",
        "sek",
        "Bidrag från EU och andra finansiärer som kommunen beviljades under året.",
        "Kommunens bokslut (påhittade siffror i demon)",
        [1_850_000, 2_400_000, 3_150_000, 2_900_000, 4_200_000],
    ),
    (
        "extern-finansiering",
        "inlamnade-ansokningar",
        "Inlämnade ansökningar om extern finansiering",
        "count",
        "Ansökningar som kommunen lämnade in som projektägare eller partner.",
        "Diariet (påhittade siffror i demon)",
        [4, 7, 6, 9, 10],
    ),
    (
        "forstaelse",
        "deltagare-i-utbyten",
        "Deltagare i ungdomsutbyten",
        "participants",
        "Unga från Nässjö som deltog i utbyten med andra länder.",
        "Fritidsförvaltningen (påhittade siffror i demon)",
        [24, 31, 0, 38, 52],
    ),
    (
        "fler-sprak",
        "sidor-lattlast-och-teckensprak",
        "Andel invånare som hittade information på sitt språk",
        "percent",
        "Andel svarande i medborgarundersökningen som hittade information på sitt eget språk.",
        "Medborgarundersökningen (påhittade siffror i demon)",
        [41, 44, 47, 52, 58],
    ),
]

# (goal slug, indicator slug, name, computation, explanation)
COMPUTED = [
    (
        "samarbeten",
        "projekt-per-status",
        "Projekt per status och startår",
        "projects_by_status",
        "Räknas fram från projektsidorna: hur många projekt som startade varje år och om "
        "de är planerade, pågår eller är avslutade.",
    ),
    (
        "samarbeten",
        "partner-och-natverk",
        "Partner och nätverk",
        "partners_and_networks",
        "Räknas fram från partnerlistan: partner och nätverk som var aktiva vid årets slut.",
    ),
    (
        "extern-finansiering",
        "projektens-externa-finansiering",
        "Projektens externa finansiering per startår",
        "project_funding",
        "Räknas fram från projektsidorna: den externa finansieringen, efter projektens startår.",
    ),
    (
        "kunskap",
        "mojligheter-per-program",
        "Möjligheter publicerade per år och program",
        "opportunities_by_programme",
        "Räknas fram från sidorna om utbyten och finansiering, efter publiceringsår och program.",
    ),
    (
        "fler-sprak",
        "spraktackning",
        "Språktäckning",
        "language_coverage",
        "Räknas fram från granskningslägena: andelen publicerade svenska sidor som har en "
        "publicerad och granskad översättning, per språk och månad.",
    ),
    (
        "fler-sprak",
        "svenska-sidor-per-lix",
        "Svenska sidor per läsbarhetsnivå (LIX)",
        "swedish_pages_by_lix",
        "Räknas fram från de publicerade svenska sidorna: hur många som är mycket lätta, "
        "lätta, medelsvåra, svåra eller mycket svåra att läsa enligt läsbarhetsindex LIX. "
        "Enklare svenska ger bättre översättningar.",
    ),
]


def load(strategy: StrategyPage, stdout) -> int:
    locale = Locale.get_default()
    created = 0
    goals = {goal.slug: goal for goal in Goal.objects.filter(locale=locale)}
    this_year = timezone.localdate().year
    years = list(range(this_year - 5, this_year))
    position = 0
    for goal_slug, slug, name, unit, explanation, source_note, figures in ENTERED:
        position += 1
        indicator, made = _indicator(
            locale,
            slug,
            name=name,
            goal=goals[goal_slug],
            unit=unit,
            kind=Indicator.Kind.ENTERED,
            explanation=explanation,
            source_note=source_note,
            sort_order=position,
            is_example=True,
        )
        created += made
        existing = set(indicator.values.values_list("year", flat=True))
        for year, figure in zip(years, figures, strict=True):
            if year not in existing:
                IndicatorValue.objects.create(
                    indicator=indicator, year=year, value=figure, recorded_at=timezone.now()
                )
                created += 1
    for goal_slug, slug, name, computation, explanation in COMPUTED:
        position += 1
        _indicator_obj, made = _indicator(
            locale,
            slug,
            name=name,
            goal=goals[goal_slug],
            kind=Indicator.Kind.COMPUTED,
            computation=computation,
            explanation=explanation,
            source_note="Nässjö kommuns webbplats för internationellt arbete",
            sort_order=position,
        )
        created += made
    if not FollowUpPage.objects.child_of(strategy).filter(slug="uppfoljning").exists():
        FollowUpPageFactory(
            parent=strategy,
            publish=True,
            locale=locale,
            slug="uppfoljning",
            title="Uppföljning av strategin",
            intro=(
                "Så går det med strategins mål, i siffror. Varje diagram har en tabell med "
                "samma siffror och en CSV-fil att ladda ner."
            ),
            about_figures=(
                "Siffror som kommunen matar in redovisas per kalenderår. Siffror om projekt, "
                "möjligheter, partner, språk och läsbarhet räknas fram från innehållet på den här "
                "webbplatsen när sidan visas. I demon är de inmatade siffrorna påhittade."
            ),
        )
        created += 1
    stdout.write(f"  follow-up: {created} objects created")
    return created


def _indicator(locale, slug, **fields) -> tuple[Indicator, int]:
    indicator = Indicator.objects.filter(locale=locale, slug=slug).first()
    if indicator is not None:
        return indicator, 0
    return create_valid(IndicatorFactory, locale=locale, slug=slug, **fields), 1


def load_under(home, stdout) -> int:
    """Load the follow-up under the demo's strategy page, when there is one."""
    strategy = StrategyPage.objects.child_of(home).first()
    return load(strategy, stdout) if strategy is not None else 0
