"""Align a new draft's paragraphs with the previous draft's (pure functions, no database).

Each new paragraph is matched with at most one previous paragraph:

- identical normalised text (case, spacing and quotes ignored) is a match at once;
- otherwise the most similar unmatched previous paragraph, if the word-level
  `difflib` ratio reaches `SIMILARITY_THRESHOLD` (a paragraph with the same ref gets a
  small bonus);
- a paragraph alone in the same gap between two matched neighbours in both drafts pairs
  with the one there at a lower similarity (`GAP_THRESHOLD`): a rewording in place.

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
    ref: str
    heading_level: int
    section: str
    text: str


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return _SPACES.sub(" ", text).strip().casefold()


def similarity(old: str, new: str) -> float:
    """Word-level similarity of two texts, 0..1 (difflib ratio on words)."""
    return difflib.SequenceMatcher(
        a=normalise(old).split(), b=normalise(new).split(), autojunk=False
    ).ratio()


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
    i = tail_index[-1] if tail_index else None
    while i is not None:
        keep.add(i)
        i = parent[i]
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
    old_norm = [normalise(p.text) for p in old]
    new_norm = [normalise(p.text) for p in new]
    pairs: dict[int, int] = {}  # new index -> old index
    taken: set[int] = set()

    def kind(p: ParagraphLike) -> bool:
        return p.heading_level > 0

    # 1. Identical text: prefer the same ref, then the nearest position.
    by_text: dict[tuple[bool, str], list[int]] = {}
    for i, (p, text) in enumerate(zip(old, old_norm, strict=True)):
        by_text.setdefault((kind(p), text), []).append(i)
    for j, (p, text) in enumerate(zip(new, new_norm, strict=True)):
        options = [i for i in by_text.get((kind(p), text), []) if i not in taken]
        if options:
            best = min(options, key=lambda i: (old[i].ref != p.ref, abs(i - j)))
            pairs[j] = best
            taken.add(best)

    # 2. Similar text: score a few candidates with the most words in common.
    old_words = [set(text.split()) for text in old_norm]
    scored: list[tuple[float, int, int]] = []
    for j, p in enumerate(new):
        if j in pairs:
            continue
        words = set(new_norm[j].split())
        overlaps = [
            (len(words & old_words[i]) / (len(words | old_words[i]) or 1), i)
            for i in range(len(old))
            if i not in taken and kind(old[i]) == kind(p)
        ]
        overlaps.sort(reverse=True)
        for overlap, i in overlaps[:CANDIDATES]:
            if overlap == 0:
                break
            ratio = difflib.SequenceMatcher(
                a=old_norm[i].split(), b=new_norm[j].split(), autojunk=False
            ).ratio()
            if old[i].ref == p.ref:
                ratio += SAME_REF_BONUS
            if ratio >= SIMILARITY_THRESHOLD:
                scored.append((ratio, j, i))
    for _ratio, j, i in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if j not in pairs and i not in taken:
            pairs[j] = i
            taken.add(i)

    # 3. Rewordings in place: the only paragraph in a gap between two matched neighbours.
    for j, p in enumerate(new):
        if j in pairs:
            continue
        before = pairs.get(j - 1, -1) if j > 0 else -1
        after = pairs.get(j + 1) if j + 1 < len(new) else len(old)
        if before is None or after is None or after - before != 2:
            continue
        i = before + 1
        if i in taken or kind(old[i]) != kind(p):
            continue
        ratio = difflib.SequenceMatcher(
            a=old_norm[i].split(), b=new_norm[j].split(), autojunk=False
        ).ratio()
        if ratio >= GAP_THRESHOLD:
            pairs[j] = i
            taken.add(i)

    # 4. Classify: out-of-order pairs, or pairs now under another heading, moved.
    old_parent, new_parent = _enclosing_headings(old), _enclosing_headings(new)
    matched = sorted(pairs)
    in_order = {matched[k] for k in _longest_increasing([pairs[j] for j in matched])}
    result = Alignment()
    for j in range(len(new)):
        i = pairs.get(j)
        result.previous.append(i)
        if i is None:
            result.change.append(NEW)
            result.identical.append(False)
            continue
        identical = old_norm[i] == new_norm[j]
        result.identical.append(identical)
        parent = new_parent[j]
        same_section = (pairs.get(parent) if parent is not None else None) == old_parent[i]
        if j not in in_order or not same_section:
            result.change.append(MOVED)
        else:
            result.change.append(UNCHANGED if identical else CHANGED)
    result.deleted = [i for i in range(len(old)) if i not in taken]
    return result
