"""Words as the engine sees them: found in a text, without accents or case, stemmed.

Stemming is Snowball's (PyStemmer) for English, French and Spanish: a text is stemmed in
its own language (`tracker.text.lexicon.language_of`), and a query, too short to tell, in
all three (`tracker.text.ranking.query_alternatives`).
"""

import re
import threading
import unicodedata

import Stemmer

# A word: letters and digits, in any script.
WORD = re.compile(r"[^\W_]+", re.UNICODE)
# The combining marks left by decomposing Latin letters (é -> e + U+0301).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

LANGUAGES = ("en", "fr", "es")
_SNOWBALL_NAMES = {"en": "english", "fr": "french", "es": "spanish"}
# A Snowball stemmer keeps state while it works: one per thread (gthread workers).
_stemmers = threading.local()
MIN_STEMMED_LENGTH = 4  # shorter words ("ley", "uso") are kept whole


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


def fold(word: str) -> str:
    """Lowercase, without accents: how words are compared."""
    return strip_accents(word).casefold()


def _stemmer(language: str) -> Stemmer.Stemmer:
    stemmers = getattr(_stemmers, "by_language", None)
    if stemmers is None:
        stemmers = _stemmers.by_language = {
            code: Stemmer.Stemmer(name) for code, name in _SNOWBALL_NAMES.items()
        }
    return stemmers[language]


def stem(word: str, language: str = "en") -> str:
    """The Snowball stem of a folded word in `language` ("en", "fr" or "es")."""
    if len(word) < MIN_STEMMED_LENGTH:
        return word
    return _stemmer(language).stemWord(word)
