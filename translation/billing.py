"""The characters an engine bills for the texts the pipeline sends, computed before sending.

The estimate (``translation.estimates``) and the per-language budget (``translation.usage``)
must count as the engines do, not as ``len`` of the Swedish text:

- DeepL with ``tag_handling=html`` bills the text without its tags (protected terms and
  spans travel as tags, so they add nothing); a text-only target (Persian) gets markup as
  ``⟪N⟫`` placeholders and no tag handling, and every character of that is billed. The
  ``context`` sent with short strings (``translation.deepl.context``) is not billed.
- Azure AI Translator meters every character sent, markup included.

The texts are prepared with the same functions the engines use (``translation.protect``;
``translation.engines.azure.for_azure``, called by the estimate), so the count follows them
when they change.
"""

import re

from . import protect

_TAG = re.compile(r"<[^>]*>")


def deepl_sent(texts: list[str], terms, *, text_only: bool) -> list[str]:
    """The texts as ``DeepLMachineTranslator.translate_batch`` sends them."""
    marked = [protect.for_deepl(text, terms) for text in texts]
    if text_only:
        return [protect.to_placeholders(text)[0] for text in marked]
    return marked


def deepl_billed(sent: list[str], *, text_only: bool) -> int:
    """What DeepL bills for ``sent``: with tag handling, tags are not counted."""
    if text_only:
        return sum(len(text) for text in sent)
    return sum(len(_TAG.sub("", text)) for text in sent)


def deepl_characters(texts: list[str], terms, *, text_only: bool) -> int:
    return deepl_billed(deepl_sent(texts, terms, text_only=text_only), text_only=text_only)


def azure_billed(sent: list[str]) -> int:
    """What Azure AI Translator meters: every character sent (``for_azure``'s output)."""
    return sum(len(text) for text in sent)
