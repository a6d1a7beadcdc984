"""schemathesis against the OpenAPI document: every endpoint, with generated arguments, as a
member's token and as an observer's, on the demo workspace: no 5xx, and every answer
matches the schema the document gives for it."""

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)
from sqlalchemy import select

from tracker.api.auth import create_token
from tracker.core.extensions import db
from tracker.data.demo import load_demo
from tracker.records.accounts import User

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
# Enough generated arguments per endpoint to reach its filters and errors, few enough for CI.
EXAMPLES = 12


def test_every_answer_matches_the_document(app, app_context):
    load_demo()
    users = [
        db.session.scalars(select(User).where(User.role == role)).first()
        for role in ("member", "observer")
    ]
    tokens = [create_token(user, "conformance")[1] for user in users]
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 11

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def answers_match(case):
            for token in tokens:
                case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)

        answers_match()
