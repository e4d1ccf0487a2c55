"""What every engine returns: its capabilities for a language and the outcome of one request.

Kept apart from the package's ``__init__`` (which chooses and imports the engines) so the
engines can import these without importing their chooser back.
"""

from dataclasses import dataclass, field

from ..markup import CheckedTranslation


@dataclass(frozen=True)
class Capabilities:
    """What an engine does for one target language."""

    html: bool
    glossary: bool
    formality: bool

    @property
    def text_only(self) -> bool:
        return not self.html


@dataclass
class BatchOutcome:
    """The checked translations of one request, in the order of the texts sent."""

    texts: list[CheckedTranslation]
    billed_characters: int
    model: str = ""
    extra: dict = field(default_factory=dict)
