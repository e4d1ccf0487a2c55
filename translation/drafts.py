"""Save a translation as a draft revision without touching what is live.

Workaround for wagtail-localize 1.14.5 (upstream issue #655, "Support draft translation
of live articles without publishing immediately", open): ``Translation.save_target(
publish=False)`` calls ``TranslationSource.create_or_update_translation``, which writes the
translated fields into the target page's row (``translation.save()``) before it saves the
revision. For a target page that is already live, the row *is* the live content, so the
"draft" goes live at once: machine text nobody reviewed, and Swedish fallback for
untranslated segments. It also turns an alias (a live copy of the Swedish page) into a
regular live page.

Here:
- a target that does not exist yet, or is not live, goes through ``save_target`` as
  before (its row is not public), and a new page is checked not to be live;
- a live target gets only a new revision, built with
  ``get_ephemeral_translated_instance``; ``Page.save_revision`` updates only the revision
  bookkeeping columns of the row, never the content;
- an alias is refused (``AliasTarget``): converting it would publish it.

Errors are not swallowed (wagtail-localize's ``TranslationCreator`` swallows
``ValidationError``): they reach the caller, which records them.

``tests/upstream/test_upstream_wagtail_localize.py`` fails, naming this module, the day
``save_target(publish=False)`` stops writing the live row.

Every path that saves a translation target uses it: the machine-translation pipeline, and on
the people's side (``review``, the floor above) the review queue's refresh, the PO import and
export, and the guarded "Sync translated pages".
"""

from django.core.exceptions import ObjectDoesNotExist, ValidationError

from wagtail_localize.models import Translation, TranslationLog


class AliasTarget(Exception):
    """The target page is an alias of the source page; translating it would publish it."""


def target_of(translation: Translation):
    try:
        return translation.source.get_translated_instance(translation.target_locale)
    except ObjectDoesNotExist:
        return None


def save_draft(translation: Translation, user=None):
    """Save the current translations of ``translation`` as a draft; return the target."""
    source, locale = translation.source, translation.target_locale
    target = target_of(translation)
    if target is not None and target.alias_of_id:
        raise AliasTarget(f"{target} is an alias")
    if target is None or not target.live:
        translation.save_target(user=user, publish=False)
        saved = target_of(translation)
        if saved is None:
            raise ValidationError("The translation was not created.")
        if target is None and saved.live:
            raise ValidationError("A new translation must not be live.")
        return saved
    instance = source.get_ephemeral_translated_instance(locale, fallback=True)
    revision = instance.save_revision(user=user, changed=True, clean=True)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return instance
