"""The live readability report of the page editor (see ``readability.panel``)."""

from django.http import JsonResponse

from wagtail.admin.views.pages.preview import PreviewOnEditView

from readability.panel import is_swedish, report_html


class ReadabilityView(PreviewOnEditView):
    """The readability of the page as the form now stands: ``{"html": fragment}``, nothing saved."""

    http_method_names = ("post",)

    def post(self, request, *args, **kwargs):
        if not is_swedish(self.object):
            return JsonResponse({"html": ""})
        form = self.get_form(request.POST)
        if not self.validate_form(form):
            # The editor shows the form's own errors on save; keep the last report meanwhile.
            return JsonResponse({"valid": False})
        return JsonResponse({"valid": True, "html": report_html(form.save(commit=False))})
