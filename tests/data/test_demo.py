"""The demo workspace: the TEN ACTS, the Puerto Vallarta agenda, milestones and accounts."""

from datetime import date, time

import pytest
from sqlalchemy import func, select

from tracker.auth.passwords import verify_password
from tracker.core.extensions import db
from tracker.data.demo import load_demo
from tracker.records.accounts import Organization, User
from tracker.records.acts import Act
from tracker.records.agenda import Meeting, MeetingSession, Milestone, Speaker

DAY_1 = date(2017, 12, 2)
DAY_2 = date(2017, 12, 3)
DEMO_PASSWORD = "tenacts-demo-2017"
DEMO_ACCOUNTS = {
    "admin@example.org": "admin",
    "coordinator@example.org": "coordinator",
    "rapporteur@example.org": "rapporteur",
    "member@example.org": "member",
    "observer@example.org": "observer",
}
TEN_ACTS = [
    "Drivers of human mobility",
    "Safe pathways for human mobility",
    "Protection",
    "Decent work and labour rights",
    "Decent living conditions and access to justice",
    "Education and skills",
    "Inclusion and anti-discrimination",
    "Transnational and sustainable development",
    "Return and reintegration",
    "Governance, implementation and monitoring",
]
# Every organisation the agenda of 30 November 2017 names.
AGENDA_ORGANIZATIONS = [
    "International Council of Voluntary Agencies",
    "The Cross Regional Center for Refugees and Migrants",
    "Deportados Unidos en la Lucha",
    "International Organization for Migration",
    "Gozour",
    "Platform for International Cooperation on Undocumented Migrants",
    "National Network for Immigrant and Refugee Rights",
    "Pacific Women's Network",
    "Migrant Forum in Asia",
    "Save the Children UK",
    "ACT Alliance",
    "Solidarity Center",
    "International Catholic Migration Commission",
    "Institut de Recherche et de Promotion des Alternatives de Développement en Afrique",
    "Africa-Europe Diaspora Development Platform",
    "Global Coalition on Migration",
    "Government of Mexico",
    "Government of Switzerland",
]


def sessions_of_kind(kind: str) -> list[MeetingSession]:
    return db.session.scalars(
        select(MeetingSession)
        .where(MeetingSession.kind == kind)
        .order_by(MeetingSession.day, MeetingSession.starts_at, MeetingSession.position)
    ).all()


def acts_of(item: MeetingSession) -> list[int]:
    return sorted(act.number for act in item.acts)


def test_the_ten_acts(demo):
    acts = db.session.scalars(select(Act).order_by(Act.number)).all()
    assert [act.number for act in acts] == list(range(1, 11))
    assert [act.title for act in acts] == TEN_ACTS
    assert all(act.summary for act in acts)


def test_the_meeting_has_both_days(demo):
    meeting = db.session.scalars(select(Meeting)).one()
    assert (meeting.city, meeting.starts_on, meeting.ends_on) == ("Puerto Vallarta", DAY_1, DAY_2)
    days = db.session.scalars(select(MeetingSession.day).distinct().order_by(MeetingSession.day))
    assert list(days) == [DAY_1, DAY_2]
    first = db.session.scalars(
        select(MeetingSession).order_by(MeetingSession.day, MeetingSession.starts_at)
    ).first()
    assert (first.starts_at, first.kind) == (time(7, 30), "registration")


def test_ten_group_sessions_one_per_act_in_two_parts(demo):
    groups = sessions_of_kind("group_session")
    assert len(groups) == 10
    assert all(item.day == DAY_1 and item.audience == "civil_society" for item in groups)
    assert [acts_of(item) for item in groups] == [[number] for number in range(1, 11)]
    part_1 = [item for item in groups if item.starts_at == time(14, 0)]
    part_2 = [item for item in groups if item.starts_at == time(15, 35)]
    assert [acts_of(item)[0] for item in part_1] == [1, 2, 3, 4, 5]
    assert [acts_of(item)[0] for item in part_2] == [6, 7, 8, 9, 10]


def test_ten_small_tables_open_to_governments(demo):
    tables = sessions_of_kind("small_table")
    assert len(tables) == 10
    assert all(item.day == DAY_2 and item.audience == "open" for item in tables)
    assert all(item.starts_at == time(10, 30) for item in tables)
    assert sorted(acts_of(item)[0] for item in tables) == list(range(1, 11))


def test_the_organisations_named_in_the_agenda(demo):
    names = set(db.session.scalars(select(Organization.name)))
    missing = [name for name in AGENDA_ORGANIZATIONS if name not in names]
    assert missing == []


def test_speakers_keep_their_organisation_and_tbc_mark(demo):
    def speaker(name: str) -> Speaker:
        return db.session.scalars(select(Speaker).where(Speaker.name == name)).first()

    goita = speaker("Mamadou Goita")
    assert goita.tbc is True
    assert goita.organization.acronym == "IRPAD Afrique"
    lauber = speaker("Jürg Lauber")
    assert lauber.tbc is False
    assert lauber.organization.name == "Government of Switzerland"
    assert speaker("Gibril Faal").tbc is True


def test_milestones_from_the_stocktaking_to_the_general_assembly(demo):
    milestones = db.session.scalars(select(Milestone).order_by(Milestone.starts_on)).all()
    assert len(milestones) == 15
    assert milestones[0].starts_on == DAY_1
    assert "stocktaking" in milestones[0].title.lower()
    assert milestones[-1].starts_on == date(2018, 12, 19)
    assert "General Assembly" in milestones[-1].title
    titles = [milestone.title for milestone in milestones]
    assert any("Zero draft" in title for title in titles)
    assert sum("Negotiation round" in title for title in titles) == 6
    assert any(milestone.place == "Marrakech" for milestone in milestones)


def test_one_account_per_role_with_the_demo_password(demo):
    users = db.session.scalars(select(User).where(User.email.in_(DEMO_ACCOUNTS))).all()
    assert {user.email: user.role for user in users} == DEMO_ACCOUNTS
    for user in users:
        assert user.active
        assert user.password_hash.startswith("$argon2id$")
        assert verify_password(user.password_hash, DEMO_PASSWORD), user.email


def test_a_demo_account_signs_in(client, demo):
    response = client.post(
        "/sign-in", data={"email": "coordinator@example.org", "password": DEMO_PASSWORD}
    )
    assert response.headers["Location"] == "/dashboard"


def table_counts() -> dict[str, int]:
    return {
        table.name: db.session.scalar(select(func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }


def test_loading_twice_duplicates_nothing():
    load_demo()
    before = table_counts()
    assert before["act"] == 10
    assert before["meeting_session"] > 20
    load_demo()
    db.session.expire_all()
    assert table_counts() == before


def test_loading_keeps_changed_passwords():
    load_demo()
    user = db.session.scalar(select(User).where(User.email == "member@example.org"))
    user.password_hash = "changed"
    db.session.commit()
    load_demo()
    db.session.expire_all()
    assert db.session.get(User, user.id).password_hash == "changed"


@pytest.mark.parametrize("times", [1, 2])
def test_the_demo_command_prints_the_accounts(app, times):
    runner = app.test_cli_runner()
    for _ in range(times):
        result = runner.invoke(args=["demo"])
        assert result.exit_code == 0, result.output
    assert "Demo data loaded." in result.output
    for email, role in DEMO_ACCOUNTS.items():
        assert email in result.output
        assert role in result.output
    assert DEMO_PASSWORD in result.output
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Act)) == 10


def test_the_demo_command_leaves_a_filled_database_alone(app, demo):
    result = app.test_cli_runner().invoke(args=["demo", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert "already has data" in result.output
    assert "coordinator@example.org" in result.output
