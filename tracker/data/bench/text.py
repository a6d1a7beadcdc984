"""Plausible meeting prose in English, French and Spanish, composed from the word lists and
templates of prose.toml.

Nothing here is meant to be read closely: it gives the benchmark text of a realistic length
and mix of languages without any network access.
"""

import random
from string import Formatter

from tracker.data.files import read_toml

_PROSE = read_toml(__package__, "prose.toml")
LANGUAGES: tuple[str, ...] = tuple(_PROSE["languages"])
LANGUAGE_WEIGHTS: tuple[int, ...] = tuple(_PROSE["languages"].values())
_TEMPLATES: dict[str, str] = _PROSE["templates"]
_WORDS: dict[str, dict[str, list[str]]] = _PROSE["words"]


class Prose:
    """Sentences, paragraphs and Markdown documents drawn from one random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def language(self) -> str:
        return self.rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]

    def _pick(self, language: str, kind: str) -> str:
        return self.rng.choice(_WORDS[language][kind])

    def _fill(self, template: str, language: str) -> str:
        """The template with each {slot} drawn from its word list, in order."""
        parts = []
        for text, slot, _spec, _conversion in Formatter().parse(_TEMPLATES[template]):
            parts.append(text)
            if slot is not None:
                parts.append(self._pick(language, slot))
        return "".join(parts)

    def sentence(self, language: str) -> str:
        return self._fill("sentence", language)

    def paragraph(self, language: str, sentences: tuple[int, int] = (3, 6)) -> str:
        return " ".join(self.sentence(language) for _ in range(self.rng.randint(*sentences)))

    def ask(self, language: str) -> str:
        return self._fill("ask", language)

    def title(self, language: str) -> str:
        return self._fill("title", language)[:200]

    def markdown(self, language: str, sections: int) -> str:
        """A note-like Markdown document of `sections` headed sections."""
        parts = []
        for _ in range(sections):
            parts.append(f"## {self._pick(language, 'heading')}")
            parts.append(self.paragraph(language))
            bullets = [f"- {self.sentence(language)}" for _ in range(self.rng.randint(0, 3))]
            if bullets:
                parts.append("\n".join(bullets))
        return "\n\n".join(parts)
