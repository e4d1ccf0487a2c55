"""Snippet builders: the programmes, topics, goals and partners that pages refer to, and the
follow-up's indicators.

Plain ``DjangoModelFactory`` rows (``objects.create``, no validation), so a test can make a
row the admin would refuse. The demo loader goes through ``create_valid``: the factory's
object, checked by ``full_clean`` before it is saved, as the admin's form checks it.
"""

import factory

from followup.models import Indicator
from international.models import Goal, Partner, Programme, Topic


def create_valid(factory_class, **fields):
    """``factory_class``'s object with ``fields``, validated (``full_clean``), then saved."""
    obj = factory_class.build(**fields)
    obj.full_clean()
    obj.save()
    return obj


class ProgrammeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Program {n}")
    slug = factory.Sequence(lambda n: f"program-{n}")

    class Meta:
        model = Programme


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ämne {n}")
    slug = factory.Sequence(lambda n: f"amne-{n}")

    class Meta:
        model = Topic


class GoalFactory(factory.django.DjangoModelFactory):
    short_title = factory.Sequence(lambda n: f"Mål {n}")
    slug = factory.Sequence(lambda n: f"mal-{n}")
    text = "<p>Ett mål i strategin.</p>"
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Goal


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partnerkommun {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    country = "DK"
    kind = Partner.Kind.MUNICIPALITY

    class Meta:
        model = Partner


class IndicatorFactory(factory.django.DjangoModelFactory):
    """An entered indicator (a count); pass ``goal``, and ``kind``/``computation`` for a
    computed one."""

    name = factory.Sequence(lambda n: f"Indikator {n}")
    slug = factory.Sequence(lambda n: f"indikator-{n}")

    class Meta:
        model = Indicator
