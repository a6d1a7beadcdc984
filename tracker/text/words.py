"""Words as the engine sees them: found in a text, without accents or case, stemmed."""

import re
import unicodedata

# A word: letters and digits, in any script.
WORD = re.compile(r"[^\W_]+", re.UNICODE)
# The combining marks left by decomposing Latin letters (é -> e + U+0301).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


def fold(word: str) -> str:
    """Lowercase, without accents: how words are compared."""
    return strip_accents(word).casefold()


def stem(word: str) -> str:
    """Light stemming: plurals and a few endings shared by English, French and Spanish."""
    if len(word) <= 3:
        return word
    for suffix, replacement in (("ies", "y"), ("aux", "al"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stemmed = word[: -len(suffix)] + replacement
            # "es" only when the plain word ends in s/x/z/ch/sh ("boxes"), else drop "s"
            if suffix == "es" and not re.search(r"(s|x|z|ch|sh|on|or|al|ad)$", stemmed):
                continue
            return stemmed
    return word
