from django.apps import AppConfig


class ReviewSnippetsConfig(AppConfig):
    """A translatable snippet for the review tests (installed by the test settings only)."""

    name = "tests.review_snippets"
    label = "review_snippets"
