"""Exports (the ZIP with its field guide, the matrix as CSV and XLSX, a draft as Markdown)
and the public scorecard."""

import csv
import io
import json
import zipfile

from openpyxl import load_workbook
from sqlalchemy import select

from tests import factories
from tracker.api.auth import create_token
from tracker.api.exports import RECORD_TYPES
from tracker.core.extensions import db
from tracker.records.activity import Activity


def _world():
    act = factories.ActFactory(number=3, title="Protection")
    draft = factories.DraftFactory(name="Zero draft")
    paragraph = factories.DraftParagraphFactory(draft=draft, ref="21(c)", text="=SUM(A1) ends")
    hidden = factories.KeyMessageFactory(report__act=act, text="Unshared: end child detention")
    shared = factories.KeyMessageFactory(report__act=act, text="Firewalls between services")
    factories.publish(shared)
    for message, level in ((hidden, "weak"), (shared, "partial")):
        factories.ReflectionFactory(
            key_message=message, draft=draft, level=level, excerpt="ensure access to services"
        )
    db.session.commit()
    return act, draft, paragraph, hidden, shared


def _zip(client) -> zipfile.ZipFile:
    response = client.get("/exports/workspace.zip")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.data))


def test_the_zip_has_a_csv_a_json_and_a_guide_for_every_record_type(client, login_as):
    _world()
    login_as("member")
    archive = _zip(client)
    names = set(archive.namelist())
    for record_type in RECORD_TYPES:
        assert {f"{record_type.name}.csv", f"{record_type.name}.json"} <= names
    guide = archive.read("README.md").decode()
    for record_type in RECORD_TYPES:
        for field, definition in record_type.schema.fields.items():
            assert f"| {field} |" in guide, (record_type.name, field)
            assert definition.metadata.get("description"), (record_type.name, field)
    assert (
        "| status | string | Where it stands. | open, in_progress, blocked, done, dropped |"
        in guide
    )


def test_the_zip_the_csv_and_the_api_hold_the_same_records(client, login_as):
    _world()
    user = login_as("member")
    _t, secret = create_token(user, "compare")
    archive = _zip(client)
    api = client.get(
        "/api/v1/key-messages?limit=200", headers={"Authorization": f"Bearer {secret}"}
    ).json["items"]
    exported = json.loads(archive.read("key_messages.json"))
    assert exported == api
    rows = list(csv.DictReader(io.StringIO(archive.read("key_messages.csv").decode("utf-8-sig"))))
    assert [int(row["id"]) for row in rows] == [item["id"] for item in api]
    assert [row["text"] for row in rows] == [item["text"] for item in api]


def test_an_observers_export_holds_only_what_was_published(client, login_as):
    _act, _draft, _paragraph, hidden, shared = _world()
    login_as("observer")
    archive = _zip(client)
    everything = b" ".join(archive.read(name) for name in archive.namelist()).decode()
    assert shared.text in everything
    assert hidden.text not in everything
    assert "governments may read" in archive.read("README.md").decode()


def test_the_matrix_downloads_as_csv_and_xlsx(client, login_as):
    _act, _draft, _paragraph, hidden, shared = _world()
    login_as("coordinator")
    response = client.get("/exports/matrix.csv?act=3")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0] == ["ACT", "Key message", "Zero draft"]
    assert sorted(rows[1:]) == sorted([["3", hidden.text, "weak"], ["3", shared.text, "partial"]])
    workbook = load_workbook(io.BytesIO(client.get("/exports/matrix.xlsx").data))
    sheet = workbook.active
    assert [cell.value for cell in sheet[1]] == ["ACT", "Key message", "Zero draft"]
    assert sheet.max_row == 3


def test_a_draft_downloads_as_markdown(client, login_as):
    _act, draft, _paragraph, _hidden, _shared = _world()
    login_as("observer")
    response = client.get(f"/exports/drafts/{draft.id}.md")
    assert response.mimetype == "text/markdown"
    text = response.get_data(as_text=True)
    assert text.startswith("# Zero draft")
    assert "**21(c)** =SUM(A1) ends" in text


def test_the_scorecard_is_off_until_a_coordinator_publishes_it(client, login_as):
    _act, _draft, _paragraph, hidden, shared = _world()
    assert client.get("/scorecard").status_code == 404
    login_as("coordinator")
    assert client.post("/scorecard/settings", data={"public": "on"}).status_code == 302
    anonymous = client.application.test_client()
    page = anonymous.get("/scorecard")
    assert page.status_code == 200
    assert "Set-Cookie" not in page.headers
    assert "public" in page.headers["Cache-Control"]
    text = page.get_data(as_text=True)
    assert shared.text in text
    assert "ensure access to services" in text  # the quoted excerpt
    assert hidden.text not in text
    assert (
        anonymous.get("/scorecard", headers={"If-None-Match": page.headers["ETag"]}).status_code
        == 304
    )
    assert client.post("/scorecard/settings", data={"public": "off"}).status_code == 302
    assert anonymous.get("/scorecard").status_code == 404
    logged = db.session.scalars(select(Activity.verb).where(Activity.record_type == "scorecard"))
    assert [str(verb) for verb in logged] == ["published", "withdrawn"]
