"""Is a machine translation written in its language's script, and not empty?

An engine that answers Tigrinya in Latin letters (or Somali in Ethiopic, or nothing at all)
gives a string that looks translated and is not. The check reads the translation without
its tags and protected spans, leaves out every word that also stands in the Swedish source
(names and terms kept as they are, "Erasmus+", "Interreg"), and wants at least half of the
remaining letters in the script of the language table (``core.languages``, ISO 15924).
A translation without letters where the source has some is empty. Either gives a flagged
string (``translation.markup.CheckedTranslation.wrong_script``), never a silent draft.

Applied to Azure AI Translator's answers (``translation.engines.azure``). Not to DeepL's:
the local DeepL server's pseudo-translations are Latin in every language, so Arabic,
Persian and Ukrainian drafts made with it would all be flagged.
"""

import html
import re

from core.languages import BY_CODE

_RANGES = {
    "Ethi": ((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F)),
    "Arab": (
        (0x0600, 0x06FF),
        (0x0750, 0x077F),
        (0x08A0, 0x08FF),
        (0xFB50, 0xFDFF),
        (0xFE70, 0xFEFF),
    ),
    "Cyrl": ((0x0400, 0x052F),),
    "Latn": ((0x0041, 0x024F), (0x1E00, 0x1EFF)),
}
_PROTECTED = re.compile(r'<span id="(?:span\d+|term)"[^>]*>.*?</span>', re.S)
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w[\w'’-]*")


def _visible(text: str) -> str:
    return html.unescape(_TAG.sub(" ", _PROTECTED.sub(" ", text)))


def _in_script(char: str, script: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _RANGES[script])


def problem(source: str, translated: str, language_code: str) -> str:
    """``""`` when fine, ``"empty"`` or ``"script"`` when the translation is suspect."""
    language = BY_CODE.get(language_code)
    source_letters = any(char.isalpha() for char in _visible(source))
    visible = _visible(translated)
    if source_letters and not any(char.isalpha() for char in visible):
        return "empty"
    if language is None or language.script not in _RANGES:
        return ""
    kept = set(_WORD.findall(_visible(source)))
    own = " ".join(word for word in _WORD.findall(visible) if word not in kept)
    letters = [char for char in own if char.isalpha()]
    if not letters:
        return ""
    share = sum(_in_script(char, language.script) for char in letters) / len(letters)
    return "script" if share < 0.5 else ""
