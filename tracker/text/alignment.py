"""Align a new draft's paragraphs with the previous draft's (pure functions, no database).

Each new paragraph is matched with at most one previous paragraph:

- identical normalised text (case, spacing and quotes ignored) is a match at once;
- otherwise the most similar unmatched previous paragraph, if the word-level
  `difflib` ratio reaches `SIMILARITY_THRESHOLD` (a paragraph with the same ref gets a
  small bonus);
- between two matched neighbours (or the drafts' ends), the paragraphs left in that gap in
  both drafts pair, most similar first, at a lower similarity (`GAP_THRESHOLD`): a
  heavy rewording in place stays "changed" even when a new paragraph was inserted beside it.

Headings only pair with headings. A matched pair is `moved` when it changed section or
is out of order with the other matched pairs (not on their longest increasing run), else
`unchanged` (identical text) or `changed`. Unmatched new paragraphs are `new`; unmatched
previous ones are deleted.
"""

import bisect
import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

SIMILARITY_THRESHOLD = 0.5
# A paragraph between two paragraphs that both matched their neighbours (the same gap in
# both drafts) pairs at this lower similarity: a rewording in place, not a new paragraph.
GAP_THRESHOLD = 0.2
SAME_REF_BONUS = 0.1
CANDIDATES = 4  # most word-overlapping previous paragraphs scored with difflib

UNCHANGED, CHANGED, MOVED, NEW = "unchanged", "changed", "moved", "new"

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
_SPACES = re.compile(r"\s+")


class ParagraphLike(Protocol):
    """What alignment reads of a paragraph: a stored one or one just split from a text."""

    @property
    def ref(self) -> str: ...

    @property
    def heading_level(self) -> int: ...

    @property
    def section(self) -> str: ...

    @property
    def text(self) -> str: ...


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return _SPACES.sub(" ", text).strip().casefold()


def similarity(old: str, new: str) -> float:
    """Word-level similarity of two texts, 0..1 (difflib ratio on words)."""
    return _ratio(normalise(old), normalise(new))


@dataclass
class Alignment:
    """For each new paragraph (by index): the previous index it pairs with and how."""

    previous: list[int | None] = field(default_factory=list)
    change: list[str] = field(default_factory=list)
    identical: list[bool] = field(default_factory=list)  # text unchanged (even if moved)
    deleted: list[int] = field(default_factory=list)  # previous indexes left unmatched

    def counts(self) -> dict[str, int]:
        counts = {UNCHANGED: 0, CHANGED: 0, MOVED: 0, NEW: 0}
        for change in self.change:
            counts[change] += 1
        counts["deleted"] = len(self.deleted)
        return counts


def _longest_increasing(values: list[int]) -> set[int]:
    """Indexes (into `values`) of one longest strictly increasing subsequence."""
    tails: list[int] = []
    tail_index: list[int] = []
    parent: list[int | None] = [None] * len(values)
    for i, value in enumerate(values):
        pos = bisect.bisect_left(tails, value)
        if pos == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[pos] = value
            tail_index[pos] = i
        parent[i] = tail_index[pos - 1] if pos else None
    keep: set[int] = set()
    last = tail_index[-1] if tail_index else None
    while last is not None:
        keep.add(last)
        last = parent[last]
    return keep


def _enclosing_headings(paragraphs: Sequence[ParagraphLike]) -> list[int | None]:
    """For each paragraph, the index of the nearest heading above it of a higher rank."""
    open_headings: list[int] = []
    parents: list[int | None] = []
    for i, p in enumerate(paragraphs):
        if p.heading_level:
            while open_headings and paragraphs[open_headings[-1]].heading_level >= p.heading_level:
                open_headings.pop()
        parents.append(open_headings[-1] if open_headings else None)
        if p.heading_level:
            open_headings.append(i)
    return parents


def align(old: Sequence[ParagraphLike], new: Sequence[ParagraphLike]) -> Alignment:
    matcher = _Matcher(old, new)
    matcher.pair_identical()
    matcher.pair_similar()
    matcher.pair_in_gaps()
    return matcher.alignment()


def _is_heading(paragraph: ParagraphLike) -> bool:
    return paragraph.heading_level > 0


def _ratio(old_text: str, new_text: str) -> float:
    return difflib.SequenceMatcher(a=old_text.split(), b=new_text.split(), autojunk=False).ratio()


class _Matcher:
    """The pairs found so far (new index -> old index), found in the module's steps."""

    def __init__(self, old: Sequence[ParagraphLike], new: Sequence[ParagraphLike]) -> None:
        self.old, self.new = old, new
        self.old_norm = [normalise(p.text) for p in old]
        self.new_norm = [normalise(p.text) for p in new]
        self.pairs: dict[int, int] = {}
        self.taken: set[int] = set()

    def _pair(self, j: int, i: int) -> None:
        self.pairs[j] = i
        self.taken.add(i)

    def pair_identical(self) -> None:
        """Identical text: prefer the same ref, then the nearest position."""
        by_text: dict[tuple[bool, str], list[int]] = {}
        for i, (p, text) in enumerate(zip(self.old, self.old_norm, strict=True)):
            by_text.setdefault((_is_heading(p), text), []).append(i)
        for j, (p, text) in enumerate(zip(self.new, self.new_norm, strict=True)):
            options = [i for i in by_text.get((_is_heading(p), text), []) if i not in self.taken]
            if options:
                self._pair(j, min(options, key=lambda i: (self.old[i].ref != p.ref, abs(i - j))))

    def pair_similar(self) -> None:
        """Similar text: score a few candidates with the most words in common."""
        scored = [
            score for j in range(len(self.new)) if j not in self.pairs for score in self._scores(j)
        ]
        for _, j, i in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
            if j not in self.pairs and i not in self.taken:
                self._pair(j, i)

    def _scores(self, j: int) -> list[tuple[float, int, int]]:
        p, words = self.new[j], set(self.new_norm[j].split())
        overlaps = []
        for i, old in enumerate(self.old):
            if i not in self.taken and _is_heading(old) == _is_heading(p):
                old_words = set(self.old_norm[i].split())
                overlaps.append((len(words & old_words) / (len(words | old_words) or 1), i))
        overlaps.sort(reverse=True)
        scores = []
        for overlap, i in overlaps[:CANDIDATES]:
            if overlap == 0:
                break
            ratio = _ratio(self.old_norm[i], self.new_norm[j])
            ratio += SAME_REF_BONUS if self.old[i].ref == p.ref else 0
            if ratio >= SIMILARITY_THRESHOLD:
                scores.append((ratio, j, i))
        return scores

    def pair_in_gaps(self) -> None:
        """Rewordings in place: in each gap between matched neighbours, the unmatched
        paragraphs of both drafts pair most similar first (the same ref breaks ties)."""
        for new_gap, old_gap in self._gaps():
            scored = []
            for j in new_gap:
                for i in old_gap:
                    if _is_heading(self.old[i]) != _is_heading(self.new[j]):
                        continue
                    ratio = _ratio(self.old_norm[i], self.new_norm[j])
                    if ratio >= GAP_THRESHOLD:
                        bonus = SAME_REF_BONUS if self.old[i].ref == self.new[j].ref else 0
                        scored.append((ratio + bonus, j, i))
            for _, j, i in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
                if j not in self.pairs and i not in self.taken:
                    self._pair(j, i)

    def _gaps(self) -> list[tuple[list[int], list[int]]]:
        """Each run of unmatched new paragraphs, with the unmatched previous ones facing it
        (between the old partners of its matched neighbours, or the drafts' ends)."""
        gaps = []
        j, count = 0, len(self.new)
        while j < count:
            if j in self.pairs:
                j += 1
                continue
            start = j
            while j < count and j not in self.pairs:
                j += 1
            before = self.pairs[start - 1] if start > 0 else -1
            after = self.pairs[j] if j < count else len(self.old)
            if before < after:
                facing = [i for i in range(before + 1, after) if i not in self.taken]
                gaps.append((list(range(start, j)), facing))
        return gaps

    def alignment(self) -> Alignment:
        """Classify: out-of-order pairs, or pairs now under another heading, are moved."""
        old_parent, new_parent = _enclosing_headings(self.old), _enclosing_headings(self.new)
        matched = sorted(self.pairs)
        in_order = {matched[k] for k in _longest_increasing([self.pairs[j] for j in matched])}
        result = Alignment()
        for j in range(len(self.new)):
            i = self.pairs.get(j)
            result.previous.append(i)
            identical = i is not None and self.old_norm[i] == self.new_norm[j]
            result.identical.append(identical)
            if i is None:
                result.change.append(NEW)
                continue
            parent = new_parent[j]
            same_section = (self.pairs.get(parent) if parent is not None else None) == old_parent[i]
            if j not in in_order or not same_section:
                result.change.append(MOVED)
            else:
                result.change.append(UNCHANGED if identical else CHANGED)
        result.deleted = [i for i in range(len(self.old)) if i not in self.taken]
        return result
