"""The read API's endpoints: lists with cursor pagination and the pages' filters, one record
each, ETags (304 on If-None-Match), a rate limit per token."""

from flask import abort
from flask.views import MethodView
from marshmallow import Schema, fields, validate

from tracker.api import bp, reads
from tracker.api import schemas as s
from tracker.api.auth import authenticate
from tracker.core.extensions import db
from tracker.records.actions import ActionStatus
from tracker.records.reports import ReportStatus

DESCRIPTION = (
    "Read-only JSON of the workspace. Authenticate with a personal token from your account "
    "page: `Authorization: Bearer <token>`. A token reads exactly what its owner reads: a "
    "government guest's token reads only what was published to governments, with Chatham "
    "House tables unattributed. Lists are paged with `cursor` and `limit`; every answer has "
    "an ETag (send `If-None-Match` to get 304 when nothing changed); errors are "
    "`application/problem+json`."
)


@bp.before_request
def _token_owner_reads():
    authenticate()


class PageArgs(Schema):
    cursor = fields.String(metadata={"description": "The next_cursor of the previous page."})
    limit = fields.Integer(
        validate=validate.Range(1, reads.MAX_LIMIT),
        metadata={"description": f"Items per page (default {reads.DEFAULT_LIMIT})."},
    )


class ActArgs(PageArgs):
    act = fields.Integer(
        validate=validate.Range(1, 99), metadata={"description": "Only this ACT's (its number)."}
    )


class ReportArgs(ActArgs):
    status = fields.String(validate=validate.OneOf([m.value for m in ReportStatus]))


class ActionArgs(ActArgs):
    status = fields.String(validate=validate.OneOf([m.value for m in ActionStatus]))


class PositionArgs(ActArgs):
    government = fields.Integer(
        validate=validate.Range(1, 2**31 - 1), metadata={"description": "Only this government's."}
    )


class MatrixArgs(Schema):
    act = fields.Integer(validate=validate.Range(1, 99), metadata={"description": "One ACT."})


def page_schema(item: type[Schema], name: str) -> type[Schema]:
    return type(
        name,
        (s.Base,),
        {
            "items": fields.List(fields.Nested(item)),
            "next_cursor": fields.String(
                allow_none=True, metadata={"description": "Pass as cursor for the next page."}
            ),
        },
    )


def _page(statement, model, args: dict) -> reads.Page:
    try:
        return reads.page_of(statement, model, args.get("cursor"), args.get("limit"))
    except reads.BadCursorError:
        abort(400, "This cursor was not given by this API.")


@bp.route("/acts")
class Acts(MethodView):
    @bp.etag
    @bp.response(200, s.ActSchema(many=True))
    def get(self):
        """The TEN ACTS, in order."""
        return db.session.scalars(reads.acts()).all()


@bp.route("/meetings")
class Meetings(MethodView):
    @bp.etag
    @bp.response(200, s.MeetingSchema(many=True))
    def get(self):
        """The meetings, oldest first."""
        return db.session.scalars(reads.meetings()).all()


@bp.route("/meetings/<slug>/items")
class AgendaItems(MethodView):
    @bp.etag
    @bp.response(200, s.AgendaItemSchema(many=True))
    def get(self, slug: str):
        """A meeting's agenda, in order."""
        items = db.session.scalars(reads.agenda_items(slug)).all()
        if not items and db.session.scalars(reads.meetings().filter_by(slug=slug)).first() is None:
            abort(404)
        return items


@bp.route("/key-messages")
class KeyMessages(MethodView):
    @bp.etag
    @bp.arguments(ActArgs, location="query")
    @bp.response(200, page_schema(s.KeyMessageSchema, "KeyMessagePage"))
    def get(self, args):
        """Key messages, with their standing in each draft."""
        page = _page(reads.key_messages(args.get("act")), reads.KeyMessage, args)
        return {"items": reads.with_reflections(page.items), "next_cursor": page.next_cursor}


@bp.route("/reports")
class Reports(MethodView):
    @bp.etag
    @bp.arguments(ReportArgs, location="query")
    @bp.response(200, page_schema(s.ReportSchema, "ReportPage"))
    def get(self, args):
        """Rapporteurs' reports (observers: the published version of shared ones)."""
        return _page(reads.reports(args.get("act"), args.get("status")), reads.Report, args)


@bp.route("/outcomes")
class Outcomes(MethodView):
    @bp.etag
    @bp.arguments(ActArgs, location="query")
    @bp.response(200, page_schema(s.OutcomeSchema, "OutcomePage"))
    def get(self, args):
        """Small tables' outcomes with their stances (Chatham House: governments unnamed)."""
        page = _page(reads.outcomes(args.get("act")), reads.TableOutcome, args)
        return {
            "items": [reads.outcome_as_read(o) for o in page.items],
            "next_cursor": page.next_cursor,
        }


@bp.route("/actions")
class Actions(MethodView):
    @bp.etag
    @bp.arguments(ActionArgs, location="query")
    @bp.response(200, page_schema(s.ActionSchema, "ActionPage"))
    def get(self, args):
        """Next-step actions."""
        return _page(reads.actions(args.get("act"), args.get("status")), reads.Action, args)


@bp.route("/drafts")
class Drafts(MethodView):
    @bp.etag
    @bp.response(200, s.DraftSchema(many=True))
    def get(self):
        """The drafts of the text, oldest first."""
        return db.session.scalars(reads.drafts()).all()


@bp.route("/drafts/<int:draft_id>")
class DraftText(MethodView):
    @bp.etag
    @bp.response(200, s.DraftWithParagraphsSchema)
    def get(self, draft_id: int):
        """One draft with its paragraphs."""
        return db.first_or_404(reads.draft(draft_id))


@bp.route("/matrix")
class Matrix(MethodView):
    @bp.etag
    @bp.arguments(MatrixArgs, location="query")
    @bp.response(200, s.MatrixRowSchema(many=True))
    def get(self, args):
        """The carry-through matrix: each key message's level in each draft."""
        return reads.matrix(args.get("act"))[1]


@bp.route("/positions")
class Positions(MethodView):
    @bp.etag
    @bp.arguments(PositionArgs, location="query")
    @bp.response(200, page_schema(s.PositionSchema, "PositionPage"))
    def get(self, args):
        """Governments' positions in the negotiation rounds."""
        statement = reads.positions(args.get("act"), args.get("government"))
        return _page(statement, reads.RoundPosition, args)


@bp.route("/governments")
class Governments(MethodView):
    @bp.etag
    @bp.response(200, s.GovernmentSchema(many=True))
    def get(self):
        """UN member states and agencies."""
        return db.session.scalars(reads.governments().order_by(reads.Government.id)).all()
