"""The permission tester every page of the portal answers with, chosen by a higher floor.

Wagtail's extension point for page permissions is a page class overriding
``permissions_for_user`` to return its own ``PagePermissionTester`` (its own test app does
so). The tester that applies the publish rule (``review.publish_rules.PublishRuleTester``)
lives in ``review``, a floor above the page models, so ``core.pages.BasePage`` asks this
module and ``review`` names its tester here from ``ready()``. Until then Wagtail's own tester
answers. Pages that are not a ``BasePage`` (only Wagtail's root) keep Wagtail's tester.
"""

from wagtail.models import PagePermissionTester

_tester_class: type[PagePermissionTester] = PagePermissionTester


def use_tester(tester_class: type[PagePermissionTester]) -> None:
    global _tester_class
    _tester_class = tester_class


def tester_class() -> type[PagePermissionTester]:
    return _tester_class


def tester_for(user, page) -> PagePermissionTester:
    return _tester_class(user, page)
