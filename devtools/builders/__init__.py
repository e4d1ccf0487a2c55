"""The one way content is built outside the editor: for the tests and for the demo loader.

Factories (factory_boy, wagtail-factories for pages) and the functions built on them make
pages, snippets, wagtail-localize's translation rows and users. The tests import them from
here (``from devtools import builders``, ``from devtools.builders import translate``); the
demo loader (``devtools/demo/``) makes its Swedish pages, snippets, hand translations and
accounts through them, so a change to a model reaches both through one place.

``devtools`` is installed by the dev and test settings only (the top floor, which no product
app imports: ``tests/core/test_floors.py``), and factory_boy and wagtail-factories come with
the development pins (``requirements-dev.lock``), which ``make install`` installs.
See docs/testing.md ("Building content") for how to add a page type's builder.
"""

from .pages import (
    AccessibilityStatementPageFactory,
    ContactPageFactory,
    FollowUpPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OpportunityIndexPageFactory,
    OpportunityPageFactory,
    PageFactory,
    PartnersPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    StrategyAreaPageFactory,
    StrategyPageFactory,
    add_child_page,
)
from .snippets import (
    GoalFactory,
    IndicatorFactory,
    PartnerFactory,
    ProgrammeFactory,
    TopicFactory,
    create_valid,
)
from .translations import (
    MACHINE,
    MANUAL,
    StringTranslationFactory,
    TranslationFactory,
    TranslationSourceFactory,
    edit_string,
    publish_human_translation,
    start_translation,
    sync_source,
    translate,
    translate_segments,
)
from .users import TEST_PASSWORD, UserFactory, ensure_account, make_user

__all__ = [
    "MACHINE",
    "MANUAL",
    "TEST_PASSWORD",
    "AccessibilityStatementPageFactory",
    "ContactPageFactory",
    "FollowUpPageFactory",
    "GoalFactory",
    "HomePageFactory",
    "IndicatorFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "OpportunityIndexPageFactory",
    "OpportunityPageFactory",
    "PageFactory",
    "PartnerFactory",
    "PartnersPageFactory",
    "ProgrammeFactory",
    "ProjectIndexPageFactory",
    "ProjectPageFactory",
    "StrategyAreaPageFactory",
    "StrategyPageFactory",
    "StringTranslationFactory",
    "TopicFactory",
    "TranslationFactory",
    "TranslationSourceFactory",
    "UserFactory",
    "add_child_page",
    "create_valid",
    "edit_string",
    "ensure_account",
    "make_user",
    "publish_human_translation",
    "start_translation",
    "sync_source",
    "translate",
    "translate_segments",
]
