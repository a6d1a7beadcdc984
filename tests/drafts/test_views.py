"""Adding drafts (paste and upload), reading them, their changes, and recording reflections."""

from datetime import date

import pytest
from sqlalchemy import func, select

from tests import factories
from tracker.drafts import carrying, reflections, services
from tracker.records.drafts import Draft, DraftParagraph, Level, Reflection

TEXT = (
    "## Objective 13: Use migration detention only as a measure of last resort\n\n"
    "21. We commit to ensure that any detention follows due process.\n\n"
    "(c) Strive to end the practice of child detention where possible.\n\n"
    "## Objective 15: Provide access to basic services for migrants\n\n"
    "23. Ensure public service providers do not report migration status to immigration "
    "authorities.\n"
)
NEXT = TEXT.replace(
    "Strive to end the practice of child detention where possible.",
    "Work to end the practice of child detention.",
)


def _form(**overrides):
    data = {"name": "Zero draft", "released_on": "2018-02-05", "milestone_id": "0", "text": TEXT}
    data.update(overrides)
    return data


def _multipart(fields: dict, filename: str, content: bytes) -> tuple[bytes, str]:
    """A multipart body built in memory (the test client spools big ones to a temporary
    file it never closes, which filterwarnings=error would report)."""
    boundary = "----draft-upload-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="upload"; '
        f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n'.encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _upload(client, filename: str, content: bytes):
    body, content_type = _multipart(
        {"name": "Zero draft", "released_on": "2018-02-05", "milestone_id": "0", "text": ""},
        filename,
        content,
    )
    return client.post("/drafts/new", data=body, content_type=content_type)


def _draft_count(db) -> int:
    return db.session.scalar(select(func.count(Draft.id)))


def test_coordinator_pastes_a_draft_and_reads_it_paragraph_by_paragraph(client, login_as, db):
    login_as("coordinator")
    response = client.post("/drafts/new", data=_form())
    assert response.status_code == 302
    draft = db.session.scalar(select(Draft))
    assert [p.ref for p in draft.paragraphs] == [
        "Objective 13",
        "21",
        "21(c)",
        "Objective 15",
        "23",
    ]
    page = client.get(f"/drafts/{draft.id}").get_data(as_text=True)
    assert 'id="p-21-c"' in page
    assert "Strive to end the practice of child detention where possible." in page
    assert "<h3" in page
    assert "Objective 13: Use migration detention" in page
    listing = client.get("/drafts").get_data(as_text=True)
    assert "Zero draft" in listing
    assert "Feb 5, 2018" in listing


def test_changes_page_shows_counts_and_marked_words(client, login_as, db):
    login_as("coordinator")
    client.post("/drafts/new", data=_form())
    response = client.post(
        "/drafts/new",
        data=_form(
            name="Final",
            released_on="2018-07-13",
            text=NEXT + "\n24. A brand new paragraph on remittances.\n",
        ),
    )
    final = db.session.scalar(select(Draft).where(Draft.name == "Final"))
    assert response.headers["Location"].endswith(f"/drafts/{final.id}/changes")
    page = client.get(f"/drafts/{final.id}/changes").get_data(as_text=True)
    assert "<del>Strive</del>" in page
    assert "<ins>Work</ins>" in page
    assert "<strong>1</strong> added" in page
    assert "<strong>1</strong> changed" in page
    assert "<strong>0</strong> removed" in page


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("draft.md", TEXT.encode("utf-8")),
        ("draft.txt", b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8")),
        ("draft.txt", TEXT.encode("utf-16")),
    ],
    ids=["utf-8", "utf-8 with BOM and CRLF", "utf-16 with BOM"],
)
def test_upload_a_text_file(client, login_as, db, filename, content):
    login_as("coordinator")
    response = _upload(client, filename, content)
    assert response.status_code == 302
    draft = db.session.scalar(select(Draft))
    assert [p.ref for p in draft.paragraphs][-1] == "23"


@pytest.mark.parametrize(
    ("filename", "content", "status", "message"),
    [
        ("draft.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 422, "not text"),
        ("draft.txt", b"", 422, "This file is empty."),
        ("draft.txt", b"  \r\n\r\n ", 422, "This file is empty."),
        ("draft.txt", "Préambule: détention".encode("latin-1"), 422, "not in UTF-8"),
        ("draft.txt", b"1. " + b"x" * (1024 * 1024 + 10), 413, "larger than 1 MB"),
        ("draft.pdf", b"%PDF-1.4", 422, ".txt"),
    ],
    ids=["binary", "empty", "blank", "latin-1", "too large", "pdf"],
)
def test_bad_uploads_get_a_clear_message_and_save_nothing(
    client, login_as, db, filename, content, status, message
):
    login_as("coordinator")
    response = _upload(client, filename, content)
    assert response.status_code == status
    page = response.get_data(as_text=True)
    assert message in page.replace("&#39;", "'")
    assert "invalid-feedback" in page  # next to the field
    assert _draft_count(db) == 0
    assert db.session.scalar(select(func.count(DraftParagraph.id))) == 0


def test_an_upload_over_the_app_limit_gets_413(client, login_as, db):
    login_as("coordinator")
    response = _upload(client, "big.txt", b"a" * (3 * 1024 * 1024))
    assert response.status_code == 413
    assert _draft_count(db) == 0


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"text": ""}, "Paste the text of the draft or upload it as a file."),
        ({"text": "\n\n   \n"}, "Paste the text of the draft or upload it as a file."),
        ({"name": ""}, "This field is required."),
        ({"released_on": "13/07/2018"}, "Not a valid date value."),
    ],
)
def test_bad_forms_get_422_and_save_nothing(client, login_as, db, overrides, message):
    login_as("coordinator")
    response = client.post("/drafts/new", data=_form(**overrides))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _draft_count(db) == 0


def test_names_are_unique(client, login_as, db):
    login_as("coordinator")
    client.post("/drafts/new", data=_form())
    response = client.post("/drafts/new", data=_form(released_on="2018-03-01"))
    assert response.status_code == 422
    assert "A draft with this name exists already." in response.get_data(as_text=True)
    assert _draft_count(db) == 1


def test_a_failure_while_carrying_forward_saves_nothing(client, login_as, db, monkeypatch):
    login_as("coordinator")
    client.post("/drafts/new", data=_form())

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(carrying, "carry_forward", broken)
    with pytest.raises(RuntimeError):
        services.add_draft(name="Final", released_on=date(2018, 7, 13), text=NEXT)
    db.session.rollback()
    assert _draft_count(db) == 1
    assert db.session.scalar(select(func.count(DraftParagraph.id))) == 5


# Reflections


@pytest.fixture
def draft(db):
    return services.add_draft(name="Zero draft", released_on=date(2018, 2, 5), text=TEXT)


def test_member_sees_proposals_and_records_one_in_a_click(client, login_as, db, draft):
    message = factories.KeyMessageFactory(
        text="End the immigration detention of children.", visibility="shared"
    )
    member = login_as("member")
    page = client.get(f"/messages/{message.id}/reflections/{draft.id}").get_data(as_text=True)
    assert "Paragraphs most likely to carry this message" in page
    assert page.index("Strive to end the practice of child detention") < page.index(
        "Ensure public service providers"
    )
    paragraph = next(p for p in draft.paragraphs if p.ref == "21(c)")
    response = client.post(
        f"/messages/{message.id}/reflections/{draft.id}/proposal",
        data={"paragraph_id": paragraph.id, "level": "partial", "version": ""},
    )
    assert response.status_code == 302
    reflection = db.session.scalar(select(Reflection))
    assert (reflection.level, reflection.state) == ("partial", "current")
    assert [p.ref for p in reflection.paragraphs] == ["21(c)"]
    assert reflection.recorded_by_id == member.id
    assert "child detention" in reflection.excerpt


def test_the_confirmation_counts_paragraphs_as_the_list_of_drafts_does(client, login_as):
    """Headings are not paragraphs: TEXT has two headings and three paragraphs."""
    login_as("coordinator")
    response = client.post("/drafts/new", data=_form(), follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "The draft Zero draft is added: 3 paragraphs." in html
    listing = client.get("/drafts").get_data(as_text=True)
    row = listing[listing.index("Zero draft") :]
    row = row[: row.index("</tr>")]
    assert "<td>3</td>" in row


def test_recording_a_proposal_quotes_its_paragraph_and_starts_a_fresh_note(
    client, login_as, db, draft
):
    """A reflection carried from the previous draft keeps that draft's excerpt and note until
    someone records it again; one click on a proposal quotes the proposed paragraph."""
    message = factories.KeyMessageFactory(text="End the immigration detention of children.")
    old = next(p for p in draft.paragraphs if p.ref == "21(c)")
    reflections.record_reflection(
        key_message=message,
        draft=draft,
        level=Level.WEAK,
        paragraphs=[old],
        excerpt="Strive to end the practice of child detention where possible.",
        note="Weak: 'strive' and 'where possible'.",
    )
    rev = services.add_draft(
        name="Rev 1", released_on=date(2018, 3, 5), text=NEXT + "\n(d) End child detention.\n"
    )
    carried = db.session.scalar(select(Reflection).where(Reflection.draft_id == rev.id))
    assert carried.note == "Weak: 'strive' and 'where possible'."
    proposed = next(p for p in rev.paragraphs if p.text == "End child detention.")
    login_as("member")
    response = client.post(
        f"/messages/{message.id}/reflections/{rev.id}/proposal",
        data={"paragraph_id": proposed.id, "level": "strong", "version": str(carried.version)},
    )
    assert response.status_code == 302
    db.session.expire_all()
    recorded = db.session.get(Reflection, carried.id)
    assert (recorded.level, recorded.state) == ("strong", "current")
    assert [p.id for p in recorded.paragraphs] == [proposed.id]
    assert recorded.excerpt == "End child detention."
    assert recorded.note == ""


def test_member_records_and_edits_a_reflection_with_the_form(client, login_as, db, draft):
    message = factories.KeyMessageFactory()
    login_as("member")
    url = f"/messages/{message.id}/reflections/{draft.id}"
    response = client.post(
        url, data={"level": "weak", "paragraphs": "21(c), 23", "excerpt": "strive", "note": "n"}
    )
    assert response.status_code == 302
    reflection = db.session.scalar(select(Reflection))
    assert [p.ref for p in reflection.paragraphs] == ["21(c)", "23"]
    response = client.post(
        url,
        data={
            "level": "strong",
            "paragraphs": "21(c)",
            "excerpt": "",
            "note": "",
            "version": str(reflection.version),
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.scalar(select(Reflection)).level == "strong"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"level": "strong", "paragraphs": "99, 21(c)"}, "No paragraph 99 in this draft."),
        ({"level": "absent", "paragraphs": "21(c)"}, "An absent message has no paragraph"),
        ({"level": "brilliant"}, "Not a valid choice"),
    ],
)
def test_bad_reflections_get_422(client, login_as, db, draft, data, message):
    key_message = factories.KeyMessageFactory()
    login_as("member")
    response = client.post(f"/messages/{key_message.id}/reflections/{draft.id}", data=data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Reflection.id))) == 0


def test_stale_save_answers_409_with_both_versions(client, login_as, db, draft):
    message = factories.KeyMessageFactory()
    paragraph = next(p for p in draft.paragraphs if p.ref == "21(c)")
    reflection = reflections.record_reflection(
        key_message=message,
        draft=draft,
        level=Level.PARTIAL,
        paragraphs=[paragraph],
        note="Theirs",
    )
    stale = reflection.version
    reflections.record_reflection(
        key_message=message,
        draft=draft,
        level=Level.STRONG,
        paragraphs=[paragraph],
        note="Theirs, newer",
        version=stale,
    )
    login_as("member")
    response = client.post(
        f"/messages/{message.id}/reflections/{draft.id}",
        data={"level": "weak", "paragraphs": "23", "note": "Mine", "version": str(stale)},
    )
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Someone else saved this" in page
    assert "Theirs, newer" in page
    assert "Mine" in page
    db.session.expire_all()
    current = db.session.scalar(select(Reflection))
    assert current.note == "Theirs, newer"
    # Nothing typed is lost: the form comes back with the user's text at the new version.
    assert current.version != stale
    assert f'id="version" name="version" type="hidden" value="{current.version}"' in page


def test_carried_reflection_to_review_shows_the_difference(client, login_as, db, draft):
    message = factories.KeyMessageFactory()
    paragraph = next(p for p in draft.paragraphs if p.ref == "21(c)")
    reflections.record_reflection(
        key_message=message, draft=draft, level=Level.PARTIAL, paragraphs=[paragraph]
    )
    final = services.add_draft(name="Final", released_on=date(2018, 7, 13), text=NEXT)
    login_as("member")
    page = client.get(f"/messages/{message.id}/reflections/{final.id}").get_data(as_text=True)
    assert "To review" in page
    assert "<del>Strive</del>" in page
    assert "<ins>Work</ins>" in page
    assert "carried forward from Zero draft" in page


def test_observers_never_see_reflections_of_civil_society_messages(client, login_as, db, draft):
    hidden = factories.KeyMessageFactory(visibility="civil_society", text="Hidden ask")
    shared = factories.KeyMessageFactory(visibility="shared", text="Shared ask")
    paragraph = next(p for p in draft.paragraphs if p.ref == "21(c)")
    for message in (hidden, shared):
        reflections.record_reflection(
            key_message=message, draft=draft, level=Level.STRONG, paragraphs=[paragraph]
        )
    login_as("observer")
    assert client.get(f"/messages/{hidden.id}/reflections/{draft.id}").status_code == 404
    page = client.get(f"/messages/{shared.id}/reflections/{draft.id}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Record the reflection" not in text
    assert "Change the reflection" not in text
    draft_page = client.get(f"/drafts/{draft.id}").get_data(as_text=True)
    assert "1 key message reflected" in draft_page
    paragraph_page = client.get(f"/drafts/{draft.id}/paragraphs/{paragraph.id}")
    listed = paragraph_page.get_data(as_text=True)
    assert "Shared ask" in listed
    assert f"/messages/{shared.id}/reflections/{draft.id}" in listed
    assert "Hidden ask" not in listed
    assert f"/messages/{hidden.id}" not in listed
    assert (
        client.post(
            f"/messages/{shared.id}/reflections/{draft.id}", data={"level": "weak"}
        ).status_code
        == 403
    )
