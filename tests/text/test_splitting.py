"""Splitting real-shaped draft texts into paragraphs."""

from tracker.text.splitting import split_text

PLAIN = (
    "\ufeffPreamble\r\n"
    "\r\n"
    "1. We, the Heads of State and Government, meeting in Marrakech on “10 December 2018”,\r\n"
    "reaffirm the Charter.\r\n"
    "\r\n"
    "\r\n"
    "OBJECTIVES FOR SAFE, ORDERLY AND REGULAR MIGRATION\r\n"
    "\r\n"
    "Objective 5: Enhance availability and flexibility of pathways for regular migration\r\n"
    "21. We commit to adapt options and pathways for regular migration:\r\n"
    "(a) Develop labour mobility agreements;\r\n"
    "(b) Facilitate family reunification for migrants at all skills levels;\r\n"
    "21(c) Develop practices for admission on humanitarian grounds (réfugiés, niños).\r\n"
    "\r\n"
    "Objective 13: Use migration detention only as a measure of last resort\r\n"
    "\r\n"
    "29. We commit to ensure that any detention follows due process.\r\n"
)


def test_plain_text_keeps_headings_numbering_and_lettered_sub_paragraphs():
    paragraphs = split_text(PLAIN)
    assert [(p.ref, p.heading_level) for p in paragraphs] == [
        ("Preamble", 2),
        ("1", 0),
        ("OBJECTIVES FOR SAFE, ORDERLY AND REGULAR MIGRATION", 2),
        ("Objective 5", 3),
        ("21", 0),
        ("21(a)", 0),
        ("21(b)", 0),
        ("21(c)", 0),
        ("Objective 13", 3),
        ("29", 0),
    ]
    by_ref = {p.ref: p for p in paragraphs}
    # Wrapped lines are joined; the number is not part of the text; non-ASCII survives.
    assert by_ref["1"].text == (
        "We, the Heads of State and Government, meeting in Marrakech on “10 December 2018”, "
        "reaffirm the Charter."
    )
    assert by_ref["21(c)"].text.endswith("(réfugiés, niños).")
    assert by_ref["21(a)"].text == "Develop labour mobility agreements;"
    assert by_ref["21(b)"].section == (
        "OBJECTIVES FOR SAFE, ORDERLY AND REGULAR MIGRATION › Objective 5: Enhance "
        "availability and flexibility of pathways for regular migration"
    )
    assert by_ref["29"].section.endswith(
        "Objective 13: Use migration detention only as a measure of last resort"
    )
    assert by_ref["1"].section == "Preamble"
    assert not any("\r" in p.text for p in paragraphs)


def test_markdown_headings_nest_into_sections():
    text = (
        "# Global Compact\n\n## Preamble\n\n1. First.\n\n## Objectives\n\n"
        "### Objective 1: Collect data\n\n2. We commit to collect data.\n\n"
        "(a) Develop a strategy.\n\n(b) Improve statistics.\n"
    )
    paragraphs = split_text(text)
    assert [p.ref for p in paragraphs] == [
        "Global Compact",
        "Preamble",
        "1",
        "Objectives",
        "Objective 1",
        "2",
        "2(a)",
        "2(b)",
    ]
    assert paragraphs[-1].section == "Global Compact › Objectives › Objective 1: Collect data"
    assert paragraphs[2].section == "Global Compact › Preamble"
    assert [p.heading_level for p in paragraphs[:2]] == [1, 2]


def test_text_without_numbering_gets_generated_refs():
    text = "A first paragraph that says something.\n\nA second one, on two\nlines.\n\n\n\nThird."
    paragraphs = split_text(text)
    assert [p.ref for p in paragraphs] == ["¶ 1", "¶ 2", "¶ 3"]
    assert paragraphs[1].text == "A second one, on two lines."
    assert all(p.heading_level == 0 for p in paragraphs)


def test_empty_and_blank_texts_have_no_paragraph():
    assert split_text("") == []
    assert split_text("\r\n \n\t\n") == []


def test_duplicate_refs_are_made_unique():
    paragraphs = split_text("1. One.\n\n1. One again.\n\n## Notes\n\n## Notes\n")
    assert [p.ref for p in paragraphs] == ["1", "1 (2)", "Notes", "Notes (2)"]


def test_demo_drafts_split_into_the_compacts_structure():
    from pathlib import Path

    import tracker.data.demo

    folder = Path(tracker.data.demo.__file__).parent / "drafts"
    for name in ("zero-draft.md", "final-text.md"):
        paragraphs = split_text((folder / name).read_text(encoding="utf-8"))
        refs = [p.ref for p in paragraphs]
        assert [f"Objective {n}" for n in range(1, 24)] == [
            r for r in refs if r.startswith("Objective ")
        ]
        headings = [p.text for p in paragraphs if p.heading_level == 2]
        assert headings == [
            "Preamble",
            "Our vision and guiding principles",
            "Objectives for safe, orderly and regular migration",
            "Implementation",
            "Follow-up and review",
        ]
        assert paragraphs[1].text.startswith("*Illustrative text written for this demo")
