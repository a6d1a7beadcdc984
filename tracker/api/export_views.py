"""Downloads: the workspace as a ZIP, the carry-through matrix as CSV and XLSX, a draft as
Markdown. Each reads as the signed-in person reads the pages."""

from flask import Response
from flask_login import current_user, login_required

from tracker.api import exports, pages, reads
from tracker.core.extensions import db
from tracker.core.inputs import int_arg
from tracker.records import policy
from tracker.records.reader import require

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(body, mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@pages.get("/exports/workspace.zip")
@login_required
def workspace_zip():
    require("view_workspace")
    audience = "civil society" if policy.is_civil_society(current_user) else "governments"
    return _download(exports.workspace_zip(audience), "application/zip", "workspace.zip")


@pages.get("/exports/matrix.csv")
@login_required
def matrix_csv():
    require("view_workspace")
    body = exports.matrix_csv(int_arg("act", None))
    return _download(body, "text/csv", "carry-through-matrix.csv")


@pages.get("/exports/matrix.xlsx")
@login_required
def matrix_xlsx():
    require("view_workspace")
    return _download(exports.matrix_xlsx(int_arg("act", None)), XLSX, "carry-through-matrix.xlsx")


@pages.get("/exports/drafts/<int:draft_id>.md")
@login_required
def draft_markdown(draft_id: int):
    require("view_workspace")
    draft = db.first_or_404(reads.draft(draft_id))
    body = exports.draft_markdown(draft)
    return _download(body, "text/markdown", f"draft-{draft.id}.md")
