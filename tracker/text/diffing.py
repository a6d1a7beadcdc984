"""Word-level differences between two texts, as escaped HTML with <ins> and <del>."""

import difflib
import re

from markupsafe import Markup, escape

_TOKEN = re.compile(r"\s+|[^\s]+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.replace("\r\n", "\n"))


def word_diff(old: str, new: str) -> Markup:
    """`new` with the words inserted since `old` in <ins> and the deleted ones in <del>."""
    old_tokens, new_tokens = tokens(old or ""), tokens(new or "")
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    parts: list[str] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(str(escape("".join(new_tokens[b1:b2]))))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(old_tokens[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(new_tokens[b1:b2]))}</ins>")
    return Markup("".join(parts))  # every piece is escaped above


def change_counts(old: str, new: str) -> tuple[int, int]:
    """How many words were inserted and deleted between two texts."""
    old_words, new_words = (old or "").split(), (new or "").split()
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    inserted = deleted = 0
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            deleted += a2 - a1
        if op in ("insert", "replace"):
            inserted += b2 - b1
    return inserted, deleted
