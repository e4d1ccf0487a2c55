from django.http import Http404


def po_exchange_view(request):
    raise Http404


def export_view(request, language_code):
    raise Http404


def import_view(request, language_code):
    raise Http404
