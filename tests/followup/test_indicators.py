"""Indicators and their figures: validation in the model and the admin, who recorded what."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.utils import timezone

from wagtail.models import Locale

from devtools import builders
from devtools.builders import make_user
from followup.models import Indicator, IndicatorValue
from review.roles import COORDINATOR, setup_roles

ADD_URL = "/admin/snippets/followup/indicator/add/?locale=sv"


def value_rows(*rows) -> dict:
    data = {
        "values-TOTAL_FORMS": str(len(rows)),
        "values-INITIAL_FORMS": "0",
        "values-MIN_NUM_FORMS": "0",
        "values-MAX_NUM_FORMS": "1000",
    }
    for index, (year, value) in enumerate(rows):
        data |= {f"values-{index}-year": str(year), f"values-{index}-value": str(value)}
    return data


class IndicatorValidationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.locale, _ = Locale.objects.get_or_create(language_code="sv")
        cls.goal = builders.GoalFactory(locale=cls.locale)
        cls.indicator = Indicator.objects.create(
            locale=cls.locale,
            name="Deltagare",
            slug="deltagare",
            goal=cls.goal,
            unit="participants",
        )

    def errors(self, year, value, indicator=None):
        row = IndicatorValue(indicator=indicator or self.indicator, year=year, value=Decimal(value))
        try:
            row.full_clean()
        except ValidationError as error:
            return error.message_dict
        return {}

    def test_sensible_values_pass(self):
        self.assertEqual(self.errors(2024, "12"), {})

    def test_negative_counts_are_refused(self):
        self.assertIn("value", self.errors(2024, "-1"))

    def test_years_must_be_in_range(self):
        this_year = timezone.localdate().year
        self.assertIn("year", self.errors(1999, "1"))
        self.assertIn("year", self.errors(this_year + 2, "1"))
        self.assertEqual(self.errors(this_year + 1, "1"), {})

    def test_counts_are_whole_and_shares_at_most_100(self):
        self.assertIn("value", self.errors(2024, "1.5"))
        share = Indicator.objects.create(
            locale=self.locale, name="Andel", slug="andel", goal=self.goal, unit="percent"
        )
        self.assertIn("value", self.errors(2024, "100.5", share))
        self.assertEqual(self.errors(2024, "42.5", share), {})

    def test_one_value_per_indicator_and_year_in_the_database(self):
        IndicatorValue.objects.create(indicator=self.indicator, year=2020, value=1)
        with self.assertRaises(IntegrityError), transaction.atomic():
            IndicatorValue.objects.create(indicator=self.indicator, year=2020, value=2)

    def test_negative_values_are_refused_by_the_database_too(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            IndicatorValue.objects.create(indicator=self.indicator, year=2019, value=-5)

    def test_a_computed_indicator_needs_a_known_computation_and_takes_its_unit(self):
        indicator = Indicator(
            locale=self.locale, name="X", slug="x", goal=self.goal, kind="computed", computation=""
        )
        with self.assertRaises(ValidationError) as raised:
            indicator.full_clean()
        self.assertIn("computation", raised.exception.message_dict)
        indicator.computation = "project_funding"
        indicator.unit = "count"
        indicator.full_clean()
        self.assertEqual(indicator.unit, "sek")

    def test_an_entered_indicator_has_no_computation(self):
        indicator = Indicator(
            locale=self.locale, name="Y", slug="y", goal=self.goal, computation="project_funding"
        )
        with self.assertRaises(ValidationError) as raised:
            indicator.full_clean()
        self.assertIn("computation", raised.exception.message_dict)


class IndicatorAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.locale, _ = Locale.objects.get_or_create(language_code="sv")
        cls.goal = builders.GoalFactory(locale=cls.locale)
        setup_roles()
        cls.coordinator = make_user("samordnare", COORDINATOR)

    def setUp(self):
        self.client.force_login(self.coordinator)

    def post(self, *rows, **fields):
        data = {
            "name": "Beviljad finansiering",
            "slug": "beviljad",
            "goal": str(self.goal.pk),
            "unit": "sek",
            "kind": "entered",
            "computation": "",
            "sort_order": "1",
            **value_rows(*rows),
            **fields,
        }
        return self.client.post(ADD_URL, data)

    def test_the_coordinator_enters_figures_and_is_recorded(self):
        response = self.post((2024, 1_200_000), (2025, 1_500_000))
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        indicator = Indicator.objects.get(slug="beviljad")
        values = list(indicator.values.order_by("year"))
        self.assertEqual(
            [(v.year, v.value) for v in values], [(2024, 1_200_000), (2025, 1_500_000)]
        )
        self.assertTrue(all(v.recorded_by == self.coordinator for v in values))
        self.assertTrue(all(v.recorded_at is not None for v in values))

    def test_two_values_for_one_year_are_refused_with_a_message(self):
        response = self.post((2024, 1), (2024, 2))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Det finns redan ett värde för 2024.")
        self.assertFalse(Indicator.objects.filter(slug="beviljad").exists())

    def test_negative_and_out_of_range_figures_are_refused_with_messages(self):
        response = self.post((2024, -5), (1850, 3))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Indicator.objects.filter(slug="beviljad").exists())
        self.assertEqual(IndicatorValue.objects.count(), 0)

    def test_a_fraction_of_a_participant_is_refused(self):
        response = self.post((2024, "2.5"), unit="participants")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Ett antal är ett heltal.")

    def test_a_computed_indicator_takes_no_typed_figures(self):
        response = self.post((2024, 3), kind="computed", computation="project_funding")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "En beräknad indikator har inga inmatade värden.")
        self.assertFalse(Indicator.objects.filter(slug="beviljad").exists())

    def test_garbage_is_a_form_error_not_a_server_error(self):
        response = self.post(("tjugo", "mycket"), goal="999999", unit="bananer")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Indicator.objects.filter(slug="beviljad").exists())

    def test_deleting_a_goal_keeps_its_indicators_and_figures(self):
        indicator = Indicator.objects.create(
            locale=self.locale, name="Kvar", slug="kvar", goal=self.goal, unit="count"
        )
        IndicatorValue.objects.create(indicator=indicator, year=2024, value=3)
        self.client.force_login(make_user("admin", superuser=True))
        response = self.client.post(f"/admin/snippets/international/goal/delete/{self.goal.pk}/")
        self.assertEqual(response.status_code, 302)
        indicator.refresh_from_db()
        self.assertIsNone(indicator.goal)
        self.assertEqual(indicator.values.get().value, 3)
