"""The admin form of a language's settings: it refuses an engine that lacks the language.

The check lives in the form, not in ``LanguageSettings.clean``: the engines read the model
(``translation.policy``), so the model's module does not import them back. Only the admin
saves settings a person chose, so only the admin needs to ask; ``translation.wagtail_hooks``
registers the one screen with this form.
"""

from wagtail.admin.forms import WagtailAdminModelForm

from .engines import get_engine


class LanguageSettingsForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        locale = cleaned.get("locale")
        engine = cleaned.get("engine")
        if locale and engine and cleaned.get("machine_translation_enabled"):
            reason = get_engine(engine).unsupported_reason(locale)
            if reason:
                self.add_error("engine", reason)
        return cleaned
