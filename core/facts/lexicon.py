"""Words for months, weekdays, currencies, scales, percent and day periods, from CLDR via Babel.

Why CLDR: eight languages, three scripts and case inflection (Polish "marca"/"marzec",
Finnish "maaliskuuta"/"maaliskuu", Ukrainian "березня"/"березень") are more than a
hand-written table stays right about. Babel ships CLDR; the regional variants of a language
are merged in, so Levantine and Iraqi Arabic month names ("آذار", "كانون الثاني") and Afghan
Persian ("مارچ") are recognised next to the CLDR default. A few everyday forms CLDR does not
list (the Swedish "kr" used in every language's translations, Somali "karoon") are added in
SUPPLEMENT and said so.

Matching is by stem: a word matches an entry when it starts with the entry's stem and the
rest is a short inflection ending (or, in Ge'ez and Arabic script, a short attached
preposition before it).
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from babel import Locale, localedata
from babel.numbers import format_decimal, get_currency_name, get_currency_symbol
from babel.units import format_unit

from core.languages import LANGUAGES_TABLE

from .text import fold

# The portal's languages, source first, as the language table lists them.
LANGUAGES = tuple(language.code for language in LANGUAGES_TABLE)
HOME_CURRENCY = "SEK"
CURRENCIES = ("SEK", "NOK", "DKK", "EUR", "USD", "GBP")
# Languages whose nouns inflect at the end: a stem is the CLDR word without its last letter.
_INFLECTING = {"uk", "pl", "fi", "so", "ar", "fa", "sv"}
_MAX_ENDING = 4
# Case endings of up to five letters: Ukrainian "четвергах", Finnish "maaliskuussakin".
_LONG_ENDINGS = {"uk", "pl", "fi"}

# Forms in everyday use that CLDR does not carry, per language ("*" = every language).
SUPPLEMENT = {
    "currency": {
        "*": {"kr": "SEK", "kr.": "SEK", "sek": "SEK", "€": "EUR", "eur": "EUR", "euro": "EUR"},
        "so": {"karoon": "SEK", "koronada": "SEK", "yuuro": "EUR"},
        "ar": {"كرونا": "SEK", "كرون": "SEK"},
        "fa": {"کرون": "SEK"},
        "ti": {"ክሮነር": "SEK", "ክሮና": "SEK"},
        "en": {"kronor": "SEK", "krona": "SEK", "crowns": "SEK", "crown": "SEK"},
    },
    "percent": {
        "*": {"%"},
        "en": {"per cent"},
        "ar": {"بالمئة", "المئة", "في المائة", "في المئة"},
        "so": {"boqolkiiba"},
    },
}


@dataclass(frozen=True)
class Entry:
    stem: str
    value: object
    exact: bool = False


@dataclass(frozen=True)
class Lexicon:
    language: str
    entries: tuple[Entry, ...]
    phrases: tuple[tuple[tuple[str, ...], object], ...] = ()
    # Results per word: the same words come back in every string of a page.
    _memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def lookup(self, word: str):
        """The value a folded word stands for, or None."""
        if word in self._memo:
            return self._memo[word]
        if len(self._memo) > _MEMO_LIMIT:
            self._memo.clear()
        best = None
        for entry in self._candidates(word):
            if _matches(word, entry, self.language) and (
                best is None or len(entry.stem) > len(best.stem)
            ):
                best = entry
        value = None if best is None else best.value
        self._memo[word] = value
        return value

    def _candidates(self, word: str) -> list[Entry]:
        """Entries whose stem can start where the word (or its attached prefix) ends."""
        index = self._memo.get(_INDEX)
        if index is None:
            index = {}
            for entry in self.entries:
                index.setdefault(entry.stem[:1], []).append(entry)
            self._memo[_INDEX] = index
        starts = {word[:1]}
        for prefix in _ATTACHED_BEFORE.get(self.language, ()):
            if word.startswith(prefix):
                starts.add(word[len(prefix) : len(prefix) + 1])
        return [entry for start in starts for entry in index.get(start, ())]


_MEMO_LIMIT = 20000
_INDEX = object()  # the memo's key for the first-letter index


# Prepositions and conjunctions written together with the next word, and Tigrinya's
# "and" written after it ("ጥሪን ለካቲትን" = "January and February"), Persian plurals
# ("سه\u200cشنبه\u200cها" = "Tuesdays", folded without the half-space).
_ATTACHED_BEFORE = {
    "ar": ("و", "ب", "ل", "ف", "وب", "ول", "وال", "بال", "لل", "ال"),
    "fa": ("ب", "و"),
    "ti": ("ብ", "ን", "ካብ", "ናብ", "ኣብ", "ክሳብ", "ከም", "ና", "ናይ"),
}
# The endings a Swedish month or weekday name takes ("junis", "måndagen", "tisdagarna").
_SV_ENDINGS = {
    "months": ("", "s"),
    "days": ("", "s", "en", "ens", "ar", "arna", "arnas"),
}
_ATTACHED_AFTER = {"ti": ("ን", "ውን"), "fa": ("ها", "هاي", "ي")}


def _matches(word: str, entry: Entry, language: str) -> bool:
    stem = entry.stem
    if word == stem:
        return True
    for prefix in _ATTACHED_BEFORE.get(language, ()):
        if word.startswith(prefix) and _matches(word[len(prefix) :], entry, "") is True:
            return True
    for suffix in _ATTACHED_AFTER.get(language, ()):
        if word.endswith(suffix) and word[: -len(suffix)] == stem:
            return True
    if entry.exact:
        return False
    longest = _MAX_ENDING + (1 if language in _LONG_ENDINGS else 0)
    return word.startswith(stem) and len(word) - len(stem) <= longest


# Function words inside CLDR currency names ("ናይ ኖርወይ ክሮነር" = "krone of Norway").
_NAME_STOPWORDS = {"ናይ", "የ"}


def _meaningful(part: str) -> bool:
    """Whether a word of a currency name can stand for money: not "US" or Tigrinya "ናይ" ("of").

    Ethiopic letters are syllables, so two of them make a full word ("ዩሮ", euro).
    """
    if part in _NAME_STOPWORDS:
        return False
    ethiopic = all("\u1200" <= ch <= "\u139f" for ch in part)
    return len(part) >= (2 if ethiopic else 3)


def _stem(word: str, language: str) -> str:
    if language in _INFLECTING and len(word) >= 5:
        return word[:-1]
    return word


def _locales(language: str) -> list[Locale]:
    codes = [language] + sorted(
        code
        for code in localedata.locale_identifiers()
        if code.startswith(language + "_")
        and code.count("_") == 1
        and (code.split("_")[1].isupper() or code.split("_")[1].isdigit())
    )
    return [Locale.parse(code) for code in codes]


def _calendar_stem(word: str, language: str) -> str:
    """The part of a month or weekday name that its inflected forms keep.

    Polish and Ukrainian change the last syllable ("wtorek" → "wtorku", "понеділок" →
    "понеділка"); Somali replaces a final vowel before the definite suffix ("Talaado" →
    "Talaadada", "Jimco" → "Jimcaha").
    """
    if language in ("uk", "pl"):
        return word[:-2] if len(word) >= 6 else word[:-1] if len(word) >= 5 else word
    if language == "so" and len(word) >= 5 and word[-1] in "aeiou":
        return word[:-1]
    return word


def _common_prefix(forms: list[str]) -> str:
    prefix = forms[0]
    for form in forms[1:]:
        while not form.startswith(prefix):
            prefix = prefix[:-1]
    return prefix


def _calendar_entries(language: str, attribute: str, count: int, base: int) -> Lexicon:
    entries: list[Entry] = []
    phrases: list[tuple[tuple[str, ...], object]] = []
    for locale in _locales(language):
        table = getattr(locale, attribute)
        for number in range(count):
            key = number + base
            forms = []
            for context in ("format", "stand-alone"):
                name = table.get(context, {}).get("wide", {}).get(key)
                if name:
                    forms.append(fold(name))
            forms = [f for f in dict.fromkeys(forms) if f]
            value = number + 1 if attribute == "months" else number
            for form in forms:
                parts = tuple(form.split())
                if len(parts) > 1:
                    phrases.append((parts, value))
            single = [f for f in forms if " " not in f]
            if not single:
                continue
            if language == "ar":
                # CLDR writes weekdays with the article ("الاثنين"); "أول يوم اثنين" has none.
                single += [f[2:] for f in single if f.startswith("ال") and len(f) > 4]
            prefix = _common_prefix(single)
            if len(single) == 1 or prefix == single[0]:
                prefix = _calendar_stem(single[0], language)
            # Arabic, Persian and Tigrinya names do not inflect at the end; what attaches to
            # them is handled by _ATTACHED_BEFORE/_AFTER, and a stem would match too much.
            # Swedish, the source, takes its few endings whole: a stem would read "Nordplus
            # Junior", "Marsvin", "Julia" or "Oktoberfest" as months.
            if language == "sv":
                endings = _SV_ENDINGS[attribute]
                for form in single:
                    entries += [Entry(form + end, value, exact=True) for end in endings]
                continue
            if len(prefix) >= 3 and language not in _ATTACHED_BEFORE:
                entries.append(Entry(prefix, value))
            for form in single:
                entries.append(Entry(form, value, exact=True))
    return Lexicon(language, tuple(dict.fromkeys(entries)), tuple(dict.fromkeys(phrases)))


@lru_cache(maxsize=32)
def months(language: str) -> Lexicon:
    """Month names (format and stand-alone, every regional variant) → month number 1-12."""
    return _calendar_entries(language, "months", 12, 1)


@lru_cache(maxsize=32)
def weekdays(language: str) -> Lexicon:
    """Weekday names → 0 (Monday) … 6 (Sunday)."""
    # Babel keys days 0=Monday … 6=Sunday.
    return _calendar_entries(language, "days", 7, 0)


@lru_cache(maxsize=32)
def month_abbreviations(language: str) -> dict[str, int]:
    """Abbreviated month names (only trusted next to a day number: "31 Mar", "31 sty")."""
    out: dict[str, int] = {}
    for locale in _locales(language):
        for context in ("format", "stand-alone"):
            for key, name in locale.months.get(context, {}).get("abbreviated", {}).items():
                folded = fold(name).rstrip(".")
                if len(folded) >= 3:
                    out.setdefault(folded, key)
    return out


@lru_cache(maxsize=32)
def currencies(language: str) -> tuple[Lexicon, frozenset[str]]:
    """Currency words → ISO code, and the subset that are nouns (not "Swedish"/"norska").

    A word that several currencies' names share ("kronor" in Swedish, Norwegian and Danish
    kronor) is a noun and means the portal's home currency on its own; a word unique to one
    currency in a multi-word name is a qualifier ("norska" → NOK) that refines a noun.
    """
    locale = Locale.parse(language)
    by_word: dict[str, set[str]] = {}
    single_word_codes: set[str] = set()
    for code in CURRENCIES:
        names = {locale.currencies.get(code) or ""}
        for count in (1, 2, 3, 5, 11, 22, 100, Decimal("1.5")):
            names.add(get_currency_name(code, count, locale=locale))
        for name in names:
            parts = [fold(p) for p in name.split() if _meaningful(p)]
            if len(parts) == 1:
                single_word_codes.add(parts[0])
            for part in parts:
                by_word.setdefault(part, set()).add(code)
    entries: list[Entry] = []
    nouns: set[str] = set()
    shared = {w for w, codes in by_word.items() if len(codes) > 1}
    for word, codes in by_word.items():
        code = HOME_CURRENCY if len(codes) > 1 else next(iter(codes))
        stem = _stem(word, language)
        entries.append(Entry(stem, code))
        name_has_shared = any(w in shared for w, cs in by_word.items() if code in cs and w != word)
        if word in shared or word in single_word_codes or not name_has_shared:
            nouns.add(stem)
    for code in CURRENCIES:
        for symbol in {get_currency_symbol(code, locale=locale), code}:
            folded = fold(symbol)
            entries.append(Entry(folded, code, exact=True))
            nouns.add(folded)
    for table in (SUPPLEMENT["currency"]["*"], SUPPLEMENT["currency"].get(language, {})):
        for word, code in table.items():
            entries.append(Entry(fold(word), code, exact=len(word) <= 3))
            nouns.add(fold(word))
    entries.append(Entry("$", "USD", exact=True))
    entries.append(Entry("£", "GBP", exact=True))
    nouns.update({"$", "£"})
    return Lexicon(language, tuple(dict.fromkeys(entries))), frozenset(nouns)


@lru_cache(maxsize=32)
def scales(language: str) -> Lexicon:
    """Scale words from CLDR's compact forms: "tusen", "тис.", "miljoner", "miljoonaa" … → 10**n."""
    locale = Locale.parse(language)
    entries: list[Entry] = []
    compact = locale.compact_decimal_formats
    for width in ("long", "short"):
        for _category, magnitudes in compact.get(width, {}).items():
            for magnitude in ("1000", "1000000", "1000000000"):
                pattern = magnitudes.get(magnitude)
                if pattern is None:
                    continue
                text = str(getattr(pattern, "pattern", pattern)).replace("'", "")
                for part in text.replace("\u00a0", " ").split():
                    word = fold(part.strip("0").strip()).rstrip(".")
                    if len(word) >= 3 or (width == "short" and len(word) >= 2 and word.isalpha()):
                        if width == "short" and len(word) == 1:
                            continue
                        exact = width == "short"
                        entries.append(Entry(word, int(magnitude), exact=exact))
    return Lexicon(language, tuple(dict.fromkeys(entries)))


@lru_cache(maxsize=32)
def percent_words(language: str) -> tuple["Lexicon", "Lexicon"]:
    """Percent words after the number ("procent", "prosenttia") and before it ("boqolkiiba")."""
    after: set[str] = set()
    before: set[str] = set()
    for count in (0, 1, 2, 3, 5, 11, 25, 100, Decimal("1.5")):
        number = format_decimal(count, locale=language)
        for length in ("long", "short", "narrow"):
            formatted = format_unit(count, "percent", length=length, locale=language)
            position = formatted.find(number)
            if position < 0:
                continue
            for word in formatted[position + len(number) :].split():
                if word.strip("%\u066a\u200e\u061c"):
                    after.add(fold(word))
            for word in formatted[:position].split():
                if word.strip("%\u066a\u200e\u061c"):
                    before.add(fold(word))
    extra = SUPPLEMENT["percent"].get(language, set())
    for word in extra:
        (before if word == "boqolkiiba" else after).add(fold(word))

    def lexicon_of(forms: set[str]) -> Lexicon:
        entries = [Entry(form, True, exact=True) for form in forms]
        if language in _INFLECTING:
            # Finnish "prosentista", "prosenttiin"; Polish "procentów"; Ukrainian "відсотках".
            entries += [Entry(form[:-2], True) for form in forms if len(form) >= 7]
        return Lexicon(language, tuple(entries))

    return lexicon_of(after), lexicon_of(before)


@lru_cache(maxsize=32)
def day_periods(language: str) -> dict[str, str]:
    """Folded am/pm markers → "am"/"pm" ("a.m.", "p.m.", "GH", "ق.ظ." …)."""
    out: dict[str, str] = {}
    for locale in _locales(language)[:1]:
        for context in ("format", "stand-alone"):
            for width in ("abbreviated", "narrow", "wide"):
                table = locale.day_periods.get(context, {}).get(width, {})
                for period in ("am", "pm"):
                    name = table.get(period)
                    if name:
                        out[fold(name).replace(".", "").replace(" ", "")] = period
    if language == "en":
        out.update({"am": "am", "pm": "pm"})
    return out


def separators(language: str) -> tuple[str, str]:
    """The language's decimal and grouping signs for Latin digits (CLDR), normalised."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    decimal = get_decimal_symbol(language).replace("\u066b", ".")
    group = get_group_symbol(language).replace("\u00a0", " ").replace("\u202f", " ")
    return decimal, group.replace("\u066c", ",")
