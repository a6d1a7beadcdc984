"""The lexicon (data/lexicon.toml): stop words, the words that tell the three languages apart,
and the domain's key terms in English, French and Spanish mapped onto one concept each,
folded and stemmed as the analyser sees them."""

import tomllib
from functools import cache
from importlib import resources

from tracker.text.words import LANGUAGES, WORD, fold, stem, strip_accents


@cache
def _data() -> dict:
    source = resources.files("tracker.text").joinpath("data/lexicon.toml")
    return tomllib.loads(source.read_text("utf-8"))


@cache
def stop_words() -> frozenset[str]:
    return frozenset(fold(word) for text in _data()["stop_words"].values() for word in text.split())


@cache
def _language_words() -> dict[str, frozenset[str]]:
    """{folded word: the languages it belongs to}, from the stop words and the hints."""
    languages: dict[str, set[str]] = {}
    for table in ("stop_words", "language_hints"):
        for language, text in _data()[table].items():
            for word in text.split():
                languages.setdefault(fold(word), set()).add(language)
    return {word: frozenset(found) for word, found in languages.items()}


@cache
def _language_endings() -> tuple[tuple[str, str], ...]:
    """(ending, language): endings only one of the languages gives its words."""
    endings = _data()["language_endings"]
    return tuple((ending, language) for language in endings for ending in endings[language])


def language_of(text: str) -> str:
    """The language ("en", "fr" or "es") the text's telling words vote for (a word shared by
    two languages gives each half a vote); English when none tells (the negotiated text is
    in English)."""
    telling = _language_words()
    endings = _language_endings()
    votes: dict[str, float] = dict.fromkeys(LANGUAGES, 0.0)
    for word in WORD.findall(strip_accents(text).casefold()):
        languages = telling.get(word)
        if languages:
            for language in languages:
                votes[language] = votes.get(language, 0.0) + 1 / len(languages)
        elif len(word) > 4:
            for ending, language in endings:
                if word.endswith(ending):
                    votes[language] = votes.get(language, 0.0) + 1
    best = max(votes.values())
    if not best:
        return LANGUAGES[0]
    return next(language for language in LANGUAGES if votes[language] == best)


@cache
def synonyms() -> dict[str, str]:
    """{folded word or its stem in any of the three languages: concept}."""
    mapping: dict[str, str] = {}
    for concept, words in _data()["concepts"].items():
        for word in words:
            plain = fold(word)
            mapping.setdefault(plain, concept)
            for language in LANGUAGES:
                mapping.setdefault(stem(plain, language), concept)
    return mapping
