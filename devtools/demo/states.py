"""The demo half-way through translation: every state the portal knows, made by its own paths.

A newcomer who runs ``make run`` should see what the portal is for: languages that are
far along and languages that have barely started, machine drafts waiting for review, pages
published with machine text where a language's policy allows it (readers see the notice),
Somali and Tigrinya pages that came back from a translation agency as PO files, a page whose
Swedish text changed after its Arabic translation was reviewed, and a reader's report.

Nothing here writes a state directly. Machine drafts come from the draft pipeline
(``translation.pipeline.translate_page``) talking to the local DeepL stand-in (started in
this process, so the demo never spends a real DeepL account's characters); approvals go
through ``review.states.approve``; publishing asks the publish rule
(``review.publish_rules.publish_refusal``) as the translator; the agency's files go out
through ``review.po_exchange.export_zip`` and back through ``import_files``, as the Somali
translator's upload does; the Swedish change is a communicator's publish followed by the
draft job the publish would queue; the report is the reader form's model form.

Idempotent: a (page, language) that already has a translated page is left alone, the
Swedish change is made once, and the report is filed once, so a second run changes
nothing. Pages the demo does not take through a state get their machine drafts from the
background worker (queued once, after the commit, when automatic drafts are on), as any
page published by a communicator does.
"""

import io
import zipfile
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction
from django.test.utils import override_settings

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

import polib

from core.sources import source_pages, translation_source_for
from devtools.azure_server import LocalAzureServer
from devtools.builders import edit_string, ensure_account
from devtools.deepl_server import LocalDeepLServer
from review import po_exchange, states
from review.fact_checks import open_findings, override
from review.live_text import fact_checks_of
from review.models import ReaderReport
from review.publish_rules import publish_refusal
from review.reports import ReaderReportForm
from review.roles import COMMUNICATOR, setup_roles, translator_group_name
from translation import pipeline
from translation.drafts import save_draft
from translation.models import DraftStatus, LanguageSettings

from . import states_content as content
from .users import demo_email


@contextmanager
def local_machine_translation():
    """The local DeepL and Azure stand-ins for the demo's drafts; no automatic jobs meanwhile.

    Automatic drafts are off inside, so publishing the demo's Swedish pages queues nothing:
    the demo makes the drafts it needs itself and queues the rest once at the end. Somali and
    Tigrinya get their machine drafts from the local Azure server (their engine by default).
    """
    server = LocalDeepLServer("127.0.0.1", 0).start()
    azure = LocalAzureServer("127.0.0.1", 0).start()
    try:
        with override_settings(
            DEEPL_AUTH_KEY="local-demo",
            DEEPL_SERVER_URL=server.url,
            AZURE_TRANSLATOR_ENDPOINT=azure.url,
            AZURE_TRANSLATOR_KEY="",
            TRANSLATION_AUTO_DRAFTS=False,
        ):
            yield server
    finally:
        azure.stop()
        server.stop()


class DemoStates:
    def __init__(self, home: Page, stdout):
        self.home = home
        self.stdout = stdout
        self.session = pipeline.Session()
        self.groups = setup_roles()
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.changed = 0

    # People ---------------------------------------------------------------------------
    def person(self, username: str, group_name: str):
        """A demo account (its password is set by ``users.ensure_role_users``, dev only)."""
        return ensure_account(
            username, password=None, groups=[self.groups[group_name]], email=demo_email(username)
        )

    def translator(self, code: str):
        return self.person(f"oversattare-{code}", translator_group_name(code))

    # Pages ----------------------------------------------------------------------------
    def source(self, path: str) -> Page:
        """A Swedish page by its slugs below the home page ("nyheter/strategin-pa-webben")."""
        page = self.home
        for slug in path.split("/"):
            page = page.get_children().get(slug=slug)
        return page.specific

    def untouched(self, page: Page, code: str) -> bool:
        return page.get_translation_or_none(self.locales[code]) is None

    def machine_draft(self, page: Page, code: str) -> Page:
        result = pipeline.translate_page(page.pk, [code], session=self.session)
        target = page.get_translation_or_none(self.locales[code])
        if target is None:
            raise CommandError(f"No {code} draft of {page.title}: {result}")
        return target.specific

    def correct(self, page: Page, target: Page, field: str, text: str, user) -> None:
        """A translator rewrites one string by hand, as the editor's string API does."""
        edit_string(target, text, user, field_path=field)
        source = translation_source_for(page)
        translation = Translation.objects.get(source=source, target_locale=target.locale)
        save_draft(translation, user=user)

    def publish(self, target: Page, user) -> None:
        """Publish as ``user``, only if the publish rule lets them (as the editor asks)."""
        target = Page.objects.get(pk=target.pk).specific
        accept_pseudo_facts(target, user)
        refusal = publish_refusal(user, target)
        if refusal or not target.permissions_for_user(user).can_publish():
            raise CommandError(f"{user} may not publish {target}: {refusal}")
        target.get_latest_revision().publish(user=user)
        self.changed += 1

    # States ---------------------------------------------------------------------------
    def reviewed(self):
        """Machine drafts that the translator checked, approved and published."""
        for code, paths in content.REVIEWED.items():
            user = self.translator(code)
            for path in paths:
                page = self.source(path)
                if not self.untouched(page, code):
                    continue
                target = self.machine_draft(page, code)
                for field, text in content.CORRECTIONS.get(code, {}).get(path, {}).items():
                    self.correct(page, target, field, text, user)
                states.approve(states.review_state(page, self.locales[code]), user)
                self.publish(target, user)

    def published_machine_text(self):
        """Where the policy allows it, machine text goes live unreviewed, with the notice."""
        for code, paths in content.PUBLISHED_UNREVIEWED.items():
            LanguageSettings.objects.update_or_create(
                locale=self.locales[code], defaults={"allow_unreviewed_machine_text": True}
            )
            user = self.translator(code)
            for path in paths:
                page = self.source(path)
                if self.untouched(page, code):
                    self.publish(self.machine_draft(page, code), user)

    def waiting_drafts(self):
        """Machine drafts nobody has looked at yet."""
        for code, paths in content.WAITING.items():
            for path in paths:
                page = self.source(path)
                if self.untouched(page, code):
                    self.machine_draft(page, code)
                    self.changed += 1

    def agency(self):
        """Somali and Tigrinya: review-only machine drafts (Azure), and an agency's texts.

        The Swedish text goes out as PO files and comes back translated; the import makes
        drafts (``review.po_upload``) that the language's translator publishes.
        """
        for code, pages in content.AGENCY.items():
            user = self.translator(code)
            todo = [(self.source(path), texts) for path, texts in pages.items()]
            todo = [(page, texts) for page, texts in todo if self.untouched(page, code)]
            if not todo:
                continue
            translations = []
            for page, _texts in todo:
                self.machine_draft(page, code)  # Azure's draft, never published unreviewed
                translations.append(
                    Translation.objects.get(
                        source=translation_source_for(page), target_locale=self.locales[code]
                    )
                )
            exported = po_exchange.export_zip(translations)
            files = agency_returns(exported, todo)
            checked = po_exchange.import_files(files, self.locales[code], user)
            errors = [error for item in checked for error in item.errors]
            if errors:
                raise CommandError(f"The {code} agency files were refused: {errors}")
            for page, _texts in todo:
                self.publish(page.get_translation(self.locales[code]), user)

    def swedish_change(self):
        """The communicator rewrites a lead after the Arabic translation was reviewed."""
        change = content.SWEDISH_CHANGE
        page = self.source(change["path"])
        if getattr(page, change["field"]) == change["text"]:
            return
        arabic = page.get_translation_or_none(self.locales["ar"])
        if arabic is None or not arabic.live:
            raise CommandError("The Swedish change needs the reviewed Arabic page first.")
        communicator = self.person("kommunikator", COMMUNICATOR)
        setattr(page, change["field"], change["text"])
        page.save_revision(user=communicator).publish(user=communicator)
        # What the publish queues when automatic drafts are on: the Arabic draft job (a job
        # of its own, which reads the new Swedish text). The translator's corrected lead is
        # carried forward, to be checked against the new one.
        pipeline.translate_page(page.pk, ["ar"])
        self.changed += 1

    def reader_report(self):
        report = content.READER_REPORT
        page = self.source(report["path"]).get_translation(self.locales[report["language"]])
        if ReaderReport.objects.filter(page=page).exists():
            return
        form = ReaderReportForm(data={"part": report["part"], "problem": report["problem"]})
        if not form.is_valid():
            raise CommandError(f"The demo report is invalid: {form.errors}")
        filed = form.save(commit=False)
        filed.page, filed.locale = page, page.locale
        filed.save()
        self.changed += 1

    def run(self) -> int:
        self.reviewed()
        self.published_machine_text()
        self.waiting_drafts()
        self.agency()
        self.swedish_change()
        self.reader_report()
        return self.changed


PSEUDO_REASON = (
    "Demo: maskintexten kommer från den lokala DeepL-ersättaren (en pseudoöversättning), "
    "som inte översätter månadsnamn; fakta kontrollerade mot den svenska texten."
)


def accept_pseudo_facts(target: Page, user) -> None:
    """The local DeepL stand-in writes Swedish with accents ("17 âûgûstî 2022"), which the
    facts guard rightly cannot read as the date: the demo's translator overrides those
    findings with a reason, as a translator would (and the findings page shows it)."""
    for check in fact_checks_of(target).values():
        for finding in open_findings(check):
            override(check, finding["kind"], finding["form"], PSEUDO_REASON, user)


def agency_returns(exported: bytes, todo) -> list[tuple[str, bytes]]:
    """The agency's answer: each PO file of ``exported`` with its msgstr filled in."""
    by_source = {translation_source_for(page).pk: texts for page, texts in todo}
    files = []
    with zipfile.ZipFile(io.BytesIO(exported)) as archive:
        for name in archive.namelist():
            po = polib.pofile(archive.read(name).decode("utf-8"))
            translation = Translation.objects.get(
                uuid=po.metadata["X-WagtailLocalize-TranslationID"]
            )
            texts = by_source[translation.source_id]
            for entry in po:
                if entry.msgid not in texts:
                    raise CommandError(f"No agency text for {entry.msgid!r} ({name})")
                entry.msgstr = texts[entry.msgid]
            files.append((name, str(po).encode("utf-8")))
    return files


def queue_the_rest(stdout) -> None:
    """Machine drafts for the pages the demo left alone, by the worker after the commit."""
    if not settings.TRANSLATION_AUTO_DRAFTS:
        return
    from translation.tasks import enqueue_page

    waiting = [
        page.pk
        for page in source_pages()
        if not DraftStatus.objects.filter(page=page).exists() and page.depth > 2
    ]
    for page_id in waiting:
        transaction.on_commit(lambda page_id=page_id: enqueue_page(page_id))
    if waiting:
        stdout.write(f"  {len(waiting)} more pages queued for machine drafts (background worker)")


def load(home: Page, stdout) -> int:
    """Take the demo pages through their states (inside ``local_machine_translation``)."""
    changed = DemoStates(home, stdout).run()
    stdout.write(f"  translation states: {changed} steps taken")
    return changed
