"""``organisation`` in every template rendered with a request, looked up only when used."""

from django.utils.functional import SimpleLazyObject

from .lookup import for_request


def organisation(request):
    return {"organisation": SimpleLazyObject(lambda: for_request(request))}
