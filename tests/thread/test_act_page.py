"""The ACT page shows how each key message is reflected in each draft."""

from datetime import date

from tests import factories


def test_act_page_shows_levels_per_draft_and_hides_civil_society_messages(
    app, client, login_as, monkeypatch
):
    monkeypatch.setitem(app.config, "TRACKER_TODAY", "2018-07-13")  # the final text is out
    act = factories.ActFactory(number=7)
    report = factories.ReportFactory(act=act, visibility="shared", status="accepted")
    shared = factories.KeyMessageFactory(
        report=report, act=act, visibility="shared", text="End child detention now"
    )
    hidden = factories.KeyMessageFactory(
        report=report, act=act, visibility="civil_society", text="An ask kept inside"
    )
    zero = factories.DraftFactory(name="Zero draft", released_on=date(2018, 2, 5))
    final = factories.DraftFactory(name="Final text", released_on=date(2018, 7, 13))
    factories.ReflectionFactory(key_message=shared, draft=zero, level="weak")
    factories.ReflectionFactory(key_message=shared, draft=final, level="strong")
    factories.ReflectionFactory(key_message=hidden, draft=final, level="absent")

    login_as("member")
    html = client.get("/acts/7").get_data(as_text=True)
    assert "Reflection in the drafts" in html
    assert (
        "1 of 2 key messages reflected (partial or strong) in the latest draft, Final text" in html
    )
    grid = html[html.index("reflection-grid") :]
    assert grid.index("Zero draft") < grid.index("Final text")
    assert "level-weak" in html
    assert "level-strong" in html
    assert "level-absent" in html
    assert "An ask kept inside" in html

    login_as("observer")
    html = client.get("/acts/7").get_data(as_text=True)
    assert "End child detention now" in html
    assert "level-strong" in html
    assert "1 of 1 key messages reflected" in html
    assert "An ask kept inside" not in html
    assert "level-absent" not in html


def test_act_page_reflections_keep_the_query_count(client, login_as, count_queries):
    login_as("member")
    act = factories.ActFactory(number=8)
    report = factories.ReportFactory(act=act)
    message = factories.KeyMessageFactory(report=report, act=act)
    factories.ReflectionFactory(key_message=message)
    with count_queries() as small:
        assert client.get("/acts/8").status_code == 200
    for _ in range(4):
        draft = factories.DraftFactory()
        for _ in range(3):
            other = factories.KeyMessageFactory(report=report, act=act)
            factories.ReflectionFactory(key_message=other, draft=draft)
    with count_queries() as large:
        assert client.get("/acts/8").status_code == 200
    assert small.count == large.count
