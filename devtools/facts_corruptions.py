"""Corrupted translations for measuring the facts guard (the bench and the corpus test).

Not imported by the guard itself. The corruptions copy what machine translation does to
facts: swapped digits, a dropped or an extra zero, another currency, the next month or
weekday, a phone number reformatted with a digit lost or the wrong country code, an e-mail
or web address changed, a protected name dropped. They are made from the correct
translation with their own hand-written tables (not the guard's CLDR lexicon), so a gap in
the guard's tables shows up as a miss instead of being mirrored here.

Each corruption is labelled with the kind of fact it changes; for digit changes the label
comes from where the guard's extractor finds that fact in the correct translation (the
label only sorts the results, it does not decide whether the corruption is caught).
"""

import re
from dataclasses import dataclass

from core.facts.extract import extract
from core.facts.text import normalise


@dataclass(frozen=True)
class Corruption:
    kind: str
    operator: str
    text: str


CURRENCY_SWAPS = {
    "en": [("SEK", "EUR"), ("kronor", "euros"), ("euros", "kronor")],
    "ar": [("كرونة", "يورو"), ("كرونات", "يورو"), ("يورو", "كرونة")],
    "fa": [("کرونی", "یورویی"), ("کرون", "یورو"), ("یورو", "کرون")],
    "so": [("karoon", "yuuro"), ("yuuro", "karoon")],
    "ti": [("ክሮና", "ዩሮ"), ("ዩሮ", "ክሮና")],
    "uk": [("кронами", "євро"), ("крони", "євро"), ("крон", "євро"), ("євро", "крон")],
    "pl": [("korony", "euro"), ("koron", "euro"), ("euro", "koron")],
    "fi": [
        ("kruunua", "euroa"),
        ("kruunun", "euron"),
        ("kruunuun", "euroon"),
        ("euroa", "kruunua"),
        ("eurolla", "kruunulla"),
        ("euroon", "kruunuun"),
    ],
}

_MONTHS = {
    "en": ["January February March April May June July August September October November December"],
    "ar": [
        "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
        "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني"
        " كانون_الأول",
    ],
    "fa": ["ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر"],
    "so": [
        "Janaayo Febraayo Maarso Abriil Maayo Juun Luulyo Ogosto Sebtembar Oktoobar"
        " Noofeembar Diseembar"
    ],
    "ti": ["ጥሪ ለካቲት መጋቢት ሚያዝያ ጉንበት ሰነ ሓምለ ነሓሰ መስከረም ጥቅምቲ ሕዳር ታሕሳስ"],
    "uk": [
        "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
        "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні",
        "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад"
        " грудень",
    ],
    "pl": [
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października"
        " listopada grudnia",
        "styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrześniu październiku"
        " listopadzie grudniu",
        "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik"
        " listopad grudzień",
    ],
    # Finnish month names share "-kuu" and its case endings: the stem alone is swapped.
    "fi": ["tammi helmi maalis huhti touko kesä heinä elo syys loka marras joulu"],
}

_WEEKDAYS = {
    "en": ["Monday Tuesday Wednesday Thursday Friday Saturday Sunday"],
    "ar": [
        "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد",
        "اثنين ثلاثاء أربعاء خميس جمعة سبت أحد",
    ],
    "fa": ["دوشنبه سه\u200cشنبه چهارشنبه پنجشنبه جمعه شنبه یکشنبه"],
    "so": [
        "Isniin Talaado Arbaco Khamiis Jimco Sabti Axad",
        "Isniinta Talaadada Arbacada Khamiista Jimcaha Sabtida Axadda",
    ],
    "ti": ["ሰኑይ ሰሉስ ረቡዕ ሓሙስ ዓርቢ ቀዳም ሰንበት"],
    "uk": [
        "понеділок вівторок середа четвер п'ятниця субота неділя",
        "понеділка вівторка середи четверга п'ятниці суботи неділі",
        "понеділок вівторок середу четвер п'ятницю суботу неділю",
        "понеділках вівторках середах четвергах п'ятницях суботах неділях",
    ],
    "pl": [
        "poniedziałek wtorek środa czwartek piątek sobota niedziela",
        "poniedziałku wtorku środy czwartku piątku soboty niedzieli",
        "poniedziałek wtorek środę czwartek piątek sobotę niedzielę",
        "poniedziałki wtorki środy czwartki piątki soboty niedziele",
    ],
    "fi": ["maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai"],
}

_STEM_LANGUAGES = {"fi"}  # replace the stem, keep the case ending
_PHONE_RE = re.compile(r"(?:\+\s?46\s?|(?<!\d)0)\d{1,3}[\s-]?\d{2,3}(?:[\s-]?\d{2,3}){1,3}")
_EMAIL_RE = re.compile(r"[A-Za-z0-9._-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
_URL_RE = re.compile(r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:se|eu)(/[\w\-/]*)?")


def _labels(text: str, language: str) -> list[str | None]:
    """For each character of the original text, the kind of fact the extractor puts there."""
    labels: list[str | None] = [None] * len(text)
    norm = normalise(text)
    for fact in extract(text, language):
        if fact.end <= fact.start:
            continue
        first = norm.offsets[fact.start]
        last = norm.offsets[fact.end - 1]
        for index in range(first, last + 1):
            if index < len(labels):
                labels[index] = fact.kind
    return labels


def _digit_runs(text: str):
    return list(re.finditer(r"\d+", text))


def _same_script_zero(ch: str) -> str:
    return chr(ord(ch) - int(ch)) if ch.isdigit() else "0"


def _integer_run(text: str, match) -> bool:
    """A run whose value changes with its length: not decimals or minutes ("2,50", "16:30")."""
    before = text[match.start() - 1 : match.start()]
    return not (before == ":" or (before in ".,٫" and len(match.group()) != 3))


def digit_corruptions(text: str, language: str) -> list[Corruption]:
    labels = _labels(text, language)
    out: list[Corruption] = []
    for match in _digit_runs(text):
        run = match.group()
        kind = labels[match.start()] or "number"
        for index in range(len(run) - 1):
            if run[index] != run[index + 1]:
                swapped = run[:index] + run[index + 1] + run[index] + run[index + 2 :]
                out.append(Corruption(kind, "swap_digits", _splice(text, match, swapped)))
                break
        if not _integer_run(text, match):
            continue
        zero = next((i for i in range(1, len(run)) if int(run[i]) == 0), None)
        if zero is not None:
            dropped = run[:zero] + run[zero + 1 :]
            out.append(Corruption(kind, "drop_zero", _splice(text, match, dropped)))
        extra = run + _same_script_zero(run[-1])
        out.append(Corruption(kind, "extra_zero", _splice(text, match, extra)))
    return out


def _splice(text: str, match, replacement: str) -> str:
    return text[: match.start()] + replacement + text[match.end() :]


def _word_pattern(word: str) -> re.Pattern:
    return re.compile(r"(?<![\w\u200c])" + re.escape(word) + r"(?![\w\u200c])")


def currency_corruptions(text: str, language: str) -> list[Corruption]:
    for old, new in CURRENCY_SWAPS.get(language, []):
        pattern = _word_pattern(old)
        if pattern.search(text):
            return [Corruption("amount", "other_currency", pattern.sub(new, text, count=1))]
    return []


def _shift(text: str, language: str, tables: dict, kind: str, operator: str) -> list[Corruption]:
    labels = _labels(text, language)
    for table in tables.get(language, []):
        names = [name.replace("_", " ") for name in table.split()]
        order = sorted(range(len(names)), key=lambda i: -len(names[i]))
        for index in order:
            name = names[index]
            following = names[(index + 1) % len(names)]
            if language in _STEM_LANGUAGES:
                # "kesä" alone is summer: a month is "kesäkuu…" or "kesä-" before "ja".
                ending = r"(?=kuu|-)" if kind == "month" else ""
                pattern = re.compile(r"(?<!\w)" + re.escape(name) + ending, re.IGNORECASE)
            elif language == "ti":
                pattern = re.compile(
                    r"(?:(?<=^)|(?<=\s)|(?<=ብ)|(?<=ን))" + re.escape(name) + r"(?=ን?(?:[^\w]|$))"
                )
            elif language == "ar":
                pattern = re.compile(r"(?<![^\sو])" + re.escape(name) + r"(?!\w)")
            else:
                pattern = _word_pattern(name)
            match = pattern.search(text)
            if not match:
                continue
            replacement = following
            if match.group()[:1].isupper():
                replacement = following[:1].upper() + following[1:]
            elif language in _STEM_LANGUAGES:
                replacement = following.lower()
            label = labels[match.start()] if kind == "month" else kind
            if label not in ("date", "month", "weekday"):
                label = kind
            return [Corruption(label, operator, _splice(text, match, replacement))]
    return []


def phone_corruptions(text: str) -> list[Corruption]:
    match = _PHONE_RE.search(text)
    if not match:
        return []
    digits = [ch for ch in match.group() if ch.isdigit()]
    national = "".join(str(int(d)) for d in digits)
    if national.startswith("46"):
        national = "0" + national[2:]
    out = []
    # Reformatted into the international form, the last digit lost on the way.
    short = national[1:-1]
    reformatted = "+46 " + " ".join(short[i : i + 2] for i in range(0, len(short), 2))
    out.append(Corruption("phone", "reformat_drop_digit", _splice(text, match, reformatted)))
    # The trunk zero taken for a country code ("0380…" → "+380…", Ukraine's code).
    wrong_country = "+" + national[1:4] + " " + national[4:]
    out.append(Corruption("phone", "wrong_country_code", _splice(text, match, wrong_country)))
    return out


def address_corruptions(text: str) -> list[Corruption]:
    out = []
    email = _EMAIL_RE.search(text)
    if email:
        address = email.group()
        local, domain = address.split("@", 1)
        changed_domain = local + "@" + re.sub(r"\.se$", ".com", domain)
        if changed_domain != address:
            out.append(Corruption("email", "other_domain", _splice(text, email, changed_domain)))
        translated_local = ("contact" if local != "contact" else "info") + "@" + domain
        out.append(
            Corruption("email", "translated_local_part", _splice(text, email, translated_local))
        )
    for url in _URL_RE.finditer(text):
        if email and email.start() <= url.start() < email.end():
            continue
        address = url.group()
        moved = re.sub(r"\.(se|eu)(?=/|$)", ".com", address, count=1)
        out.append(Corruption("url", "other_domain", _splice(text, url, moved)))
        if url.group(1) and len(url.group(1)) > 1:
            out.append(
                Corruption("url", "path_dropped", _splice(text, url, address[: -len(url.group(1))]))
            )
        break
    return out


def protected_corruptions(text: str, terms) -> list[Corruption]:
    out = []
    for term in terms:
        if term in text:
            out.append(Corruption("protected_term", "dropped", text.replace(term, "", 1)))
    return out


def corruptions(entry: dict, language: str) -> list[Corruption]:
    """Every corrupted variant of one corpus entry's translation into `language`."""
    text = entry[language]
    out = digit_corruptions(text, language)
    out += currency_corruptions(text, language)
    out += _shift(text, language, _MONTHS, "month", "next_month")
    out += _shift(text, language, _WEEKDAYS, "weekday", "next_weekday")
    out += phone_corruptions(text)
    out += address_corruptions(text)
    out += protected_corruptions(text, entry.get("protected", ()))
    for bad in entry.get("bad", {}).get(language, []):
        out.append(Corruption(bad["kind"], "hand_written", bad["text"]))
    seen = set()
    unique = []
    for corruption in out:
        if corruption.text != text and corruption.text not in seen:
            seen.add(corruption.text)
            unique.append(corruption)
    return unique
