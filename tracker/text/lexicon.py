"""The lexicon (data/lexicon.toml): stop words, and the domain's key terms in English, French
and Spanish mapped onto one concept each, folded and stemmed as the analyser sees them."""

import tomllib
from functools import cache
from importlib import resources

from tracker.text.words import fold, stem


@cache
def _data() -> dict:
    source = resources.files("tracker.text").joinpath("data/lexicon.toml")
    return tomllib.loads(source.read_text("utf-8"))


@cache
def stop_words() -> frozenset[str]:
    return frozenset(fold(word) for text in _data()["stop_words"].values() for word in text.split())


@cache
def synonyms() -> dict[str, str]:
    """{folded word or its stem: concept}."""
    mapping: dict[str, str] = {}
    for concept, words in _data()["concepts"].items():
        for word in words:
            plain = fold(word)
            mapping.setdefault(plain, concept)
            mapping.setdefault(stem(plain), concept)
    return mapping
