"""Coordinators keep the French and Spanish of reference data beside the English."""

from sqlalchemy import select

from tests import factories
from tracker.core.extensions import db
from tracker.records.acts import Act
from tracker.reference.forms import fingerprint


def _act(number: int) -> Act:
    return db.session.scalars(select(Act).where(Act.number == number)).one()


def _post(client, act: Act, seen: str, **fields: str):
    data = {"seen": seen, "title_fr": "", "summary_fr": "", "title_es": "", "summary_es": ""}
    return client.post(f"/acts/{act.number}/translations", data={**data, **fields})


def test_a_coordinator_translates_an_act_and_readers_read_it(client, login_as, db):
    act = factories.ActFactory(number=4, title="Decent work and labour rights")
    db.session.commit()
    login_as("coordinator")
    page = client.get(f"/acts/{act.number}/translations")
    assert page.status_code == 200
    assert "Decent work and labour rights" in page.text  # the English, to translate from
    response = _post(client, act, fingerprint(act.translations), title_fr="Travail décent")
    assert response.status_code == 302
    db.session.expire_all()
    assert _act(4).translations == {"fr": {"title": "Travail décent"}}
    login_as("member", locale="fr")
    assert "Travail décent" in client.get("/acts").text
    login_as("member", locale="es")  # no Spanish yet: the English shows
    assert "Decent work and labour rights" in client.get("/acts").text


def test_emptying_a_translation_brings_the_english_back(client, login_as, db):
    act = factories.ActFactory(
        number=2, title="Safe pathways", translations={"fr": {"title": "Voies sûres"}}
    )
    db.session.commit()
    login_as("coordinator")
    response = _post(client, act, fingerprint(act.translations))
    assert response.status_code == 302
    db.session.expire_all()
    assert _act(2).translations == {}


def test_a_translation_saved_meanwhile_is_not_overwritten(client, login_as, db):
    act = factories.ActFactory(number=5, title="Decent living conditions")
    db.session.commit()
    seen = fingerprint(act.translations)
    act.translate("fr", "title", "Conditions de vie décentes")  # a colleague saves first
    db.session.commit()
    login_as("coordinator")
    response = _post(client, act, seen, title_fr="Vie décente")
    assert response.status_code == 409
    assert "Conditions de vie décentes" in response.text  # what they saved, shown back
    db.session.expire_all()
    assert _act(5).translations == {"fr": {"title": "Conditions de vie décentes"}}


def test_too_long_a_title_is_refused_next_to_the_field(client, login_as, db):
    act = factories.ActFactory(number=6, title="Education and skills")
    db.session.commit()
    login_as("coordinator")
    response = _post(client, act, fingerprint(act.translations), title_es="x" * 301)
    assert response.status_code == 422
    assert "invalid-feedback" in response.text
    db.session.expire_all()
    assert _act(6).translations == {}
