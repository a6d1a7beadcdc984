"""The commands of a real installation: `init` makes an empty workspace, `create-admin` its
first admin."""

from pathlib import Path

from sqlalchemy import func, select

from tests.conftest import make_config
from tracker import create_app
from tracker.auth.passwords import verify_password
from tracker.core.extensions import db
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.agenda import Meeting


def test_init_makes_an_empty_workspace_with_the_ten_acts(tmp_path: Path):
    fresh = create_app(make_config(f"sqlite:///{tmp_path / 'fresh.db'}"))
    runner = fresh.test_cli_runner()
    with fresh.app_context():  # as `flask --app tracker init` runs it
        for _ in range(2):  # safe to run again
            result = runner.invoke(args=["init"])
            assert result.exit_code == 0, (result.output, result.exception)
        assert "with its 10 ACTs and no other data" in result.output
        assert "create-admin" in result.output
        assert db.session.scalar(select(func.count()).select_from(Act)) == 10
        assert db.session.scalar(select(func.count()).select_from(Meeting)) == 0
        assert db.session.scalar(select(func.count()).select_from(User)) == 0
        db.session.remove()
        db.engine.dispose()


def test_create_admin_makes_the_first_admin(app):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["create-admin", "--email", "Chair@Example.org", "--name", "Network Chair"],
        input="a long enough passphrase\na long enough passphrase\n",
    )
    assert result.exit_code == 0, result.output
    admin = db.session.scalar(select(User).where(User.email == "chair@example.org"))
    assert str(admin.role) == "admin"
    assert verify_password(admin.password_hash, "a long enough passphrase")
    again = runner.invoke(
        args=["create-admin", "--email", "chair@example.org", "--name", "Twice"],
        env={"TRACKER_ADMIN_PASSWORD": "another long passphrase"},
    )
    assert again.exit_code != 0
    assert "already exists" in again.output
    weak = runner.invoke(
        args=["create-admin", "--email", "weak@example.org", "--name", "Weak"],
        env={"TRACKER_ADMIN_PASSWORD": "short"},
    )
    assert weak.exit_code != 0
    assert "at least 12 characters" in weak.output
