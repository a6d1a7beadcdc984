"""Group-session notes: writing, revisions, history, restore, conflicts, safety, access."""

import re
from html.parser import HTMLParser

import pytest
from flask import g, render_template
from sqlalchemy import func, select, text

from tests.factories import (
    ActFactory,
    MeetingSessionFactory,
    NoteFactory,
    NoteRevisionFactory,
    UserFactory,
)
from tracker.core.conflicts import EditConflictError
from tracker.core.extensions import db
from tracker.notes import services
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.agenda import MeetingSession
from tracker.records.notes import Note, NoteRevision


def note_with_revisions(count: int, **fields) -> Note:
    """A note whose last revision holds its current text (`body` if given)."""
    author = UserFactory()
    note = NoteFactory(**fields, updated_by=author)
    for number in range(1, count + 1):
        body = f"Revision {number}: " + " ".join(f"word{i}" for i in range(number))
        if number == count and "body" in fields:
            body = fields["body"]
        NoteRevisionFactory(note=note, number=number, body=body, author=author)
    note.body = body
    note.revision_count = count
    db.session.flush()
    return note


def revisions_of(note: Note) -> list[NoteRevision]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            select(NoteRevision)
            .where(NoteRevision.note_id == note.id)
            .order_by(NoteRevision.number)
        )
    )


def html_of(response) -> str:
    return response.get_data(as_text=True)


# Writing


def test_member_writes_a_note_in_a_group_session(client, login_as):
    member = login_as("member", name="Ana Ruiz")
    act = ActFactory(number=3, title="Protection")
    item = MeetingSessionFactory(acts=[act], audience="civil_society")

    form = client.get(f"/sessions/{item.id}/notes/new")
    assert form.status_code == 200
    assert 'for="title"' in html_of(form)
    assert "Save note" in html_of(form)

    response = client.post(
        f"/sessions/{item.id}/notes/new",
        data={"act_id": act.id, "title": "Priorities", "body": "We agreed on **firewalls**."},
    )
    assert response.status_code == 302
    note = db.session.scalars(select(Note)).one()
    assert note.visibility == "civil_society"
    assert (note.act_id, note.created_by_id, note.revision_count) == (act.id, member.id, 1)
    assert [(r.number, r.body) for r in revisions_of(note)] == [(1, "We agreed on **firewalls**.")]

    page = client.get(response.headers["Location"])
    html = html_of(page)
    assert page.status_code == 200
    assert "<strong>firewalls</strong>" in html
    assert "Civil society only" in html
    assert "Last edited by Ana Ruiz" in html
    assert "1 revision" in html
    assert f"/notes/{note.id}/history" in html
    assert f"/notes/{note.id}/edit" in html


def test_a_note_of_an_open_session_starts_civil_society_only(client, login_as):
    login_as("member")
    act = ActFactory()
    table = MeetingSessionFactory(kind="small_table", audience="open", acts=[act])
    form = html_of(client.get(f"/sessions/{table.id}/notes/new"))
    assert "Share with governments" not in form  # members do not publish
    response = client.post(
        f"/sessions/{table.id}/notes/new",
        data={"act_id": act.id, "title": "At the table", "body": "Mexico listened.", "share": "y"},
    )
    assert response.status_code == 302
    assert db.session.scalars(select(Note)).one().visibility == "civil_society"


def test_a_coordinator_shares_a_note_as_it_is_saved_and_governments_keep_that_version(
    client, login_as
):
    login_as("coordinator")
    act = ActFactory()
    table = MeetingSessionFactory(kind="small_table", audience="open", acts=[act])
    assert "Share with governments" in html_of(client.get(f"/sessions/{table.id}/notes/new"))
    client.post(
        f"/sessions/{table.id}/notes/new",
        data={"act_id": act.id, "title": "At the table", "body": "Shared words.", "share": "y"},
    )
    note = db.session.scalars(select(Note)).one()
    assert note.visibility == "shared"
    login_as("member")
    client.post(
        f"/notes/{note.id}/edit",
        data={"title": "At the table", "body": "Words added later.", "version": note.version},
    )
    member_page = html_of(client.get(f"/notes/{note.id}"))
    assert "Words added later." in member_page
    assert "governments still read the published version" in member_page
    login_as("observer")
    observer_page = html_of(client.get(f"/notes/{note.id}"))
    assert "Shared words." in observer_page
    assert "Words added later." not in observer_page
    assert client.get(f"/notes/{note.id}/history").status_code == 403


@pytest.mark.parametrize(
    ("title", "message"),
    [("", "This field is required."), ("x" * 201, "Field cannot be longer than 200 characters.")],
)
def test_a_new_note_with_a_bad_title_is_refused_and_nothing_is_saved(
    client, login_as, title, message
):
    login_as("member")
    act = ActFactory()
    item = MeetingSessionFactory(acts=[act])
    response = client.post(
        f"/sessions/{item.id}/notes/new",
        data={"act_id": act.id, "title": title, "body": "Keep this text."},
    )
    assert response.status_code == 422
    html = html_of(response)
    assert re.search(
        r'id="title"[^>]*>\s*<div class="invalid-feedback[^"]*">\s*' + re.escape(message), html
    )
    assert "Keep this text." in html  # what was typed is still in the form
    assert db.session.scalar(select(func.count(Note.id))) == 0
    assert db.session.scalar(select(func.count(NoteRevision.id))) == 0


def test_a_new_note_must_be_on_one_of_the_sessions_acts(client, login_as):
    login_as("member")
    item = MeetingSessionFactory(acts=[ActFactory()])
    other = ActFactory()
    response = client.post(
        f"/sessions/{item.id}/notes/new", data={"act_id": other.id, "title": "T", "body": "B"}
    )
    assert response.status_code == 422
    assert db.session.scalar(select(func.count(Note.id))) == 0


# Editing and revisions


def test_each_save_is_a_new_revision(client, login_as):
    editor = login_as("rapporteur")
    note = note_with_revisions(1, body="First text.")
    response = client.post(
        f"/notes/{note.id}/edit",
        data={"version": note.version, "title": note.title, "body": "Second text."},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert (note.body, note.revision_count, note.updated_by_id) == ("Second text.", 2, editor.id)
    assert [(r.number, r.body, r.author_id) for r in revisions_of(note)][-1] == (
        2,
        "Second text.",
        editor.id,
    )
    assert "revision 2" in html_of(client.get(f"/notes/{note.id}"))


def test_the_edit_form_carries_the_version_and_clear_labels(client, login_as):
    login_as("member")
    note = note_with_revisions(1)
    html = html_of(client.get(f"/notes/{note.id}/edit"))
    assert re.search(rf'name="version" type="hidden" value="{note.version}"', html)
    assert '<label class="form-label" for="title">Title</label>' in html
    assert '<label class="form-label" for="body">Note</label>' in html
    assert 'value="Save note"' in html


def test_saving_unchanged_text_makes_no_revision(client, login_as):
    login_as("member")
    note = note_with_revisions(1, body="Same text.")
    response = client.post(
        f"/notes/{note.id}/edit",
        data={"version": note.version, "title": note.title, "body": "Same text."},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "Nothing changed" in html_of(response)
    assert len(revisions_of(note)) == 1


def test_saving_crlf_text_from_a_browser_stores_it_unchanged(client, login_as):
    login_as("member")
    note = note_with_revisions(1, body="Line one\nLine two")
    client.post(
        f"/notes/{note.id}/edit",
        data={"version": note.version, "title": note.title, "body": "Line one\r\nLine two"},
    )
    assert len(revisions_of(note)) == 1


@pytest.mark.parametrize("title", ["", "   ", "x" * 201])
def test_an_edit_with_a_bad_title_is_refused_and_nothing_is_saved(client, login_as, title):
    login_as("member")
    note = note_with_revisions(1, title="Good title", body="Old text.")
    response = client.post(
        f"/notes/{note.id}/edit",
        data={"version": note.version, "title": title, "body": "New text I typed."},
    )
    assert response.status_code == 422
    html = html_of(response)
    assert re.search(r'id="title"[^>]*>\s*<div class="invalid-feedback', html)
    assert "New text I typed." in html
    db.session.expire_all()
    assert (note.title, note.body) == ("Good title", "Old text.")
    assert len(revisions_of(note)) == 1


# History, comparison, old revisions, restore


def test_history_lists_revisions_and_shows_the_word_diff(client, login_as):
    login_as("member")
    note = NoteFactory(title="Notes")
    author = UserFactory(name="Kofi Mensah")
    NoteRevisionFactory(
        note=note, number=1, body="The group agreed on firewalls today", author=author
    )
    NoteRevisionFactory(
        note=note, number=2, body="The group strongly agreed on firewalls", author=author
    )
    note.revision_count = 2
    history = client.get(f"/notes/{note.id}/history")
    html = html_of(history)
    assert history.status_code == 200
    assert "Revision 1" in html
    assert "Revision 2" in html
    assert "Kofi Mensah" in html
    assert "+3" in html  # "strongly " (9 characters) added, " today" (6) deleted

    compared = html_of(client.get(f"/notes/{note.id}/history?from=1&to=2"))
    assert "Changes from revision 1 to revision 2" in compared
    assert "The group<ins> strongly</ins> agreed" in compared
    assert "firewalls<del> today</del>" in compared
    assert "1 word inserted" in compared
    assert "1 word deleted" in compared


def test_comparing_a_revision_that_does_not_exist_is_404(client, login_as):
    login_as("member")
    note = note_with_revisions(2)
    assert client.get(f"/notes/{note.id}/history?from=1&to=9").status_code == 404
    assert client.get(f"/notes/{note.id}/revisions/9").status_code == 404


def test_the_diff_is_escaped(client, login_as):
    login_as("member")
    note = NoteFactory()
    NoteRevisionFactory(note=note, number=1, body="plain")
    NoteRevisionFactory(note=note, number=2, body="plain <script>alert(1)</script>")
    note.revision_count = 2
    html = html_of(client.get(f"/notes/{note.id}/history?from=1&to=2"))
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_old_revision_is_shown_rendered_and_can_be_restored(client, login_as):
    editor = login_as("member")
    note = NoteFactory(title="Notes", body="Now *changed*.")
    NoteRevisionFactory(note=note, number=1, title="Notes", body="The *first* words.")
    NoteRevisionFactory(note=note, number=2, title="Notes", body="Now *changed*.")
    note.revision_count = 2

    page = client.get(f"/notes/{note.id}/revisions/1")
    html = html_of(page)
    assert page.status_code == 200
    assert "<em>first</em>" in html
    assert "Restore this version" in html

    response = client.post(f"/notes/{note.id}/revisions/1/restore", data={"version": note.version})
    assert response.status_code == 302
    revisions = revisions_of(note)
    assert [(r.number, r.body, r.restored_from) for r in revisions] == [
        (1, "The *first* words.", None),
        (2, "Now *changed*.", None),
        (3, "The *first* words.", 1),
    ]
    assert revisions[-1].author_id == editor.id
    db.session.expire_all()
    assert (note.body, note.revision_count) == ("The *first* words.", 3)
    assert "restored from revision 1" in html_of(client.get(f"/notes/{note.id}/history"))


def test_the_current_revision_offers_no_restore(client, login_as):
    login_as("member")
    note = note_with_revisions(2)
    html = html_of(client.get(f"/notes/{note.id}/revisions/2"))
    assert "This is the current version" in html
    assert "Restore this version" not in html


def test_a_restore_from_a_stale_page_is_a_conflict(client, login_as):
    login_as("member")
    note = note_with_revisions(2)
    stale_version = note.version
    client.post(
        f"/notes/{note.id}/edit",
        data={"version": stale_version, "title": note.title, "body": "Someone's newer text."},
    )
    response = client.post(f"/notes/{note.id}/revisions/1/restore", data={"version": stale_version})
    assert response.status_code == 409
    html = html_of(response)
    assert "Someone else saved this while you were editing" in html
    assert "Someone&#39;s newer text." in html
    assert "Revision 1: " in html
    db.session.expire_all()
    assert (note.body, note.revision_count) == ("Someone's newer text.", 3)


# Safety of the rendered Markdown


def test_a_hostile_note_renders_inert(client, login_as):
    login_as("member")
    body = (
        "<script>alert(1)</script>\n\n"
        "[x](javascript:alert(1))\n\n"
        "<img src=x onerror=alert(1)>\n\n"
        '<a href="javascript:alert(2)" onclick="alert(3)">y</a>'
    )
    note = NoteFactory(body=body)
    NoteRevisionFactory(note=note, number=1, body=body)
    note.revision_count = 1
    for url in (f"/notes/{note.id}", f"/notes/{note.id}/revisions/1"):
        page = html_of(client.get(url))
        article = page[page.index("<article") : page.index("</article>")]
        elements = ElementsOf(article)
        assert "script" not in elements.tags
        assert "img" not in elements.tags
        assert not any(name.startswith("on") for name, _ in elements.attributes)
        assert not any(
            name == "href" and value.strip().lower().startswith("javascript:")
            for name, value in elements.attributes
        )
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article  # shown as text


class ElementsOf(HTMLParser):
    """The tags and attributes a browser would build from some HTML."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)


# Conflicts: nothing lost


def test_two_stale_forms_the_second_save_gets_the_conflict_page(client, login_as):
    login_as("member", name="Second Editor")
    first_editor = UserFactory(name="First Editor")
    note = note_with_revisions(1, title="Shared notes", body="Original text.")
    loaded_version = note.version  # both people opened the edit form at this version

    # First person saves.
    login_as(first_editor)
    first = client.post(
        f"/notes/{note.id}/edit",
        data={"version": loaded_version, "title": "Shared notes", "body": "First person's text."},
    )
    assert first.status_code == 302

    # Second person saves from the same, now stale, form.
    login_as(UserFactory(name="Second Editor"))
    second = client.post(
        f"/notes/{note.id}/edit",
        data={"version": loaded_version, "title": "Shared notes", "body": "Second person's text."},
    )
    assert second.status_code == 409
    html = html_of(second)
    assert "Someone else saved this while you were editing" in html
    assert "saved by First Editor" in html
    assert "First person&#39;s text." in html  # the newer saved text
    assert html.count("Second person&#39;s text.") == 2  # beside it, and back in the form

    db.session.expire_all()
    assert note.body == "First person's text."
    assert [r.body for r in revisions_of(note)] == ["Original text.", "First person's text."]

    # The form is at the current version: saving the merged text now goes through.
    current = re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1)
    assert int(current) == note.version
    merged = client.post(
        f"/notes/{note.id}/edit",
        data={"version": current, "title": "Shared notes", "body": "Both texts, merged."},
    )
    assert merged.status_code == 302
    assert [r.body for r in revisions_of(note)][-1] == "Both texts, merged."


def test_a_form_without_its_version_never_overwrites(client, login_as):
    login_as("member")
    note = note_with_revisions(1, body="Kept.")
    response = client.post(f"/notes/{note.id}/edit", data={"title": note.title, "body": "Other."})
    assert response.status_code == 409
    db.session.expire_all()
    assert note.body == "Kept."


def test_a_race_lost_at_commit_is_a_conflict(db):
    note = note_with_revisions(1, body="Before.")
    author = UserFactory()
    db.session.commit()
    version = note.version
    # Another worker saves between this save's version check and its commit.
    db.session.connection().execute(
        text("UPDATE note SET version = version + 1, body = 'Theirs.' WHERE id = :id"),
        {"id": note.id},
    )
    with pytest.raises(EditConflictError):
        services.save_note(note, note.title, "Mine.", version, author)
    db.session.expire_all()
    assert len(revisions_of(note)) == 1
    assert note.revision_count == 1


# Observers


def test_observers_never_see_a_civil_society_note(client, login_as):
    login_as("observer")
    note = note_with_revisions(2, visibility="civil_society")
    for url in (
        f"/notes/{note.id}",
        f"/notes/{note.id}/history",
        f"/notes/{note.id}/history?from=1&to=2",
        f"/notes/{note.id}/revisions/1",
        f"/notes/{note.id}/edit",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert note.title not in html_of(response)


def test_observers_read_shared_notes_but_never_edit_them(client, login_as):
    login_as("observer")
    table = MeetingSessionFactory(kind="small_table", audience="open")
    note = note_with_revisions(2, session=table, visibility="shared")
    page = client.get(f"/notes/{note.id}")
    assert page.status_code == 200
    assert "Edit note" not in html_of(page)
    assert "Restore this version" not in html_of(client.get(f"/notes/{note.id}/revisions/1"))
    assert client.get(f"/notes/{note.id}/edit").status_code == 403
    data = {"version": note.version, "title": "T", "body": "B"}
    assert client.post(f"/notes/{note.id}/edit", data=data).status_code == 403
    restore = client.post(f"/notes/{note.id}/revisions/1/restore", data={"version": note.version})
    assert restore.status_code == 403
    assert client.get(f"/sessions/{table.id}/notes/new").status_code == 403
    assert len(revisions_of(note)) == 2


# A fixed number of queries


@pytest.mark.parametrize(
    "url",
    [
        "/notes/{id}",
        "/notes/{id}/edit",
        "/notes/{id}/history",
        "/notes/{id}/history?from=1&to=2",
        "/notes/{id}/revisions/1",
    ],
)
def test_note_pages_run_the_same_queries_whatever_the_history(client, login_as, count_queries, url):
    login_as("member")
    small = note_with_revisions(2).id
    large = note_with_revisions(30).id
    with count_queries() as few:
        assert client.get(url.format(id=small)).status_code == 200
    with count_queries() as many:
        assert client.get(url.format(id=large)).status_code == 200
    assert few.count == many.count


# The sections of the session page and the ACT page


def _as_reader(app, user):
    context = app.test_request_context()
    context.push()
    g._login_user = user
    return context


def test_session_and_act_sections_list_what_the_reader_may_see(app, db):
    act = ActFactory(number=7, title="Decent work")
    group = MeetingSessionFactory(acts=[act], audience="civil_society")
    table = MeetingSessionFactory(acts=[act], kind="small_table", audience="open")
    NoteFactory(session=group, act=act, title="Closed-room note", visibility="civil_society")
    NoteFactory(session=table, act=act, title="Table note", visibility="shared")
    NoteFactory(session=group, act=None, title="General note", visibility="civil_society")
    NoteFactory(title="Another ACT's note")
    member, observer = UserFactory(role="member"), UserFactory(role="observer")
    db.session.commit()

    context = _as_reader(app, member)
    try:
        titles = [n.title for n in services.for_act(act).notes]
        assert titles == ["General note", "Table note", "Closed-room note"]  # latest first
        assert [n.title for n in services.for_session(group).notes] == [
            "Closed-room note",
            "General note",
        ]
        html = render_template("notes/_act_section.html", act_notes=services.for_act(act))
        assert html.lstrip().startswith('<h2 class="h5"')
        assert f"/sessions/{group.id}/notes/new?act={act.id}" in html
        html = render_template(
            "notes/_session_section.html", session_notes=services.for_session(group)
        )
        assert "Closed-room note" in html
        assert "New note" in html
    finally:
        context.pop()

    context = _as_reader(app, observer)
    try:
        assert [n.title for n in services.for_act(act).notes] == ["Table note"]
        assert services.for_session(group).notes == []
        html = render_template("notes/_act_section.html", act_notes=services.for_act(act))
        assert "Table note" in html
        assert "Closed-room" not in html
        assert "New note" not in html
    finally:
        context.pop()


def test_sections_run_the_same_queries_whatever_the_number_of_notes(app, db, count_queries):
    act = ActFactory()
    group = MeetingSessionFactory(acts=[act])
    NoteFactory(session=group, act=act, updated_by=UserFactory())
    member = UserFactory(role="member")
    db.session.commit()

    act_id, group_id, member_id = act.id, group.id, member.id

    def run() -> int:
        db.session.expunge_all()
        context = _as_reader(app, db.session.get(User, member_id))
        try:
            act, group = db.session.get(Act, act_id), db.session.get(MeetingSession, group_id)
            with count_queries() as counter:
                render_template("notes/_act_section.html", act_notes=services.for_act(act))
                render_template(
                    "notes/_session_section.html", session_notes=services.for_session(group)
                )
            return counter.count
        finally:
            context.pop()

    few = run()
    for _ in range(12):
        NoteFactory(session=group, act=act, updated_by=UserFactory())
    db.session.commit()
    assert run() == few
