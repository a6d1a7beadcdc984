"""A negotiation round on a draft, with an ACT, its key message and governments."""

from dataclasses import dataclass
from datetime import date

from tests import factories


@dataclass
class Round:
    milestone: object
    draft: object
    paragraph: object
    act: object
    message: object
    mexico: object
    group: object


def a_round() -> Round:
    draft = factories.DraftFactory(name="Zero draft", released_on=date(2018, 2, 5))
    paragraph = factories.DraftParagraphFactory(draft=draft, ref="21(c)", position=1)
    milestone = factories.MilestoneFactory(
        title="Negotiation round 1", starts_on=date(2018, 2, 20), ends_on=date(2018, 2, 23)
    )
    act = factories.ActFactory(number=3, title="Protection")
    message = factories.KeyMessageFactory(act=act, rank=1, text="End child detention.")
    return Round(
        milestone=milestone,
        draft=draft,
        paragraph=paragraph,
        act=act,
        message=message,
        mexico=factories.GovernmentFactory(name="Mexico"),
        group=factories.GovernmentFactory(name="European Union (EU)", kind="group"),
    )


def entry(r: Round, **fields) -> dict:
    return {
        "milestone_id": str(r.milestone.id),
        "act_id": str(r.act.id),
        "government": "Mexico",
        "paragraph_ref": "21(c)",
        "key_message_id": "0",
        "stand": "supports",
        "source": "plenary",
        "stated_on": "2018-02-20",
        "note": "",
        **fields,
    }
