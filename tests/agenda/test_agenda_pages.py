import re
from datetime import date

from tests.factories import MeetingFactory, MeetingSessionFactory, SpeakerFactory
from tracker.agenda.services import ONE_PAGE_ITEMS


def test_agenda_lists_both_days_with_audience_badges(client, login_as, demo):
    login_as("member")
    page = client.get("/agenda")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Saturday, December 2, 2017" in html
    assert "Sunday, December 3, 2017" in html
    assert html.count("Small table with governments: ACT") == 10
    assert "Open to governments and UN agencies" in html
    assert "Interpretation: EN – FR – ES" in html


def test_agenda_page_runs_the_same_queries_whatever_its_size(client, login_as, count_queries):
    login_as("member")
    first = MeetingSessionFactory()
    SpeakerFactory(session=first)
    with count_queries() as small:
        assert client.get("/agenda").status_code == 200
    for _ in range(15):
        item = MeetingSessionFactory(meeting=first.meeting)
        SpeakerFactory.create_batch(3, session=item)
    with count_queries() as large:
        assert client.get("/agenda").status_code == 200
    assert small.count == large.count


def agenda_days(html: str) -> list[str]:
    return re.findall(r'<h2 class="h4 mt-4" id="day-\d">([^<]+)</h2>', html)


def test_every_role_sees_the_two_days_in_order(client, login_as, demo):
    for role in ("observer", "coordinator"):
        login_as(role)
        html = client.get("/agenda").get_data(as_text=True)
        assert agenda_days(html) == [
            "Day 1 · Saturday, December 2, 2017",
            "Day 2 · Sunday, December 3, 2017",
        ]
        day_1, day_2 = html.split('id="day-2"')
        assert day_1.count("Group session: ACT") == 10
        assert "Small table with governments" not in day_1
        assert day_2.count("Small table with governments: ACT") == 10
        times = re.findall(r'<span class="agenda-time">(\d\d:\d\d)', day_1)
        assert times == sorted(times)
        assert times[0] == "07:30"


def test_agenda_shows_speakers_with_organisation_and_tbc(client, login_as, demo):
    login_as("member")
    html = client.get("/agenda").get_data(as_text=True)
    assert "Louise Arbour" in html
    goita = re.search(r'<span class="speaker">Mamadou Goita.*?</span></span>', html, re.DOTALL)
    assert goita is not None
    assert "Institut de Recherche et de Promotion" in goita.group(0)
    assert "tbc" in goita.group(0)


def test_meeting_page_by_its_address(client, login_as, demo):
    login_as("member")
    assert client.get("/meetings/puerto-vallarta-2017").status_code == 200
    assert client.get("/meetings/no-such-meeting").status_code == 404


def test_an_empty_agenda_is_404(client, login_as):
    login_as("member")
    response = client.get("/agenda")
    assert response.status_code == 404
    assert "There is nothing at this address" in response.get_data(as_text=True)


def test_agenda_links_sessions_to_their_records_as_the_reader_may_see_them(client, login_as):
    from tests.factories import NoteFactory, ReportFactory, TableOutcomeFactory

    group = MeetingSessionFactory(kind="group_session")
    table = MeetingSessionFactory(meeting=group.meeting, kind="small_table", audience="open")
    report = ReportFactory(session=group, visibility="civil_society")
    outcome = TableOutcomeFactory(session=table, visibility="shared")
    NoteFactory(session=group)
    NoteFactory(session=group)
    login_as("member")
    html = client.get("/agenda").get_data(as_text=True)
    assert f'href="/reports/{report.id}"' in html
    assert f'href="/outcomes/{outcome.id}"' in html
    assert "2 notes" in html
    login_as("observer")
    html = client.get("/agenda").get_data(as_text=True)
    assert f'href="/reports/{report.id}"' not in html
    assert "2 notes" not in html
    assert f'href="/outcomes/{outcome.id}"' in html


def test_agenda_record_links_keep_the_query_count(client, login_as, count_queries):
    from tests.factories import ReportFactory

    login_as("member")
    group = MeetingSessionFactory(kind="group_session")
    meeting_id = group.meeting_id
    ReportFactory(session=group)
    with count_queries() as small:
        assert client.get("/agenda").status_code == 200
    for _ in range(6):
        ReportFactory(session=MeetingSessionFactory(meeting_id=meeting_id))
    with count_queries() as large:
        assert client.get("/agenda").status_code == 200
    assert small.count == large.count


def test_a_long_meeting_is_shown_a_day_at_a_time_with_a_tab_per_day(client, login_as):
    meeting = MeetingFactory(slug="long-meeting")
    first, second = date(2018, 5, 14), date(2018, 5, 15)
    for n in range(ONE_PAGE_ITEMS // 2 + 1):
        MeetingSessionFactory(meeting=meeting, day=first, title=f"Monday item {n}")
        MeetingSessionFactory(meeting=meeting, day=second, title=f"Tuesday item {n}")
    login_as("member")
    html = client.get("/meetings/long-meeting").get_data(as_text=True)
    assert "Monday item 0" in html
    assert "Tuesday item 0" not in html
    assert 'href="/meetings/long-meeting?day=2"' in html
    html = client.get("/meetings/long-meeting?day=2").get_data(as_text=True)
    assert "Tuesday item 0" in html
    assert "Monday item 0" not in html
    assert client.get("/meetings/long-meeting?day=3").status_code == 404
