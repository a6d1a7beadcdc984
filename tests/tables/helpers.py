"""Building small tables for the tests, and what their outcome form posts."""

from tests import factories


def small_table_with_messages(messages=2, governments=2, **outcome_fields):
    act = factories.ActFactory()
    session = factories.MeetingSessionFactory(kind="small_table", audience="open", acts=[act])
    report = factories.ReportFactory(act=act, visibility="shared", status="accepted")
    keys = [
        factories.KeyMessageFactory(report=report, act=act, rank=n + 1, visibility="shared")
        for n in range(messages)
    ]
    states = [factories.GovernmentFactory() for _ in range(governments)]
    outcome = factories.TableOutcomeFactory(
        act=act, session=session, governments=states, **outcome_fields
    )
    return outcome, states, keys


def outcome_form(outcome, **changes) -> dict:
    data = {
        "governments": [str(g.id) for g in outcome.governments],
        "agencies": [],
        "civil_society_participants": outcome.civil_society_participants,
        "summary": outcome.summary,
        "commitments": outcome.commitments,
        "follow_ups": outcome.follow_ups,
        "version": str(outcome.version),
    }
    data.update(changes)
    return data
