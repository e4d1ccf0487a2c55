"""The indicator's admin form: checks the yearly figures together and records who entered them.

Checks that need the indicator's unit or several rows at once (one value per year) cannot
live on a single child form, so they run here, in the parent form's ``clean``, before the
formset's own checks; every problem is told next to its row.
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
        forms = []
        for form in formset.forms:
            if not (form.has_changed() or form.instance.pk):
                continue
            form.is_valid()  # cleans the row once; the formset reuses the result
            if formset.can_delete and formset._should_delete_form(form):
                continue
            forms.append(form)
        return forms

    def clean(self):
        cleaned = super().clean()
        computed = cleaned.get("kind") == "computed"
        seen = set()
        for form in self._value_forms():
            if form.errors:
                continue
            data = form.cleaned_data
            if computed:
                form.add_error(
                    None, _("En beräknad indikator har inga inmatade värden. Ta bort raden.")
                )
                continue
            year = data.get("year")
            for name, message in value_errors(year, data.get("value"), cleaned.get("unit")).items():
                form.add_error(name, message)
            if year in seen:
                form.add_error(
                    "year", _("Det finns redan ett värde för %(year)s.") % {"year": year}
                )
            seen.add(year)
        return cleaned

    def save(self, commit=True):
        # Who entered or changed a figure, and when: set on the rows that changed.
        user = getattr(self, "for_user", None)
        now = timezone.now()
        for form in self._value_forms():
            if form.has_changed():
                form.instance.recorded_by = user if user and user.is_authenticated else None
                form.instance.recorded_at = now
        return super().save(commit=commit)
