"""The Swedish demo content: strategy, news, opportunities, partners, projects, furniture.

Idempotent: every object is looked up by its slug (pages under their parent, snippets in
the Swedish locale) and only created when missing; existing content is never changed, so a
second run creates no objects and no revisions. Dates are computed relative to the first
run, so the opportunities are open, upcoming and closed whenever the demo is loaded.
The pages and snippets are made by the builders the tests use (``devtools/builders``).
"""

import datetime
import json

from django.utils import timezone

from wagtail.models import Locale, Page

from devtools import builders
from home.models import AccessibilityStatementPage, FooterContent, HomePage, NavigationLink
from international.choices import TARGET_GROUPS

from . import international_content as content
from .images import ensure_image


class Loader:
    def __init__(self, home: HomePage, stdout):
        self.home = home
        self.locale = home.locale
        self.stdout = stdout
        self.created = 0
        self.now = timezone.now()
        self.today = timezone.localdate()

    # Helpers ---------------------------------------------------------------------------
    # Made by the builders (devtools/builders), which the tests use too; every field of the
    # demo's content is passed, so none of the builders' defaults reaches the demo.
    def snippet(self, factory, slug: str, **fields):
        model = factory._meta.model
        obj = model.objects.filter(locale=self.locale, slug=slug).first()
        if obj is None:
            obj = builders.create_valid(factory, locale=self.locale, slug=slug, **fields)
            self.created += 1
        return obj

    def page(self, parent: Page, factory, slug: str, **fields):
        """The page ``slug`` under ``parent``, made and published when missing; many-to-many
        values (partners, topics, goals) are passed as lists like the other fields."""
        existing = factory._meta.model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = factory(parent=parent, locale=self.locale, slug=slug, publish=True, **fields)
        self.created += 1
        return page

    def day(self, offset: int) -> datetime.date:
        return self.today + datetime.timedelta(days=offset)

    def stockholm(self, offset: int, hour: int, minute: int = 0) -> datetime.datetime:
        naive = datetime.datetime.combine(self.day(offset), datetime.time(hour, minute))
        return timezone.make_aware(naive)

    @staticmethod
    def stream(blocks) -> str:
        data = []
        for kind, value in blocks:
            data.append({"type": kind, "value": value})
        return json.dumps(data)

    # Content ---------------------------------------------------------------------------
    def taxonomy(self):
        self.programmes = {
            item["slug"]: self.snippet(
                builders.ProgrammeFactory,
                item["slug"],
                name=item["name"],
                description=item["description"],
                website=item["website"],
            )
            for item in content.PROGRAMMES
        }
        self.topics = {
            slug: self.snippet(builders.TopicFactory, slug, name=name)
            for slug, name in content.TOPICS
        }
        self.goals = {
            item["slug"]: self.snippet(
                builders.GoalFactory,
                item["slug"],
                short_title=item["short_title"],
                text=item["text"],
                sort_order=position,
            )
            for position, item in enumerate(content.GOALS, start=1)
        }

    def partners(self):
        self.partner_objects = {}
        for item in content.PARTNERS:
            dates = {
                name: datetime.date.fromisoformat(item[name])
                for name in ("active_since", "ended_on", "agreement_date")
                if item.get(name)
            }
            self.partner_objects[item["slug"]] = self.snippet(
                builders.PartnerFactory,
                item["slug"],
                name=item["name"],
                country=item["country"],
                kind=item["kind"],
                description=item["description"],
                end_note=item.get("end_note", ""),
                is_twin_town=item.get("is_twin_town", False),
                agreement_reference=item.get("agreement_reference", ""),
                is_example=item["example"],
                **dates,
            )

    def strategy(self):
        data = content.STRATEGY
        strategy = self.page(
            self.home,
            builders.StrategyPageFactory,
            data["slug"],
            title=data["title"],
            lead=data["lead"],
            background=data["background"],
            purpose=data["purpose"],
            goals_intro=data["goals_intro"],
            responsibilities=self.stream(
                ("responsibility", {"body": body, "text": text})
                for body, text in data["responsibilities"]
            ),
            adopted_by=data["adopted_by"],
            adoption_note=data["adoption_note"],
        )
        for area in content.STRATEGY_AREAS:
            self.page(
                strategy,
                builders.StrategyAreaPageFactory,
                area["slug"],
                title=area["title"],
                lead=area["lead"],
                body=self.stream(area["body"]),
            )
        return strategy

    def news(self):
        index = self.page(
            self.home,
            builders.NewsIndexPageFactory,
            "nyheter",
            title="Nyheter om samarbeten",
            intro="Nytt från kommunens samarbeten i Europa och världen.",
        )
        for item in content.NEWS:
            image = ensure_image(f"Illustration: {item['title']}", item["slug"])
            self.page(
                index,
                builders.NewsPageFactory,
                item["slug"],
                title=item["title"],
                date=self.day(-item["days_ago"]),
                lead=item["lead"],
                body=self.stream(item["body"]),
                image=image,
                image_alt=item["alt"],
                partners=[self.partner_objects[slug] for slug in item["partners"]],
                topics=[self.topics[slug] for slug in item["topics"]],
                goals=[self.goals[slug] for slug in item["goals"]],
            )
        return index

    def opportunities(self):
        index = self.page(
            self.home,
            builders.OpportunityIndexPageFactory,
            "mojligheter",
            title="Utbyten och finansiering",
            intro=(
                "Utbyten för unga, skolor och personal, och pengar att söka för projekt. "
                "Filtrera på typ, målgrupp, program och status."
            ),
        )
        for item in content.OPPORTUNITIES:
            # Every target group's flag, so the builder's default (youth) decides nothing.
            groups = {
                field: key in item["groups"] for key, (field, _label) in TARGET_GROUPS.items()
            }
            age_min, age_max = item.get("ages", (None, None))
            programme = self.programmes.get(item["programme"]) if item["programme"] else None
            self.page(
                index,
                builders.OpportunityPageFactory,
                item["slug"],
                title=item["title"],
                kind=item["kind"],
                programme=programme,
                summary=item["summary"],
                eligibility=item["eligibility"],
                how_to_apply=content.HOW_TO_APPLY,
                opens_at=self.stockholm(item["opens"], 8),
                deadline=self.stockholm(item["closes"], 23, 59),
                age_min=age_min,
                age_max=age_max,
                contact_name=content.CONTACT["name"],
                contact_email=content.CONTACT["email"],
                contact_phone=content.CONTACT["phone"],
                external_url=programme.website if programme else "",
                is_example=True,
                goals=[self.goals[slug] for slug in item["goals"]],
                **groups,
            )
        return index

    def projects(self):
        index = self.page(
            self.home,
            builders.ProjectIndexPageFactory,
            "projekt",
            title="EU-projekt och internationella projekt",
            intro="Projekt som kommunen driver eller deltar i, med budget och resultat.",
        )
        for item in content.PROJECTS:
            self.page(
                index,
                builders.ProjectPageFactory,
                item["slug"],
                title=item["title"],
                summary=item["summary"],
                programme=self.programmes[item["programme"]],
                starts_on=self.day(item["starts"]),
                ends_on=self.day(item["ends"]),
                total_budget=item["total_budget"],
                external_funding=item["external_funding"],
                lead_organisation=item["lead"],
                results=item["results"],
                body=self.stream([("paragraph", f"<p>{item['summary']}</p>")]),
                is_example=True,
                partners=[self.partner_objects[slug] for slug in item["partners"]],
                goals=[self.goals[slug] for slug in item["goals"]],
            )
        return index

    def partners_page(self):
        data = content.PARTNERS_PAGE
        return self.page(
            self.home,
            builders.PartnersPageFactory,
            data["slug"],
            title=data["title"],
            intro=data["intro"],
            history=self.stream(data["history"]),
        )

    def contact(self):
        return self.page(
            self.home,
            builders.ContactPageFactory,
            "kontakt",
            title="Kontakta oss",
            intro="Har du frågor om kommunens internationella arbete? Hör av dig.",
            # The stored source, not str(RichText(...)): that renders for a reader, in the
            # active language (right-to-left isolation under Arabic would be stored).
            body=(
                "<p>Den internationella samordnaren på kommunledningskontoret hjälper "
                "verksamheter, skolor och föreningar att hitta partner och söka pengar.</p>"
            ),
            email=content.CONTACT["email"],
            phone=content.CONTACT["phone"],
            postal_address="Nässjö kommun\nKommunledningskontoret\n571 80 Nässjö",
            opening_hours="Telefonväxeln har öppet vardagar 8–16.",
        )

    def accessibility(self):
        return self.page(
            self.home,
            builders.AccessibilityStatementPageFactory,
            "tillganglighet",
            title="Tillgänglighetsredogörelse",
            intro=(
                "Nässjö kommun står bakom den här webbplatsen. Vi vill att så många som "
                "möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller "
                "lagen om tillgänglighet till digital offentlig service, vilka brister vi "
                "känner till och hur du kan meddela oss om problem."
            ),
            compliance=AccessibilityStatementPage.Compliance.PARTIAL,
            known_issues=(
                "<ul><li>Sidor på andra språk än svenska kan vara maskinöversatta innan en "
                "översättare har granskat dem. Texten kan då vara svår att förstå.</li>"
                "<li>Vissa bilder i äldre nyheter saknar bildtext.</li></ul>"
            ),
            report_intro=(
                "Om du inte kan ta del av något innehåll, eller hittar andra brister, vill vi "
                "gärna veta det. Berätta vilken sida det gäller och vad som inte fungerade. "
                "Webbplatsen sätter inga kakor. Du kan rapportera fel i en översättning utan "
                "att lämna några personuppgifter; lämnar du en e-postadress eller ett "
                "telefonnummer för att få svar raderar vi den automatiskt efter 90 dagar."
            ),
            report_email=content.CONTACT["email"],
            report_phone=content.CONTACT["phone"],
            response_time="inom fem arbetsdagar",
            enforcement=(
                "<p>Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över "
                "lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd "
                "med hur vi har hanterat dina synpunkter kan du anmäla det till DIGG: "
                "digg.se/tdosanmalan.</p>"
            ),
            method=(
                "<p>Vi har granskat webbplatsen själva med automatiska verktyg och genom att "
                "använda den med tangentbord och skärmläsare.</p>"
            ),
            assessed_on=self.today,
            published_on=self.today,
        )

    def navigation(self, pages: dict[str, Page]):
        for position, key in enumerate(
            ["strategy", "news", "opportunities", "partners", "projects", "contact"], start=1
        ):
            self.link(NavigationLink.Menu.MAIN, position, page=pages[key])
        self.link(NavigationLink.Menu.FOOTER, 1, page=pages["accessibility"])
        self.link(NavigationLink.Menu.FOOTER, 2, page=pages["contact"])
        self.link(
            NavigationLink.Menu.FOOTER,
            3,
            url="https://www.nassjo.se/",
            label="Nässjö kommuns webbplats",
        )
        if not FooterContent.objects.filter(locale=self.locale).exists():
            FooterContent.objects.create(
                locale=self.locale,
                heading="Kontakt",
                organisation="Nässjö kommun, kommunledningskontoret",
                address="571 80 Nässjö",
                phone=content.CONTACT["phone"],
                email=content.CONTACT["email"],
                note="Telefonväxeln har öppet vardagar 8–16.",
            )
            self.created += 1

    def link(self, menu, position, *, page=None, url="", label=""):
        lookup = {"page": page} if page is not None else {"url": url}
        if NavigationLink.objects.filter(locale=self.locale, menu=menu, **lookup).exists():
            return
        NavigationLink.objects.create(
            locale=self.locale, menu=menu, sort_order=position, label=label, **lookup
        )
        self.created += 1

    def run(self) -> int:
        self.taxonomy()
        self.partners()
        pages = {
            "strategy": self.strategy(),
            "news": self.news(),
            "opportunities": self.opportunities(),
            "partners": self.partners_page(),
            "projects": self.projects(),
            "contact": self.contact(),
            "accessibility": self.accessibility(),
        }
        self.navigation(pages)
        return self.created


def load(home: HomePage, stdout) -> int:
    """Create what is missing under the Swedish ``home``; return how many objects were made."""
    if home.locale_id != Locale.get_default().id:
        raise ValueError("The demo content is written in the source language only.")
    created = Loader(home, stdout).run()
    stdout.write(f"  international content: {created} objects created")
    return created
