"""The policy names what observers read of every record, and the database holds it to that."""

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from tests import factories
from tracker.core.extensions import db
from tracker.records import policy
from tracker.records.accounts import User
from tracker.records.base import ObserverRowsMixin, PublishableMixin
from tracker.records.reports import KeyMessage

GROUPS = {
    "reference": policy.REFERENCE_RECORDS,
    "account": policy.ACCOUNT_RECORDS,
    "never read": policy.NEVER_READ,
    "read in part": frozenset(policy.OBSERVERS_READ),
}


def mapped_classes() -> dict[str, type]:
    return {mapper.class_.__name__: mapper.class_ for mapper in db.Model.registry.mappers}


def test_every_record_type_is_declared_exactly_once():
    names = set(mapped_classes())
    declared = [name for group in GROUPS.values() for name in group]
    assert sorted(names - set(declared)) == [], "declare these in tracker/policy.py"
    assert sorted(set(declared) - names) == [], "these declared record types do not exist"
    assert len(declared) == len(set(declared)), "a record type is declared twice"


@pytest.mark.parametrize("name", sorted(policy.OBSERVERS_READ))
def test_declared_fields_exist(name):
    mapper = inspect(mapped_classes()[name])
    declared = policy.OBSERVERS_READ[name]
    assert declared.readable <= set(mapper.attrs.keys())
    assert not declared.live & declared.published


def test_what_observers_may_not_read_whole_has_a_row_rule():
    classes = mapped_classes()
    for name in policy.NEVER_READ | set(policy.OBSERVERS_READ):
        assert issubclass(classes[name], ObserverRowsMixin), name
    for name in policy.REFERENCE_RECORDS | policy.ACCOUNT_RECORDS:
        assert not issubclass(classes[name], ObserverRowsMixin), name


def test_a_record_type_without_a_rule_of_its_own_is_read_by_no_observer():
    classes = mapped_classes()
    for name in policy.NEVER_READ:
        assert str(classes[name].shared_clause()) == "false", name


def test_a_record_cannot_be_shared_without_a_published_snapshot():
    message = factories.KeyMessageFactory()
    db.session.flush()
    message.visibility = "shared"
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_publishable_records_are_those_observers_read_from_a_snapshot():
    for name, read in policy.OBSERVERS_READ.items():
        publishable = issubclass(mapped_classes()[name], PublishableMixin)
        assert publishable == bool(read.published), name


def test_an_observers_copy_of_a_record_cannot_be_saved(app):
    from flask import g

    from tracker.records.reader import ObserverViewChangedError

    factories.KeyMessageFactory(visibility="shared", text="Published words")
    observer_id = factories.UserFactory(role="observer").id
    db.session.commit()
    with app.test_request_context("/"):
        db.session.expunge_all()
        g._login_user = db.session.get(User, observer_id)
        loaded = db.session.scalars(select(KeyMessage)).one()
        loaded.rank = 7
        with pytest.raises(ObserverViewChangedError):
            db.session.flush()
        db.session.rollback()


def test_a_query_for_an_observer_cannot_select_a_working_copy_column(app):
    from flask import g

    from tracker.records.reader import HiddenColumnReadError
    from tracker.records.reports import Report

    factories.ReportFactory(status="accepted", visibility="shared")
    observer_id = factories.UserFactory(role="observer").id
    db.session.commit()
    with app.test_request_context("/"):
        g._login_user = db.session.get(User, observer_id)
        with pytest.raises(HiddenColumnReadError, match=r"Report\.status"):
            db.session.execute(select(Report.act_id, Report.status)).all()
        with pytest.raises(HiddenColumnReadError, match=r"Report\.published"):
            db.session.execute(select(Report.published)).all()
        assert db.session.execute(select(Report.act_id)).all()


def test_the_dashboard_shows_observers_the_published_status_of_a_reopened_report(client, login_as):
    report = factories.ReportFactory(status="accepted", visibility="shared")
    report.status = "draft"  # reopened since it was published
    login_as("member")
    assert "Draft" in _card(client, report.act.number)
    login_as("observer")
    card = _card(client, report.act.number)
    assert "Accepted" in card
    assert "Draft" not in card


def _card(client, number: int) -> str:
    html = client.get("/dashboard").get_data(as_text=True)
    start = html.index(f'href="/acts/{number}"')
    return html[start : start + 1500]
