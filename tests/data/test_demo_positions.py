"""The demo's positions in the six negotiation rounds: illustrative, civil society only,
enough for government pages and who to lobby to show something on first run."""

from sqlalchemy import func, select

from tracker.core.extensions import db
from tracker.data.demo import load_demo
from tracker.data.demo.positions import POSITIONS
from tracker.records.agenda import Milestone
from tracker.records.positions import RoundPosition
from tracker.records.tables import Government


def _count() -> int:
    return db.session.scalar(select(func.count(RoundPosition.id)))


def test_the_demo_has_positions_in_every_round_all_marked_illustrative(demo):
    positions = db.session.scalars(select(RoundPosition)).all()
    rounds = {db.session.get(Milestone, p.milestone_id).key for p in positions}
    assert rounds == {f"negotiation-round-{n}" for n in range(1, 7)}
    assert {p.note for p in positions} == {POSITIONS["note"]}
    assert "Illustrative" in POSITIONS["note"]
    assert {p.visibility for p in positions} == {"civil_society"}
    assert all(p.paragraph_id is not None for p in positions if p.paragraph_ref)
    groups = db.session.scalars(select(Government.name).where(Government.kind == "group")).all()
    assert "European Union (EU)" in groups
    assert "African Group" in groups


def test_loading_the_demo_twice_adds_no_position(demo):
    before = _count()
    load_demo()
    assert _count() == before > 40


def test_who_to_lobby_shows_something_on_first_run(demo, client, login_as):
    login_as("member")
    html = client.get("/acts/2/lobby").get_data(as_text=True)
    to_lobby, champions = html.split("To lobby</strong>")[1].split("Could champion it")
    assert "Hungary" in to_lobby
    assert "Fiji" in champions
    page = client.get("/governments").get_data(as_text=True)
    assert "European Union (EU)" in page
