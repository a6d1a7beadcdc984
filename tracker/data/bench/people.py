"""Generated organisations and people: every account signs in with the demo password."""

from datetime import date, timedelta

from sqlalchemy import select

from tracker.auth.passwords import hash_password
from tracker.core.extensions import db
from tracker.data.bench import names
from tracker.data.bench.build import Build, count_rows
from tracker.data.bench.rows import insert_rows as _insert
from tracker.data.demo import DEMO_PASSWORD
from tracker.records.accounts import Organization, User

ROLE_WEIGHTS = {"admin": 1, "coordinator": 5, "rapporteur": 10, "member": 69, "observer": 15}


def add_organizations(build: Build) -> None:
    rng = build.rng
    taken = set(db.session.scalars(select(Organization.name)))
    rows = []
    for n in range(max(0, build.scale.organizations - len(taken))):
        language = rng.randrange(3)
        stem, focus = rng.choice(names.ORGANIZATION_STEMS), rng.choice(names.ORGANIZATION_FOCUS)
        region = rng.choice(names.REGIONS)
        name = f"{stem[language]} {focus[language]} ({region})"
        if name in taken:
            name = f"{name} {n + 1}"
        taken.add(name)
        signed = rng.random() < 0.7
        rows.append(
            {
                "name": name,
                "acronym": "".join(w[0] for w in name.split() if w[0].isupper())[:10],
                "region": region,
                "kind": rng.choice(names.ORGANIZATION_KINDS),
                "signed_on": date(2017, 10, 1) + timedelta(days=rng.randrange(60))
                if signed
                else None,
            }
        )
    _insert(Organization, rows)
    build.organization_ids = list(db.session.scalars(select(Organization.id).order_by("id")))


def add_users(build: Build) -> None:
    rng = build.rng
    password_hash = hash_password(DEMO_PASSWORD)  # one hash: every generated account can sign in
    roles, weights = list(ROLE_WEIGHTS), list(ROLE_WEIGHTS.values())
    rows = []
    for n in range(max(0, build.scale.users - count_rows(User))):
        first, last = rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
        email = f"{names.ascii_slug(first)}.{names.ascii_slug(last)}.{n}@example.net"
        rows.append(
            {
                "email": email,
                "name": f"{first} {last}",
                "role": rng.choices(roles, weights)[0],
                "organization_id": rng.choice(build.organization_ids),
                "password_hash": password_hash,
                "locale": rng.choice((None, "en", "fr", "es")),
                "active": rng.random() > 0.02,
                "session_token": f"{rng.getrandbits(192):048x}",
            }
        )
    _insert(User, rows)
    for user_id, role in db.session.execute(select(User.id, User.role).order_by(User.id)):
        build.users.setdefault(str(role), []).append(user_id)
