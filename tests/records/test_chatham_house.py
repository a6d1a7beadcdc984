"""Under the Chatham House rule, no observer rendering names a government.

Every government the demo workspace lists, with every member state's name in English,
French and Spanish, is written into every free-text field of a published Chatham House
outcome and of its stances. Then each page an observer can read the outcome through (the
outcome, the ACT page, the key messages' pages, search, the brief and its Markdown) must
name no more governments than it did before the names were typed.
"""

import re
from collections import Counter

from sqlalchemy import Enum, String, Text, inspect, select

from tests import factories
from tracker.api.auth import create_token
from tracker.core.extensions import db
from tracker.records.reports import KeyMessage
from tracker.records.tables import Government, Stance, TableOutcome
from tracker.text.redaction import fold, government_names


def free_text_fields(model) -> list[str]:
    return [
        column.key
        for column in inspect(model).column_attrs
        if isinstance(column.columns[0].type, String | Text)
        and not isinstance(column.columns[0].type, Enum)
    ]


def names_in(text: str, names: list[str]) -> Counter:
    """How often each name occurs as whole words (any case, with or without accents)."""
    folded = " " + " ".join(fold(word) for word in re.findall(r"[^\W_]+", text)) + " "
    counts = Counter()
    for name in names:
        words = " ".join(fold(word) for word in re.findall(r"[^\W_]+", name))
        if words:
            counts[name] = folded.count(f" {words} ")
    return counts


def observer_pages(client, outcome, messages, token: str) -> dict[str, str]:
    api = {"Authorization": f"Bearer {token}"}
    urls = [
        f"/outcomes/{outcome.id}",
        f"/acts/{outcome.act.number}",
        f"/acts/{outcome.act.number}/brief",
        f"/acts/{outcome.act.number}/brief.md",
        *(f"/messages/{message.id}" for message in messages),
        "/search?q=government",
        "/search?q=delegate&type=outcomes",
        "/api/v1/outcomes?limit=200",
        f"/api/v1/key-messages?act={outcome.act.number}",
        f"/api/v1/matrix?act={outcome.act.number}",
    ]
    pages = {}
    for url in urls:
        response = client.get(url, headers=api if url.startswith("/api/") else {})
        assert response.status_code == 200, url
        pages[url] = response.get_data(as_text=True)
    return pages


def test_no_government_is_named_to_observers_under_the_rule(client, login_as, demo):
    outcome = (
        db.session.scalars(select(TableOutcome).where(TableOutcome.chatham_house.is_(True))).first()
        or db.session.scalars(select(TableOutcome)).first()
    )
    outcome.chatham_house = True
    messages = db.session.scalars(
        select(KeyMessage).where(KeyMessage.act_id == outcome.act_id)
    ).all()
    for message in messages:
        if message.visibility != "shared":
            factories.publish(message)
    present = db.session.scalars(select(Government).order_by(Government.id).limit(6)).all()
    outcome.governments = present
    outcome.stances = [
        Stance(government=government, key_message=message, position="supportive", note="said so")
        for government in present
        for message in messages[:2]
    ]
    factories.publish(outcome)
    names = sorted(set(db.session.scalars(select(Government.name))) | government_names(), key=len)
    _token, secret = create_token(login_as("observer"), "Chatham House check")
    before = {
        url: names_in(page, names)
        for url, page in observer_pages(client, outcome, messages, secret).items()
    }

    text = "The delegate of " + ", ".join(names) + " said the delegate of each would act."
    for field in free_text_fields(TableOutcome):
        setattr(outcome, field, f"{text} ({field})")
    for stance in outcome.stances:
        for field in free_text_fields(Stance):
            setattr(stance, field, text)
    factories.publish(outcome)

    after = observer_pages(client, outcome, messages, secret)
    for url, page in after.items():
        grown = names_in(page, names) - before[url]
        assert not grown, f"{url} names {sorted(grown)}"
        if url == f"/outcomes/{outcome.id}":
            assert "The delegate of a government" in page  # the text itself is still read
