"""Command-line tasks: a real workspace and its first admin, demo data, benchmark data,
backups, the due-actions digest, the search index, purging archived records."""

import time
from pathlib import Path

import click
from flask import Flask, current_app
from flask_babel import force_locale

from tracker.actions.digest import send_due_digests
from tracker.auth.services import create_admin as create_admin_account
from tracker.auth.services import has_accounts
from tracker.core.backup import (
    BackupUnsupportedError,
    backup_sqlite,
    default_backup_path,
    sqlite_file,
)
from tracker.core.extensions import db
from tracker.core.mail import deliver_pending
from tracker.data.bench import BenchDataExistsError, generate
from tracker.data.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, is_empty, load_acts, load_demo
from tracker.records.archiving import purge_archived
from tracker.search import index as search_index


def register(app: Flask) -> None:
    app.cli.add_command(demo)
    app.cli.add_command(bench_data)
    app.cli.add_command(backup)
    app.cli.add_command(notify_due)
    app.cli.add_command(search_index_command)
    app.cli.add_command(init)
    app.cli.add_command(create_admin)
    app.cli.add_command(purge_archived_command)


@click.command("demo")
@click.option("--if-empty", is_flag=True, help="Load only when the database has no data.")
def demo(if_empty: bool) -> None:
    """Load the Puerto Vallarta demo workspace (safe to run twice)."""
    if if_empty and not is_empty():
        click.echo("The database already has data; the demo was not loaded again.")
        accounts = [(email, str(role)) for email, _name, role, _org in DEMO_ACCOUNTS]
    else:
        accounts = load_demo()
        click.echo("Demo data loaded.")
    click.echo("Demo accounts (if they were not changed since):")
    for email, role in accounts:
        click.echo(f"  {role:<12} {email}")
    click.echo(f"Password for all of them: {DEMO_PASSWORD}")


@click.command("bench-data")
@click.option(
    "--scale", type=click.Choice(["small", "medium", "large"]), default="small", show_default=True
)
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same data.")
def bench_data(scale: str, seed: int) -> None:
    """Fill an empty database with the demo plus generated data for the benchmark."""
    started = time.perf_counter()
    try:
        counts = generate(scale, seed)
    except BenchDataExistsError as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"Generated the {scale} data set (seed {seed}) in {time.perf_counter() - started:.1f}s:"
    )
    for table, count in counts.items():
        click.echo(f"  {table:<16} {count:>7}")


@click.command("backup")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
def backup(path: Path | None) -> None:
    """Write a consistent copy of the SQLite database to PATH (safe while the app runs)."""

    try:
        source = sqlite_file(current_app.config["SQLALCHEMY_DATABASE_URI"])
        target = backup_sqlite(source, path or default_backup_path(source))
    except BackupUnsupportedError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backed up {source} to {target}.")


@click.command("notify-due")
@click.option("--days", type=int, default=3, show_default=True, help="Due within this many days.")
def notify_due(days: int) -> None:
    """Mail each owner a digest of their actions overdue or due soon (run it daily from cron),
    and retry any mail still waiting in the outbox."""

    retried = deliver_pending()
    db.session.commit()
    sent = send_due_digests(days)
    click.echo(f"Sent {sent} digest(s); {retried} waiting mail(s) delivered.")


@click.command("search-index")
def search_index_command() -> None:
    """Write the full-text search index again from every record (after a restore or an
    import that went around the app)."""
    started = time.perf_counter()
    count = search_index.rebuild()
    db.session.commit()
    click.echo(f"Indexed {count} entries in {time.perf_counter() - started:.1f}s.")


@click.command("init")
def init() -> None:
    """Make a real, empty workspace: the database schema and the TEN ACTS, no demo data."""
    import flask_migrate

    flask_migrate.upgrade()
    acts = load_acts()
    db.session.commit()
    click.echo(f"The workspace is ready, with its {len(acts)} ACTs and no other data.")
    if not has_accounts():
        click.echo("Make its first admin: flask --app tracker create-admin")


@click.command("create-admin")
@click.option("--email", prompt=True, help="The admin's email address (to sign in with).")
@click.option("--name", prompt=True, help="The admin's name, as others will see it.")
@click.password_option(
    "--password",
    envvar="TRACKER_ADMIN_PASSWORD",
    help="At least 12 characters; asked twice when not given (or TRACKER_ADMIN_PASSWORD).",
)
def create_admin(email: str, name: str, password: str) -> None:
    """Make an admin account (the first one of a real installation)."""
    try:
        with force_locale("en"):  # no request to take a language from
            user = create_admin_account(email, name, password)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Admin {user.email} created: sign in and invite the others from People.")


@click.command("purge-archived")
@click.option(
    "--before",
    required=True,
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Purge what was archived before this day (YYYY-MM-DD).",
)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def purge_archived_command(before, yes: bool) -> None:
    """Delete for good the records archived before a day, for data-protection requests (the
    interface never deletes); the activity log records each purge."""
    day = before.date()
    if not yes:
        click.confirm(f"Delete for good every record archived before {day}?", abort=True)
    purged = purge_archived(day)
    db.session.commit()
    if not purged:
        click.echo(f"Nothing was archived before {day}.")
    for item in purged:
        click.echo(f"Purged {item.count} {item.kind} record(s).")
