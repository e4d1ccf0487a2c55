"""The site, the locales and the home page in every language, written by hand."""

from django.conf import settings

from wagtail.models import Locale, Page, Site

from devtools.builders import HomePageFactory, publish_human_translation
from home.models import HomePage

SWEDISH_HOME = {
    "title": "Nässjö i världen",
    "intro": (
        "Här berättar Nässjö kommun om sitt internationella arbete: strategin, "
        "samarbeten i Europa, utbyten för unga och pengar att söka från EU."
    ),
}

# Hand-written translations of the Swedish home page, keyed by language.
HOME_TRANSLATIONS = {
    "en": {
        "title": "Nässjö in the world",
        "intro": (
            "Nässjö municipality tells you here about its international work: the strategy, "
            "European partnerships, exchanges for young people and EU funding to apply for."
        ),
    },
    "ar": {
        "title": "نيشو في العالم",
        "intro": (
            "تعرض بلدية نيشو هنا عملها الدولي: الاستراتيجية، والشراكات في أوروبا، "
            "وبرامج التبادل للشباب، والتمويل الأوروبي الذي يمكن التقدم إليه."
        ),
    },
    "fa": {
        "title": "نِشو در جهان",
        "intro": (
            "شهرداری نِشو در اینجا کار بین‌المللی خود را معرفی می‌کند: راهبرد، "
            "همکاری‌ها در اروپا، تبادل برای جوانان و بودجه‌های اتحادیه اروپا."
        ),
    },
    "so": {
        "title": "Nässjö iyo adduunka",
        "intro": (
            "Halkan degmada Nässjö waxay kaga warramaysaa shaqadeeda caalamiga ah: "
            "istaraatiijiyadda, iskaashiga Yurub, isweydaarsiga dhallinyarada iyo "
            "maalgelinta Midowga Yurub."
        ),
    },
    "ti": {
        "title": "ነሸ ኣብ ዓለም",
        "intro": (
            "ምምሕዳር ከተማ ነሸ ኣብዚ ብዛዕባ ዓለምለኻዊ ስርሑ ይሕብር፡ ስትራተጂ፡ "
            "ምትሕብባር ኣብ ኤውሮጳ፡ ንመንእሰያት ምልውዋጥን ካብ ኤውሮጳዊ ሕብረት ዝረኸብ ገንዘብን።"
        ),
    },
    "uk": {
        "title": "Несше у світі",
        "intro": (
            "Тут муніципалітет Несше розповідає про свою міжнародну роботу: стратегію, "
            "партнерства в Європі, обміни для молоді та фінансування ЄС."
        ),
    },
    "pl": {
        "title": "Nässjö w świecie",
        "intro": (
            "Gmina Nässjö opowiada tu o swojej pracy międzynarodowej: strategii, "
            "partnerstwach w Europie, wymianach dla młodzieży i funduszach UE."
        ),
    },
    "fi": {
        "title": "Nässjö maailmalla",
        "intro": (
            "Nässjön kunta kertoo täällä kansainvälisestä työstään: strategiasta, "
            "kumppanuuksista Euroopassa, nuorten vaihdoista ja EU-rahoituksesta."
        ),
    },
}


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


def ensure_swedish_home(source_locale: Locale) -> HomePage:
    """The Swedish home page as the default site's root, replacing Wagtail's welcome page."""
    home = HomePage.objects.filter(locale=source_locale).first()
    if home is None:
        root = Page.get_first_root_node()
        welcome = root.get_children().filter(slug="home").exclude(content_type__model="homepage")
        home = HomePageFactory(
            parent=root, locale=source_locale, slug="start", publish=True, **SWEDISH_HOME
        )
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Nässjö",
            )
        else:
            site.root_page = home
            site.site_name = "Nässjö"
            site.save()
        for page in welcome:
            page.delete()
    return home


def load(stdout) -> HomePage:
    locales = ensure_locales()
    source_locale = locales[settings.LANGUAGE_CODE]
    home = ensure_swedish_home(source_locale)
    for code, locale in locales.items():
        if code == settings.LANGUAGE_CODE or home.has_translation(locale):
            continue
        texts = {SWEDISH_HOME[field]: value for field, value in HOME_TRANSLATIONS[code].items()}
        publish_human_translation(home, locale, texts)
        stdout.write(f"  home page published in {code}")
    return home
