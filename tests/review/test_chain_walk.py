"""Chains of two actions, for every role: a state-changing request, then every publish path.

Issue 19 found the rule passed two-step chains (stop, then publish; revert, then
publish). Here every role tries each state-changing request (stop the translation,
revert to the pipeline's old machine revision, convert to alias, sync, copy keeping it
live, unpublish) on two representative Arabic pages (a machine draft and a live approved
page with an older machine revision), then each publish path (Wagtail's edit view, the
translation editor, the admin API, bulk publish, scheduled go-live through the
``publish_scheduled`` command); the same for an Arabic machine draft of a snippet with
drafts (stop, then Wagtail's snippet form, the translation editor, a schedule). After
every chain the invariant (``review.invariant.violations``) must hold. Each chain is
rolled back.
"""

import json
from datetime import timedelta
from functools import partial

from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from devtools import builders
from devtools.builders import (
    add_child_page,
    edit_string,
    make_user,
    publish_human_translation,
    translate,
)
from devtools.demo.home import ensure_locales
from home.models import HomePage
from review.invariant import violations
from review.roles import COMMUNICATOR, COORDINATOR, setup_roles, translator_group_name
from review.states import approve, review_state_for_target
from tests.review.review_helpers import run_on_commit
from tests.review_snippets.models import Notice

ROLES = {
    "kommunikator": COMMUNICATOR,
    "samordnare": COORDINATOR,
    "oversattare-ar": translator_group_name("ar"),
    "oversattare-so": translator_group_name("so"),
    "admin": None,  # a superuser: Wagtail lets them do everything, the rule still holds
}


class ChainWalk(TestCase):
    @classmethod
    def setUpTestData(cls):
        ensure_locales()
        cls.ar = Locale.objects.get(language_code="ar")
        sv = Locale.objects.get(language_code="sv")
        root = Page.get_first_root_node()
        for page in root.get_children():
            page.delete()
        home = root.add_child(instance=HomePage(title="Hem", slug="start", locale=sv))
        home.save_revision().publish()
        with run_on_commit():
            publish_human_translation(home, cls.ar, {"Hem": "الصفحة الرئيسية"})
        setup_roles()
        cls.users = {
            name: make_user(name, group) if group else make_user(name, superuser=True)
            for name, group in ROLES.items()
        }
        translator = cls.users["oversattare-ar"]

        draft_source = add_child_page(home, "Utkast", "utkast", intro="Ett maskinutkast.")
        cls.draft = translate(draft_source, "ar")

        live_source = add_child_page(home, "Strategin", "strategin", intro="Vi samarbetar.")
        live = translate(live_source, "ar")
        cls.machine_revision = live.get_latest_revision()
        edit_string(live, "نتعاون", translator, field_path="intro")
        approve(review_state_for_target(live), translator)
        translation = Translation.objects.get(
            source__object_id=live.translation_key, target_locale=cls.ar
        )
        translation.save_target(user=translator, publish=False)
        Page.objects.get(pk=live.pk).get_latest_revision().publish(user=translator)
        cls.live = Page.objects.get(pk=live.pk).specific
        assert cls.live.live
        cls.pages = {"draft": cls.draft, "live": cls.live}

        # A snippet with drafts: an Arabic machine draft of a Swedish notice.
        notice = Notice.objects.create(text="Stängt på helgdagar", locale=sv)
        source = builders.TranslationSourceFactory(instance=notice)
        cls.notice_translation = builders.TranslationFactory(source=source, target_locale=cls.ar)
        builders.translate_segments(
            source, cls.ar, text=lambda segment: f"[ar/machine] {segment.string.data}"
        )
        with run_on_commit():
            cls.notice_translation.save_target(publish=False)
        cls.notice = notice.get_translation(cls.ar)

    # State-changing requests -----------------------------------------------------------

    def translation_of(self, page):
        return Translation.objects.get(
            source__object_id=page.translation_key, target_locale=self.ar
        )

    def step(self, name, page):
        client = self.client
        if name == "none":
            return None
        if name == "stop":
            url = reverse("wagtail_localize:stop_translation", args=[self.translation_of(page).pk])
            return client.post(url)
        if name == "revert":
            revision = page.revisions.order_by("created_at").first()
            if page.pk == self.live.pk:
                revision = self.machine_revision
            return client.post(
                f"/admin/api/main/pages/{page.pk}/action/revert_to_page_revision/",
                data=json.dumps({"revision_id": revision.pk}),
                content_type="application/json",
            )
        if name == "convert_alias":
            return client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
        if name == "sync":
            source = self.translation_of(page).source
            return client.post(reverse("wagtail_localize:update_translations", args=[source.pk]))
        if name == "copy":
            return client.post(
                reverse("wagtailadmin_pages:copy", args=[page.pk]),
                {
                    "new_title": "نسخة",
                    "new_slug": "kopia",
                    "new_parent_page": page.get_parent().pk,
                    "publish_copies": "on",
                },
            )
        if name == "unpublish":
            return client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
        raise AssertionError(name)

    # Publish paths -----------------------------------------------------------------------

    def publish(self, name, page):
        client = self.client
        latest = Page.objects.get(pk=page.pk).get_latest_revision_as_object()
        if name == "edit_view":
            return client.post(
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
                {
                    "title": latest.title,
                    "slug": latest.slug,
                    "intro": latest.intro,
                    "action-publish": "1",
                },
            )
        if name == "translation_editor":
            return client.post(
                reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
            )
        if name == "api":
            return client.post(
                f"/admin/api/main/pages/{page.pk}/action/publish/",
                data="{}",
                content_type="application/json",
            )
        if name == "bulk":
            url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
            return client.post(f"{url}?id={page.pk}", {})
        if name == "scheduled":
            revision = Page.objects.get(pk=page.pk).get_latest_revision()
            if revision is not None:
                revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
                revision.save(update_fields=["approved_go_live_at"])
            call_command("publish_scheduled", verbosity=0)
            return None
        raise AssertionError(name)

    STEPS = ["none", "stop", "revert", "convert_alias", "sync", "copy", "unpublish"]
    PUBLISHES = ["edit_view", "translation_editor", "api", "bulk", "scheduled"]

    SNIPPET_STEPS = ["none", "stop"]
    SNIPPET_PUBLISHES = ["snippet_form", "translation_editor", "scheduled"]

    def snippet_chain(self, step, publish):
        client = self.client
        url = reverse("wagtailsnippets_review_snippets_notice:edit", args=[self.notice.pk])
        if step == "stop":
            client.post(
                reverse("wagtail_localize:stop_translation", args=[self.notice_translation.pk])
            )
        if publish == "snippet_form":
            latest = Notice.objects.get(pk=self.notice.pk).get_latest_revision_as_object()
            return client.post(url, {"text": latest.text, "action-publish": "1"})
        if publish == "translation_editor":
            return client.post(url, {"action": "publish"})
        revision = Notice.objects.get(pk=self.notice.pk).latest_revision
        if revision is not None:
            revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
            revision.save(update_fields=["approved_go_live_at"])
        call_command("publish_scheduled", verbosity=0)
        return None

    def walk(self, username):
        self.client.force_login(self.users[username])
        problems = []
        chains = 0
        for page_name, page in self.pages.items():
            for step in self.STEPS:
                for publish in self.PUBLISHES:
                    chains += 1
                    problem = self.chain(page, step, publish)
                    if problem:
                        problems.append(f"{page_name}: {step} → {publish}: {problem}")
        for step in self.SNIPPET_STEPS:
            for publish in self.SNIPPET_PUBLISHES:
                chains += 1
                problem = self.run_chain(partial(self.snippet_chain, step, publish))
                if problem:
                    problems.append(f"notice: {step} → {publish}: {problem}")
        assert chains == 2 * len(self.STEPS) * len(self.PUBLISHES) + 6
        assert not problems, "\n".join(problems)

    def chain(self, page, step, publish):
        def requests():
            for name, action in ((step, self.step), (publish, self.publish)):
                response = action(name, page)
                if response is not None and response.status_code >= 500:
                    return response
            return None

        return self.run_chain(requests)

    def run_chain(self, requests):
        with transaction.atomic():
            try:
                with run_on_commit():
                    response = requests()
                if response is not None and response.status_code >= 500:
                    transaction.set_rollback(True)
                    return f"answered {response.status_code}"
            except Exception as error:  # noqa: BLE001 - name the chain that raised
                transaction.set_rollback(True)
                return f"raised {error!r}"
            broken = violations()
            transaction.set_rollback(True)
            return "; ".join(broken) if broken else None

    def test_communicator(self):
        self.walk("kommunikator")

    def test_coordinator(self):
        self.walk("samordnare")

    def test_arabic_translator(self):
        self.walk("oversattare-ar")

    def test_somali_translator(self):
        self.walk("oversattare-so")

    def test_superuser(self):
        self.walk("admin")
