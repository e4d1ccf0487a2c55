"""The scale demo's pages: Swedish news, opportunities and projects, and their translations.

Each generated Swedish page is described by its type, its number and its synchronised
fields (dates, programme, partners, image); its texts come from ``Filler`` in the language
asked for, so the Swedish page and each translation are built from one description. The
slugs are ``skala-<type>-<number>``: the number says whether a page exists already, which
makes the generator idempotent.

The unsaved pages come from the page builders (``devtools/builders/pages.py``), the
factories the tests and the demo's own pages use, with ``build`` (no save): the bulk writer
(``bulk_pages``) saves them. Every field a kind sets is set here; what it leaves out is the
builder's default, as for any page a test builds.
"""

import datetime
import json

from django.utils import timezone

from devtools import builders
from international.choices import TARGET_GROUPS

from .filler import Filler

PREFIX = "skala"


def slug(kind: str, number: int) -> str:
    return f"{PREFIX}-{kind}-{number:05d}"


def _stream(filler: Filler, paragraphs: int) -> str:
    return json.dumps(
        [{"type": "paragraph", "value": f"<p>{filler.paragraph()}</p>"} for _ in range(paragraphs)]
    )


def _rich(filler: Filler) -> str:
    return f"<p>{filler.paragraph()}</p>"


class Kind:
    """One page type of the scale demo: its builder, its index slug and its fields."""

    name = ""
    factory = None
    index = ""

    @property
    def model(self):
        return self.factory._meta.model

    def synchronised(self, number: int, world) -> dict:
        """Fields that every translation shares with the Swedish page."""
        return {}

    def m2m(self, number: int, world) -> dict:
        return {}

    def texts(self, filler: Filler) -> dict:
        raise NotImplementedError

    def build(self, number: int, language: str, world, **page) -> object:
        filler = Filler(language, f"{self.name}-{number}")
        instance = self.factory.build(
            **self.texts(filler), **self.synchronised(number, world), slug=slug(self.name, number)
        )
        for attribute, value in page.items():
            setattr(instance, attribute, value)
        m2m = self.m2m(number, world)
        for name, values in m2m.items():
            setattr(instance, name, values)
        instance._m2m = m2m
        return instance


class News(Kind):
    name, factory, index = "nyhet", builders.NewsPageFactory, "nyheter"

    def synchronised(self, number, world):
        return {
            "date": world.today - datetime.timedelta(days=number % 1500),
            "image": world.images[number % len(world.images)],
        }

    def m2m(self, number, world):
        return {
            "partners": world.pick(world.partners, number, 1 + number % 2),
            "topics": world.pick(world.topics, number, 1 + number % 2),
            "goals": world.pick(world.goals, number, 1),
        }

    def texts(self, filler):
        return {
            "title": filler.title(),
            "lead": filler.sentences(2),
            "body": _stream(filler, 3),
            "image_alt": filler.sentence(),
        }


class Opportunity(Kind):
    name, factory, index = "mojlighet", builders.OpportunityPageFactory, "mojligheter"

    def synchronised(self, number, world):
        # Open, upcoming and closed in turn, relative to the day of the run.
        offset = (number % 3 - 1) * 45
        opens = world.now + datetime.timedelta(days=offset - 20)
        # One target group per page, in turn; the other flags off (not the builder's youth).
        fields = [field for field, _label in TARGET_GROUPS.values()]
        group = fields[number % len(fields)]
        programme = world.programmes[number % len(world.programmes)] if number % 4 else None
        return {
            "kind": world.opportunity_kinds[number % len(world.opportunity_kinds)],
            "programme": programme,
            "opens_at": opens,
            "deadline": opens + datetime.timedelta(days=40 + number % 30),
            "contact_email": "internationellt@example.invalid",
            "is_example": True,
            **{field: field == group for field in fields},
        }

    def m2m(self, number, world):
        return {"goals": world.pick(world.goals, number, 1)}

    def texts(self, filler):
        return {
            "title": filler.title(),
            "summary": filler.sentences(2),
            "eligibility": _rich(filler),
            "how_to_apply": _rich(filler),
            "body": _stream(filler, 2),
            "contact_name": filler.title()[:60],
        }


class Project(Kind):
    name, factory, index = "projekt", builders.ProjectPageFactory, "projekt"

    def synchronised(self, number, world):
        starts = world.today - datetime.timedelta(days=(number * 37) % 2400 - 600)
        budget = 200_000 + (number * 7919) % 5_000_000
        return {
            "programme": world.programmes[number % len(world.programmes)],
            "starts_on": starts,
            "ends_on": starts + datetime.timedelta(days=365 + number % 700),
            "total_budget": budget,
            "external_funding": budget // 2,
            "is_example": True,
        }

    def m2m(self, number, world):
        return {
            "partners": world.pick(world.partners, number, 2),
            "goals": world.pick(world.goals, number, 2),
        }

    def texts(self, filler):
        return {
            "title": filler.title(),
            "summary": filler.sentences(2),
            "lead_organisation": filler.title()[:100],
            "body": _stream(filler, 2),
            "results": _rich(filler),
        }


KINDS = [News(), Opportunity(), Project()]


class World:
    """What the generated pages refer to: the demo's snippets and images, today."""

    def __init__(self, locale):
        from wagtail.images import get_image_model

        from international.models import Goal, OpportunityPage, Partner, Programme, Topic

        self.now = timezone.now()
        self.today = timezone.localdate()
        self.partners = list(Partner.objects.filter(locale=locale).order_by("pk"))
        self.topics = list(Topic.objects.filter(locale=locale).order_by("pk"))
        self.goals = list(Goal.objects.filter(locale=locale).order_by("pk"))
        self.programmes = list(Programme.objects.filter(locale=locale).order_by("pk"))
        self.images = list(get_image_model().objects.order_by("pk")[:8])
        self.opportunity_kinds = [value for value, _label in OpportunityPage.Kind.choices]

    @staticmethod
    def pick(items, number: int, count: int) -> list:
        if not items:
            return []
        return [items[(number + step) % len(items)] for step in range(min(count, len(items)))]
