"""Generated versions of the negotiated text, and how the key messages are reflected in every
draft."""

from itertools import product
from typing import Any

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.data.bench import names
from tracker.data.bench.build import Build, count_rows
from tracker.data.bench.rows import insert_plain as _insert_plain
from tracker.data.bench.rows import insert_rows as _insert
from tracker.records.drafts import Draft, DraftParagraph, Reflection, reflection_paragraph

LEVEL_WEIGHTS = {"absent": 3, "weak": 2, "partial": 3, "strong": 2}


def add_drafts(build: Build) -> None:
    rng, prose, scale = build.rng, build.prose, build.scale
    specs = names.DRAFTS[: max(0, scale.drafts - count_rows(Draft))]
    previous_id = db.session.scalar(select(Draft.id).order_by(Draft.released_on).limit(1))
    author = build.user("coordinator")
    previous_paragraphs: list[int] = []
    for spec in specs:
        texts = [prose.ask("en") for _ in range(scale.paragraphs)]
        (draft_id,) = _insert(
            Draft,
            [
                {
                    "name": spec["name"],
                    "released_on": spec["released_on"],
                    "source_text": "\n\n".join(texts),
                    "created_by_id": author,
                    "previous_id": previous_id,
                }
            ],
        )
        rows: list[dict[str, Any]] = []
        for position, text in enumerate(texts):
            aligned = previous_paragraphs[position] if position < len(previous_paragraphs) else None
            rows.append(
                {
                    "draft_id": draft_id,
                    "position": position,
                    "ref": f"{position + 1}",
                    "heading_level": 0,
                    "section": f"Objective {position // 15 + 1}",
                    "text": text,
                    "change": rng.choice(("unchanged", "changed")) if aligned else "new",
                    "previous_paragraph_id": aligned,
                }
            )
        previous_paragraphs = _insert(DraftParagraph, rows)
        previous_id = draft_id


def add_reflections(build: Build) -> None:
    rng, prose = build.rng, build.prose
    drafts = list(
        db.session.execute(select(Draft.id, Draft.released_on).order_by(Draft.released_on))
    )
    paragraphs: dict[int, list[int]] = {}
    for paragraph_id, draft_id in db.session.execute(
        select(DraftParagraph.id, DraftParagraph.draft_id).order_by(DraftParagraph.id)
    ):
        paragraphs.setdefault(draft_id, []).append(paragraph_id)
    pairs = list(product(build.message_ids, drafts))[: build.scale.reflections]
    levels, weights = list(LEVEL_WEIGHTS), list(LEVEL_WEIGHTS.values())
    rows: list[dict[str, Any]] = []
    for message_id, (draft_id, released_on) in pairs:
        level = rng.choices(levels, weights)[0]
        recorded = build.moment(released_on, 20)
        rows.append(
            {
                "key_message_id": message_id,
                "draft_id": draft_id,
                "level": level,
                "state": "current",
                "excerpt": "" if level == "absent" else prose.ask("en"),
                "note": prose.sentence("en") if rng.random() < 0.3 else "",
                "recorded_by_id": build.user("coordinator", "rapporteur"),
                "recorded_at": recorded,
                "version": 1,
                "created_at": recorded,
                "updated_at": recorded,
            }
        )
    links = [
        {"reflection_id": reflection_id, "paragraph_id": rng.choice(paragraphs[row["draft_id"]])}
        for reflection_id, row in zip(_insert(Reflection, rows), rows, strict=True)
        if row["level"] != "absent" and paragraphs.get(row["draft_id"])
    ]
    _insert_plain(reflection_paragraph, links)
