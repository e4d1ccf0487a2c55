"""Guard: every revision publish goes through ``PublishRevisionAction.execute``.

``review.publish_rules.install`` wraps that method (``gated_execute``) so that the publish
rule reads the revision that goes live on every path. Delete the wrapper the day Wagtail
offers a hook before a revision is published; this test fails when Wagtail stops
publishing pages and snippets through the wrapped method.
"""

from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.models import Page

from review.publish_rules import gated_execute, is_installed


def test_page_and_snippet_publishes_use_the_gated_execute(db):
    assert is_installed()
    assert PublishRevisionAction.execute is gated_execute
    # Pages publish through a subclass that must not override execute.
    assert "execute" not in PublishPageRevisionAction.__dict__
    assert PublishPageRevisionAction.execute is gated_execute
    # Page.publish and DraftStateMixin.publish still build these actions.
    import inspect

    assert "PublishPageRevisionAction" in inspect.getsource(Page.publish)
