"""Generated filler text for the scale demo: plausible-looking words, no sentence from a seed.

The scale generator (``devtools.demo.scale``) needs thousands of titles, leads and paragraphs
in Swedish and in every language of the site. Real sentences would have to be written (or
copied); these are built from syllables of each language's script, so that word lengths,
letters and right-to-left text look like the language to the layout, the search index and
LIX, without pretending to say anything. Deterministic: the same seed gives the same text.
"""

import random

# Syllables per language (space-separated), in its own script: Swedish letters (å, ä, ö), Arabic
# and Persian their own script, Tigrinya Ge'ez syllables, Ukrainian Cyrillic.
SYLLABLES = {
    "sv": "sam arb ete kom mun för ening skol unga pro jekt bid rag stö d ans ök an val "
    "tid plan mål grupp mö te väx la nät verk län der stad del år rätt håll bar het "
    "kun skap ut by te bo en de sä ker öp pen gräns fri mil jö tra fik",
    "en": "com mun ity ex change pro ject part ner town school youth fund ing plan "
    "work shop net work green skill learn meet ing coun cil grant year city",
    "ar": "مدي نة شرا كة تبا دل مشر وع شبا ب تمو يل مدر سة برن امج تعا ون خطة "
    "مجت مع لقا ء عمل بيئ ة",
    "fa": "شهر همکا ری تباد ل پروژه جوا نان بود جه مدر سه برنا مه محی ط نشس ت شبک ه سال",
    "so": "wada shaqo dhal lin yar ada is kaa shi ga mash ruuc lac ag iskuul qor "
    "shah deg mada sa nad",
    "ti": "ምት ሕብ ባር መን እሰ ያት ፕሮ ጀክ ት ገን ዘብ ቤት ትም ህር ቲ ከተ ማ ዓመ ት ስራ ሕ",
    "uk": "спів пра ця обмін мо лодь про єкт шко ла фонд міс то зуст річ ме ре жа рік",
    "pl": "współ pra ca wy mia na mło dzież pro jekt szko ła fun dusz mia sto spot ka nie sieć rok",
    "fi": "yh teis työ vaih to nuo ret hank e kou lu ra hoi tus kau pun ki ta paa mi nen "
    "ver kos to vuo si",
}
# Full stops of the scripts that have their own.
STOPS = {"ar": "۔", "fa": ".", "ti": "።"}


class Filler:
    """Words, titles, sentences and paragraphs in one language, from a seed."""

    def __init__(self, language: str, seed: str):
        self.language = language if language in SYLLABLES else "sv"
        self.syllables = SYLLABLES[self.language].split()
        self.random = random.Random(f"{language}:{seed}")  # noqa: S311 - filler, not secrets
        self.stop = STOPS.get(self.language, ".")

    def word(self) -> str:
        count = self.random.choice((1, 2, 2, 2, 3, 3, 4))
        return "".join(self.random.choice(self.syllables) for _ in range(count))

    def words(self, count: int) -> str:
        return " ".join(self.word() for _ in range(count))

    def title(self) -> str:
        text = self.words(self.random.randint(3, 7))
        return text[:1].upper() + text[1:]

    def sentence(self) -> str:
        text = self.words(self.random.randint(6, 16))
        return text[:1].upper() + text[1:] + self.stop

    def sentences(self, count: int) -> str:
        return " ".join(self.sentence() for _ in range(count))

    def paragraph(self) -> str:
        return self.sentences(self.random.randint(2, 5))
