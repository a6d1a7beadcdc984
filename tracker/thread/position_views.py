"""The pages on governments' positions that compose features: a government's page, the
list of governments and groups, and who to lobby on an ACT's asks (page, CSV, Markdown)."""

from flask import Response, render_template
from flask_login import current_user, login_required
from sqlalchemy import select

from tracker.core.clock import today
from tracker.core.extensions import db
from tracker.core.inputs import int_arg
from tracker.records.acts import Act
from tracker.records.reader import require
from tracker.records.tables import Government
from tracker.thread import bp, governments, lobby


@bp.get("/governments", endpoint="governments")
@login_required
def governments_index():
    groups, states, counts = governments.governments_with_counts()
    return render_template("thread/governments.html", groups=groups, states=states, counts=counts)


@bp.get("/governments/<int:government_id>", endpoint="government")
@login_required
def government_page(government_id: int):
    government = db.get_or_404(Government, government_id)
    page = governments.government_page(government, current_user)
    return render_template("thread/government.html", page=page)


def _lobby(number: int) -> lobby.Lobby:
    require("see_civil_society")
    act = db.first_or_404(select(Act).where(Act.number == number))
    return lobby.lobby_of(act, today(), int_arg("message") or None)


@bp.get("/acts/<int:number>/lobby", endpoint="lobby")
@login_required
def lobby_page(number: int):
    return render_template("thread/lobby.html", lobby=_lobby(number))


@bp.get("/acts/<int:number>/lobby.csv")
@login_required
def lobby_csv(number: int):
    return Response(
        lobby.as_csv(_lobby(number)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="act-{number}-lobby.csv"'},
    )


@bp.get("/acts/<int:number>/lobby.md")
@login_required
def lobby_markdown(number: int):
    return Response(
        lobby.as_markdown(_lobby(number), today()),
        mimetype="text/markdown",
        headers={"Content-Disposition": f'attachment; filename="act-{number}-lobby.md"'},
    )
