"""The sign-in and password-reset throttles: an attacker's failures slow the attacker.

Failed sign-ins are counted two ways (the numbers are settings, see tracker/config.py):

- **Per address.** After 5 failures from one address, that address waits 1 minute before
  its next attempt, then twice as long after each further failure, at most 60 minutes.
  Failures add up as long as each comes within the window (15 minutes) of the end of the
  address's previous wait; a quiet window starts the count afresh. An IPv6 client counts
  by its /64 network, since one machine may hold a whole such network.
- **Per account.** An account with 10 failures or more from 3 addresses or more in the
  window asks every attempt to wait 30 seconds after its latest failure, except from a
  device where its owner signed in before: one attempt at a time gets through, and the owner
  is not slowed. A correct password after the wait signs in.

A successful sign-in forgets that account's failures from that address only, so signing in
to one's own account never erases failures against somebody else's. Requests for a
password-reset link are counted per address too.

Kept in the database, or in Redis when REDIS_URL is set, so the throttles hold across
workers and machines. Every time here is the real time, never the app's pinned date.
"""

import ipaddress
import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import delete, distinct, func, select

from tracker.core.extensions import db
from tracker.core.models import real_utcnow
from tracker.core.redis_client import redis_client
from tracker.records.accounts import PasswordResetRequest, SignInFailure

ZERO = timedelta(0)
# How long an address's failures are remembered (its count may grow over hours of waits).
MEMORY = timedelta(days=1)
# At most this many of an address's latest failures are read: enough to reach the longest wait.
ADDRESS_FAILURES_READ = 50
# At most this many of an account's latest failures are kept in Redis.
ACCOUNT_FAILURES_KEPT = 200
RESET_PERIOD = timedelta(hours=1)


@dataclass(frozen=True)
class Refusal:
    """Why an attempt is refused now, and how long until the next one may go through."""

    rule: str  # "address" or "account"
    retry_after: timedelta

    @property
    def seconds(self) -> int:
        return max(1, math.ceil(self.retry_after.total_seconds()))

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.retry_after.total_seconds() / 60))


@dataclass(frozen=True)
class AccountFailures:
    count: int
    addresses: int
    latest: datetime | None


def address_key(address: str | None) -> str:
    """What an address is counted by: an IPv4 address, or an IPv6 client's /64 network."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return (address or "").strip()[:64]
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _normal_email(email: str) -> str:
    return email.strip().lower()


def _config(name: str) -> int:
    return current_app.config[name]


def _window() -> timedelta:
    return timedelta(minutes=_config("SIGN_IN_WINDOW_MINUTES"))


def wait_after(failures: int) -> timedelta:
    """How long an address waits after its n-th failure in a row."""
    threshold = _config("SIGN_IN_ADDRESS_FAILURES")
    if failures < threshold:
        return ZERO
    first = _config("SIGN_IN_ADDRESS_FIRST_WAIT_SECONDS")
    longest = _config("SIGN_IN_ADDRESS_MAX_WAIT_MINUTES") * 60
    doublings = min(failures - threshold, 32)
    return timedelta(seconds=min(first * 2**doublings, longest))


def address_wait(failures: list[datetime], now: datetime) -> timedelta:
    """How long the address with these failures (oldest first) must still wait."""
    window = _window()
    count, previous = 0, None
    for failed_at in failures:
        if previous is not None and failed_at - previous > window + wait_after(count):
            count = 0  # a quiet window after its last wait: the address starts afresh
        count += 1
        previous = failed_at
    if previous is None:
        return ZERO
    return max(previous + wait_after(count) - now, ZERO)


def sign_in_refusal(email: str, address: str | None, known_device: bool) -> Refusal | None:
    """Why an attempt to sign in to `email` from `address` must wait now, or None."""
    now = real_utcnow()
    store = _store()
    wait = address_wait(store.address_failures(address_key(address), now - MEMORY), now)
    if wait > ZERO:
        return Refusal("address", wait)
    if known_device:
        return None
    failures = store.account_failures(_normal_email(email), now - _window())
    if (
        failures.latest is not None
        and failures.count >= _config("SIGN_IN_ACCOUNT_FAILURES")
        and failures.addresses >= _config("SIGN_IN_ACCOUNT_ADDRESSES")
    ):
        wait = failures.latest + timedelta(seconds=_config("SIGN_IN_ACCOUNT_WAIT_SECONDS")) - now
        if wait > ZERO:
            return Refusal("account", wait)
    return None


def record_failure(email: str, address: str | None) -> None:
    _store().add_failure(_normal_email(email), address_key(address), real_utcnow())


def clear_failures(email: str, address: str | None) -> None:
    """Forget the failures of this account from this address (after a correct password)."""
    _store().clear_failures(_normal_email(email), address_key(address))


def reset_request_refusal(address: str | None) -> Refusal | None:
    """Why this address may not ask for another reset link now, or None."""
    now = real_utcnow()
    limit = _config("PASSWORD_RESET_REQUESTS_PER_ADDRESS")
    requests = _store().reset_requests(address_key(address), now - RESET_PERIOD)
    if len(requests) < limit:
        return None
    # The next request may go when enough of these are an hour old.
    return Refusal("address", max(requests[len(requests) - limit] + RESET_PERIOD - now, ZERO))


def record_reset_request(address: str | None) -> None:
    _store().add_reset_request(address_key(address), real_utcnow())


def _store():
    client = redis_client()
    return _RedisStore(client) if client is not None else _DatabaseStore()


def _aware(moment: datetime) -> datetime:
    # SQLite gives back naive datetimes; every stored time is UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class _DatabaseStore:
    def address_failures(self, address: str, since: datetime) -> list[datetime]:
        latest = db.session.scalars(
            select(SignInFailure.failed_at)
            .where(SignInFailure.address == address, SignInFailure.failed_at > since)
            .order_by(SignInFailure.failed_at.desc())
            .limit(ADDRESS_FAILURES_READ)
        ).all()
        return [_aware(moment) for moment in reversed(latest)]

    def account_failures(self, email: str, since: datetime) -> AccountFailures:
        count, addresses, latest = db.session.execute(
            select(
                func.count(),
                func.count(distinct(SignInFailure.address)),
                func.max(SignInFailure.failed_at),
            ).where(SignInFailure.email == email, SignInFailure.failed_at > since)
        ).one()
        return AccountFailures(count, addresses, _aware(latest) if latest else None)

    def add_failure(self, email: str, address: str, at: datetime) -> None:
        db.session.add(SignInFailure(email=email, address=address, failed_at=at))
        db.session.execute(delete(SignInFailure).where(SignInFailure.failed_at < at - MEMORY))
        db.session.commit()

    def clear_failures(self, email: str, address: str) -> None:
        db.session.execute(
            delete(SignInFailure).where(
                SignInFailure.email == email, SignInFailure.address == address
            )
        )

    def reset_requests(self, address: str, since: datetime) -> list[datetime]:
        moments = db.session.scalars(
            select(PasswordResetRequest.requested_at)
            .where(
                PasswordResetRequest.address == address,
                PasswordResetRequest.requested_at > since,
            )
            .order_by(PasswordResetRequest.requested_at)
        ).all()
        return [_aware(moment) for moment in moments]

    def add_reset_request(self, address: str, at: datetime) -> None:
        db.session.add(PasswordResetRequest(address=address, requested_at=at))
        db.session.execute(
            delete(PasswordResetRequest).where(
                PasswordResetRequest.requested_at < at - RESET_PERIOD
            )
        )


class _RedisStore:
    """Sorted sets scored by time: one per address and one per account.

    Members are "<random>|<email>" in an address's set and "<random>|<address>" in an
    account's, so a success can forget exactly that account's failures from that address.
    """

    def __init__(self, client) -> None:
        self.client = client

    @staticmethod
    def address_key(address: str) -> str:
        return f"tracker:sign-in:address:{address}"

    @staticmethod
    def account_key(email: str) -> str:
        return f"tracker:sign-in:account:{email}"

    @staticmethod
    def reset_key(address: str) -> str:
        return f"tracker:password-reset:address:{address}"

    def _since(self, key: str, since: datetime) -> list[tuple[str, datetime]]:
        entries = self.client.zrangebyscore(key, f"({since.timestamp()}", "+inf", withscores=True)
        return [(member, datetime.fromtimestamp(score, UTC)) for member, score in entries]

    def address_failures(self, address: str, since: datetime) -> list[datetime]:
        entries = self._since(self.address_key(address), since)
        return [moment for _member, moment in entries[-ADDRESS_FAILURES_READ:]]

    def account_failures(self, email: str, since: datetime) -> AccountFailures:
        entries = self._since(self.account_key(email), since)
        addresses = {member.split("|", 1)[1] for member, _moment in entries}
        latest = entries[-1][1] if entries else None
        return AccountFailures(len(entries), len(addresses), latest)

    def _add(self, key: str, member: str, at: datetime, keep: int, memory: timedelta) -> None:
        with self.client.pipeline() as pipe:
            pipe.zadd(key, {member: at.timestamp()})
            pipe.zremrangebyscore(key, "-inf", f"({(at - memory).timestamp()}")
            pipe.zremrangebyrank(key, 0, -(keep + 1))
            pipe.expire(key, int(memory.total_seconds()))
            pipe.execute()

    def add_failure(self, email: str, address: str, at: datetime) -> None:
        token = uuid.uuid4().hex
        self._add(self.address_key(address), f"{token}|{email}", at, ADDRESS_FAILURES_READ, MEMORY)
        self._add(
            self.account_key(email), f"{token}|{address}", at, ACCOUNT_FAILURES_KEPT, _window()
        )

    def clear_failures(self, email: str, address: str) -> None:
        for key, other in ((self.address_key(address), email), (self.account_key(email), address)):
            members = [m for m in self.client.zrange(key, 0, -1) if m.split("|", 1)[1] == other]
            if members:
                self.client.zrem(key, *members)

    def reset_requests(self, address: str, since: datetime) -> list[datetime]:
        return [moment for _member, moment in self._since(self.reset_key(address), since)]

    def add_reset_request(self, address: str, at: datetime) -> None:
        keep = _config("PASSWORD_RESET_REQUESTS_PER_ADDRESS")
        self._add(self.reset_key(address), uuid.uuid4().hex, at, keep, RESET_PERIOD)
