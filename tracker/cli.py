"""Command-line tasks: demo data (more join as features land)."""

import click
from flask import Flask

from tracker.demo.loader import DEMO_ACCOUNTS, DEMO_PASSWORD, is_empty, load_demo


def register(app: Flask) -> None:
    app.cli.add_command(demo)


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
