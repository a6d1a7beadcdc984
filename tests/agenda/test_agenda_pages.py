from tests.factories import MeetingSessionFactory, SpeakerFactory


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


def test_session_page_shows_speakers_with_tbc_mark(client, login_as):
    login_as("observer")
    speaker = SpeakerFactory(name="Mamadou Goita", tbc=True)
    page = client.get(f"/sessions/{speaker.session_id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Mamadou Goita" in html
    assert "tbc" in html


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
