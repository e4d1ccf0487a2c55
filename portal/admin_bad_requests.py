"""Wagtail admin views that answer a hostile request with a 500, answered with a 4xx.

Each is an upstream bug on input no form of Wagtail's own would send (nothing is changed
before the error); found by the admin URL walk (``tests/review/test_admin_url_guard.py``):

- the page copy view posted without ``new_parent_page`` (``MultiValueDictKeyError``);
- the external-link chooser posted without a URL (``AttributeError``);
- a snippet chooser's create tab posted empty (``AttributeError``: no form to render);
- ``/admin/failwhale/``, which raises on purpose to try error reporting: superusers only,
  a 403 for everyone else.

The middleware turns exactly these exceptions of exactly these views into a 400 with a
plain Swedish message; any other error stays a 500 (and is reported).

Upstream workaround: ``tests/upstream/test_upstream_admin_errors.py`` fails, naming this
module, when Wagtail answers any of them with a 4xx itself.
"""

import re

from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext as _

# (view name pattern, exceptions raised on hostile input, the field to name)
HOSTILE_INPUT_ERRORS = [
    (r"wagtailadmin_pages:copy", (MultiValueDictKeyError,), "new_parent_page"),
    (r"wagtailadmin_choose_page_external_link", (AttributeError,), "url"),
    (r"wagtailsnippetchoosers_\w+:create", (AttributeError,), ""),
]
ERROR_TEST_VIEW = "wagtailadmin_error_test"


def _view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None else ""


class AdminBadRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if _view_name(request) == ERROR_TEST_VIEW and not request.user.is_superuser:
            return HttpResponseForbidden(
                _("Felsidan för test är bara till för administratörer."),
                content_type="text/plain; charset=utf-8",
            )
        return None

    def process_exception(self, request, exception):
        name = _view_name(request)
        for pattern, errors, field in HOSTILE_INPUT_ERRORS:
            if re.fullmatch(pattern, name) and isinstance(exception, errors):
                message = _("Begäran saknar uppgifter som formuläret behöver.")
                if field:
                    message += " " + _("Fältet %(field)s saknas eller är ogiltigt.") % {
                        "field": field
                    }
                return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return None
