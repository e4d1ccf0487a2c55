"""The indicator's admin form: checks the yearly figures together and records who entered them.

Checks that need the indicator's unit or several rows at once (one value per year) cannot
live on a single child form, so they run here after Wagtail's own validation.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .validation import value_errors


class IndicatorForm(WagtailAdminModelForm):
    def _value_forms(self):
        formset = self.formsets.get("values")
        if formset is None:
            return []
        return [
            form
            for form in formset.forms
            if form.has_changed() or form.instance.pk
            if not (formset.can_delete and formset._should_delete_form(form))
        ]

    def is_valid(self):
        valid = super().is_valid()
        if not valid:
            return False
        unit = self.cleaned_data.get("unit")
        computed = self.cleaned_data.get("kind") == "computed"
        seen = set()
        for form in self._value_forms():
            data = form.cleaned_data
            if not data:
                continue
            if computed:
                form.add_error(
                    None, _("En beräknad indikator har inga inmatade värden. Ta bort raden.")
                )
                continue
            for field, message in value_errors(data.get("year"), data.get("value"), unit).items():
                form.add_error(field, message)
            year = data.get("year")
            if year in seen:
                form.add_error(
                    "year", _("Det finns redan ett värde för %(year)s.") % {"year": year}
                )
            seen.add(year)
        formset = self.formsets.get("values")
        return not any(form.errors for form in (formset.forms if formset else []))

    def save(self, commit=True):
        # Who entered or changed a figure, and when: set on the rows that changed.
        user = getattr(self, "for_user", None)
        now = timezone.now()
        for form in self._value_forms():
            if form.has_changed():
                form.instance.recorded_by = user if user and user.is_authenticated else None
                form.instance.recorded_at = now
        return super().save(commit=commit)
