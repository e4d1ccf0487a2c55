"""GET filter forms for listing pages. Invalid values are dropped, never a server error."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.content_cache import cached
from core.localization import active_locale, snippets_in_locale

ANY = [("", _("Alla"))]


class ListingFilterForm(forms.Form):
    """A filter form whose valid fields filter and whose invalid fields are ignored."""

    def __init__(self, data=None, *, locale=None):
        # Only the fields of this form: ?page=... and other parameters are not ours.
        data = {name: data.get(name, "") for name in self.base_fields} if data else None
        super().__init__(data)
        self.locale = locale
        self.setup_choices()
        for field in self.fields.values():
            field.required = False

    def setup_choices(self):
        pass

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"id_{name}-error"}
                )
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value and name not in self.errors
        }

    @property
    def is_filtered(self) -> bool:
        return bool(self.filters())

    def snippet_choices(self, queryset, label=str):
        """ "Alla" and every snippet of ``queryset`` in the form's locale, as (slug, label).

        The list is the same for every reader of a language until an editor changes a
        snippet, which starts a new generation of the shared cache (``core.content_cache``):
        so it comes from there, and a listing spends no query on its filters. One list per
        form, model and ordering (a form has one field per snippet model)."""
        locale = self.locale or active_locale()
        key = (
            type(self).__qualname__,
            queryset.model._meta.label,
            *queryset.query.order_by,
            locale.pk if locale else "",
        )

        def compute():
            return [(obj.slug, label(obj)) for obj in snippets_in_locale(queryset, locale)]

        return ANY + cached("filter-choices", key, compute)
