"""Did a new draft weaken or strengthen the paragraph carrying an ask? (pure, no database)

Two signs are read, in English, French and Spanish (the phrases are in data/weakening.toml):

- the commitment: firm wording ("commit to", "shall", "ensure", "end") lost or soft wording
  ("may", "consider", "strive to", "as appropriate") gained softens it; the reverse firms it;
- the ask's own key words (its analysed terms, as the ranking sees them, so a French ask
  still finds "detention" in English text): those the paragraph carried and lost, or gained.

Each lost firm phrase, gained soft phrase and dropped key word counts one towards
"weakened"; each gained firm phrase, dropped soft phrase and added key word one towards
"strengthened"; the larger side wins, a tie is "unchanged". A deleted paragraph is weakened.
"""

import enum
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from tracker.text.lexicon import language_of
from tracker.text.ranking import terms
from tracker.text.words import WORD, fold


class Verdict(enum.StrEnum):
    WEAKENED = "weakened"
    STRENGTHENED = "strengthened"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]  # folded; one ending in * matches any word it begins
    text: str  # as written in the data file, for people to read

    def matches_at(self, tokens: list[str], start: int) -> bool:
        if start + len(self.words) > len(tokens):
            return False
        for word, token in zip(self.words, tokens[start:], strict=False):
            if word.endswith("*"):
                if not token.startswith(word[:-1]):
                    return False
            elif token != word:
                return False
        return True


@dataclass(frozen=True)
class Lexicon:
    firm: tuple[Phrase, ...]
    soft: tuple[Phrase, ...]
    neither: tuple[Phrase, ...]

    @property
    def phrase_words(self) -> frozenset[str]:
        return frozenset(
            word.rstrip("*") for phrase in (*self.firm, *self.soft) for word in phrase.words
        )


def _phrase(text: str) -> Phrase:
    words: list[str] = []
    for chunk in text.split():
        found = WORD.findall(fold(chunk))
        if chunk.endswith("*") and found:
            found[-1] += "*"
        words.extend(found)
    return Phrase(tuple(words), text)


def _phrases(table: dict) -> tuple[Phrase, ...]:
    phrases = [_phrase(text) for texts in table.values() for text in texts]
    # Longest first, so "put an end to" is read before "end".
    return tuple(sorted(phrases, key=lambda p: -len(p.words)))


@cache
def lexicon() -> Lexicon:
    source = resources.files("tracker.text").joinpath("data/weakening.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    return Lexicon(_phrases(data["firm"]), _phrases(data["soft"]), _phrases(data["neither"]))


def _tokens(text: str) -> list[str]:
    return WORD.findall(fold(text))


def phrases_in(text: str, phrases: Iterable[Phrase], neither: Iterable[Phrase] = ()) -> Counter:
    """How many times each phrase occurs (by its written form), each word read once, after
    the look-alikes in `neither` are taken out."""
    tokens = _tokens(text)
    neither, phrases = tuple(neither), tuple(phrases)
    found: Counter = Counter()
    i = 0
    while i < len(tokens):
        skip = next((p for p in neither if p.matches_at(tokens, i)), None)
        if skip is not None:
            i += len(skip.words)
            continue
        hit = next((p for p in phrases if p.matches_at(tokens, i)), None)
        if hit is None:
            i += 1
            continue
        found[hit.text] += 1
        i += len(hit.words)
    return found


def key_words(ask: str) -> frozenset[str]:
    """The ask's own terms that say what it is about (commitment wording left out)."""
    wording = lexicon().phrase_words
    return frozenset(term for term in terms(ask) if len(term) > 2 and term not in wording)


@dataclass(frozen=True)
class Comparison:
    verdict: Verdict
    deleted: bool = False
    firm_lost: tuple[str, ...] = ()
    soft_gained: tuple[str, ...] = ()
    firm_gained: tuple[str, ...] = ()
    soft_lost: tuple[str, ...] = ()
    words_lost: tuple[str, ...] = ()
    words_gained: tuple[str, ...] = ()
    reasons: tuple[str, ...] = field(default=())

    @property
    def softened(self) -> tuple[str, ...]:
        """What weakened the commitment: firm phrases lost, soft phrases gained."""
        return self.firm_lost + self.soft_gained

    @property
    def firmed(self) -> tuple[str, ...]:
        return self.firm_gained + self.soft_lost


def _difference(old: Counter, new: Counter) -> tuple[str, ...]:
    return tuple(sorted((old - new).elements()))


def compare(old: str, new: str | None, ask: str = "") -> Comparison:
    """Compare a paragraph with its next version (None: it was deleted), for the ask `ask`."""
    if new is None:
        return Comparison(Verdict.WEAKENED, deleted=True, reasons=("deleted",))
    words = lexicon()
    firm_old = phrases_in(old, words.firm, words.neither)
    firm_new = phrases_in(new, words.firm, words.neither)
    soft_old = phrases_in(old, words.soft, words.neither)
    soft_new = phrases_in(new, words.soft, words.neither)
    asked = key_words(ask) if ask else frozenset()
    # Both versions in one language, so a word both keep is the same term in each.
    language = language_of(f"{old} {new}")
    old_terms = set(terms(old, language)) & asked
    new_terms = set(terms(new, language)) & asked
    found: dict[str, tuple[str, ...]] = {
        "firm_lost": _difference(firm_old, firm_new),
        "soft_gained": _difference(soft_new, soft_old),
        "firm_gained": _difference(firm_new, firm_old),
        "soft_lost": _difference(soft_old, soft_new),
        "words_lost": tuple(sorted(old_terms - new_terms)),
        "words_gained": tuple(sorted(new_terms - old_terms)),
    }
    weaker = len(found["firm_lost"]) + len(found["soft_gained"]) + len(found["words_lost"])
    stronger = len(found["firm_gained"]) + len(found["soft_lost"]) + len(found["words_gained"])
    if weaker > stronger:
        verdict = Verdict.WEAKENED
        reasons = _reasons(found, ("firm_lost", "soft_gained"), "softened", "words_lost")
    elif stronger > weaker:
        verdict = Verdict.STRENGTHENED
        reasons = _reasons(found, ("firm_gained", "soft_lost"), "firmed", "words_gained")
    else:
        verdict, reasons = Verdict.UNCHANGED, ()
    return Comparison(
        verdict,
        firm_lost=found["firm_lost"],
        soft_gained=found["soft_gained"],
        firm_gained=found["firm_gained"],
        soft_lost=found["soft_lost"],
        words_lost=found["words_lost"],
        words_gained=found["words_gained"],
        reasons=reasons,
    )


def _reasons(found: dict, wording: tuple[str, str], wording_reason: str, words: str):
    reasons = []
    if any(found[key] for key in wording):
        reasons.append(wording_reason)
    if found[words]:
        reasons.append(f"key_{words}")
    return tuple(reasons)
