"""The home app's models: page types in ``pages``, the furniture snippets in ``furniture``."""

from .furniture import FooterContent, NavigationLink
from .pages import AccessibilityStatementPage, ContactPage, HomePage

__all__ = [
    "AccessibilityStatementPage",
    "ContactPage",
    "FooterContent",
    "HomePage",
    "NavigationLink",
]
