"""Where each page type may be created: named once, by the higher floor (``core.pages``).

The sections name no parent and the strategy page names no children; ``BasePage`` then
allows only what the other side names explicitly, which must give exactly the tree the
editors know (Wagtail's default for an unnamed side would be "any page type").
"""

from wagtail.models import Page, get_page_models

from followup.models import FollowUpPage
from home.models import AccessibilityStatementPage, ContactPage, HomePage
from international.models import (
    NewsIndexPage,
    NewsPage,
    OpportunityIndexPage,
    OpportunityPage,
    PartnersPage,
    ProjectIndexPage,
    ProjectPage,
    StrategyAreaPage,
    StrategyPage,
)

SECTIONS = {StrategyPage, NewsIndexPage, OpportunityIndexPage, PartnersPage, ProjectIndexPage}
CHILDREN = {
    HomePage: SECTIONS | {ContactPage, AccessibilityStatementPage},
    StrategyPage: {StrategyAreaPage, FollowUpPage},
    NewsIndexPage: {NewsPage},
    OpportunityIndexPage: {OpportunityPage},
    ProjectIndexPage: {ProjectPage},
}
PORTAL_PAGES = set(CHILDREN) | set().union(*CHILDREN.values())


def test_each_page_type_has_exactly_the_children_of_the_editors_tree():
    for page_type in PORTAL_PAGES:
        allowed = set(page_type.allowed_subpage_models()) & PORTAL_PAGES
        assert allowed == CHILDREN.get(page_type, set()), page_type


def test_each_page_type_lives_only_under_its_parent():
    for page_type in PORTAL_PAGES - {HomePage}:
        parents = {parent for parent, children in CHILDREN.items() if page_type in children}
        assert set(page_type.allowed_parent_page_models()) == parents, page_type
    assert HomePage.allowed_parent_page_models() == [Page]


def test_no_section_can_be_made_at_the_root_or_under_another_section():
    for section in SECTIONS:
        assert Page not in section.allowed_parent_page_models()
        assert not any(section in other.allowed_subpage_models() for other in SECTIONS)
    assert all(model.allowed_parent_page_models() for model in get_page_models())
