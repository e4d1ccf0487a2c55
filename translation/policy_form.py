"""The admin form of a language's translation policy: it refuses an engine that lacks the language.

The check lives in the form, not in ``LocalePolicy.clean``: asking an engine imports the engines,
which import the models, and a model that imported them back would close an import circle
(``tests/core/test_floors.py``). Only the admin saves a policy a person chose, so only the admin
needs to ask.
"""

from wagtail.admin.forms import WagtailAdminModelForm

from .engines import get_engine


class LocalePolicyForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        locale = cleaned.get("locale")
        engine = cleaned.get("engine")
        if locale and engine and cleaned.get("machine_translation_enabled"):
            reason = get_engine(engine).unsupported_reason(locale)
            if reason:
                self.add_error("engine", reason)
        return cleaned
