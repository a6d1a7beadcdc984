"""A session's page: what the agenda says of it, and what each feature offers there."""

import re

from sqlalchemy import select

from tests import factories
from tests.factories import ActFactory, MeetingSessionFactory, ReportFactory, SpeakerFactory
from tracker.core.extensions import db
from tracker.data.demo.agenda import GROUP_PURPOSE
from tracker.records.agenda import MeetingSession


def test_session_page_shows_speakers_with_tbc_mark(client, login_as):
    login_as("observer")
    speaker = SpeakerFactory(name="Mamadou Goita", tbc=True)
    page = client.get(f"/sessions/{speaker.session_id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Mamadou Goita" in html
    assert "tbc" in html


def test_session_page_shows_purpose_venue_and_acts(client, login_as, demo):
    login_as("observer")
    item = db.session.scalar(select(MeetingSession).where(MeetingSession.key == "d1-group-act-01"))
    html = client.get(f"/sessions/{item.id}").get_data(as_text=True)
    assert "Group session: ACT 1" in html
    assert "Holiday Inn Express, Puerto Vallarta" in html
    assert GROUP_PURPOSE in html
    assert 'href="/acts/1"' in html
    assert "Civil society only" in html


def test_a_missing_session_is_404(client, login_as):
    login_as("member")
    assert client.get("/sessions/999999").status_code == 404


def test_the_session_page_offers_coordinators_the_acts_still_without_a_report(client, login_as):
    covered, open_act = ActFactory(title="Covered"), ActFactory(title="Open")
    session = MeetingSessionFactory(kind="group_session", acts=[covered, open_act])
    ReportFactory(act=covered, session=session)
    login_as("coordinator")
    page = client.get(f"/sessions/{session.id}").get_data(as_text=True)
    choices = re.findall(r'<option value="(\d+)"', page.split('name="assign-act_id"')[1])
    assert [int(choice) for choice in choices[:1]] == [open_act.id]
    assert (
        f'value="{covered.id}"' not in page.split('name="assign-act_id"')[1].split("</select>")[0]
    )
    login_as("member")
    assert 'name="assign-act_id"' not in client.get(f"/sessions/{session.id}").get_data(
        as_text=True
    )


def test_the_session_page_offers_to_record_only_to_coordinators(client, login_as):
    act = factories.ActFactory()
    session = factories.MeetingSessionFactory(kind="small_table", audience="open", acts=[act])
    login_as("member")
    assert "Record the outcome" not in client.get(f"/sessions/{session.id}").get_data(as_text=True)
    login_as("coordinator")
    html = client.get(f"/sessions/{session.id}").get_data(as_text=True)
    assert f"/sessions/{session.id}/outcome/new?act={act.id}" in html
