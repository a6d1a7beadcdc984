"""Reference data in three languages: coordinators keep the French and Spanish of the ACTs,
the road to adoption and their meetings' agendas beside the English."""

from flask import Blueprint

bp = Blueprint("reference", __name__)

from tracker.reference import views  # noqa: E402, F401
