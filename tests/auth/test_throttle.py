"""The sign-in throttle: an attacker's failures slow the attacker, not the account's owner.

Per address: after 5 failures the address waits 1 minute, then twice as long after each
further failure, at most an hour. Per account: 10 failures or more from 3 addresses or more
in 15 minutes ask every attempt without the owner's known-device cookie to wait 30 seconds
after the latest failure. Each scenario runs on the database store and on Redis.
"""

import logging
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.auth.workers import REDIS_URL, Site, redis_store, worker
from tests.conftest import IsolatedClient, make_config
from tests.factories import PASSWORD, UserFactory
from tracker import create_app
from tracker.auth import throttle
from tracker.auth.devices import COOKIE_NAME
from tracker.core.extensions import db
from tracker.core.models import real_utcnow
from tracker.records.accounts import SignInFailure

EMAIL = "ana@example.net"
WRONG = "not the right password"
ATTACKER = "203.0.113.66"
OWNER = "192.0.2.10"
ELSEWHERE = "198.51.100.200"
WRONG_CREDENTIALS = "Email or password is incorrect."


def attempt(client, password, email=EMAIL):
    return client.post("/sign-in", data={"email": email, "password": password})


def fail(client, times, email=EMAIL) -> None:
    for _ in range(times):
        response = attempt(client, WRONG, email)
        assert response.status_code == 401, response.status_code
        assert WRONG_CREDENTIALS in response.get_data(as_text=True)


def address_wait_minutes(response) -> int:
    assert response.status_code == 429
    match = re.search(
        r"Too many failed sign-ins from your network\. Try again in (\d+) minutes?\.",
        response.get_data(as_text=True),
    )
    assert match, "the page says how long the address must wait"
    return int(match.group(1))


def account_wait_seconds(response) -> int:
    assert response.status_code == 429
    match = re.search(
        r"This account has had many failed sign-ins lately\. Wait (\d+) seconds?, then try"
        r" again\. On a device where you signed in before, there is no wait\.",
        response.get_data(as_text=True),
    )
    assert match, "the page says how long to wait, and that the owner's devices need not"
    return int(match.group(1))


def signs_in(response) -> bool:
    return response.status_code == 302 and response.headers["Location"] == "/dashboard"


def attack_from_many_addresses(site: Site, email=EMAIL, addresses=5, each=2) -> None:
    for n in range(addresses):
        fail(site.client(f"198.51.100.{n + 1}"), each, email)


# Per address


def test_an_address_waits_after_five_failures_even_with_the_right_password(site):
    UserFactory(email=EMAIL)
    attacker = site.client(ATTACKER)
    fail(attacker, 5)
    response = attempt(attacker, PASSWORD)
    assert address_wait_minutes(response) == 1
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert attacker.get("/dashboard").status_code == 302  # not signed in


def test_the_wait_doubles_with_each_further_failure(site):
    UserFactory(email=EMAIL)
    attacker = site.client(ATTACKER)
    fail(attacker, 5)
    for minutes in (1, 2, 4, 8):
        assert address_wait_minutes(attempt(attacker, WRONG)) == minutes
        site.age(minutes * 60 + 1)
        fail(attacker, 1)  # one attempt goes through after the wait
    assert address_wait_minutes(attempt(attacker, PASSWORD)) == 16


def test_the_wait_grows_to_an_hour_at_most(app):
    waits = [throttle.wait_after(n) for n in range(1, 16)]
    assert waits[:4] == [timedelta(0)] * 4
    assert waits[4:11] == [timedelta(minutes=m) for m in (1, 2, 4, 8, 16, 32, 60)]
    assert set(waits[11:]) == {timedelta(hours=1)}
    assert throttle.wait_after(10_000) == timedelta(hours=1)


def test_a_long_series_of_failures_waits_an_hour(site):
    UserFactory(email=EMAIL)
    attacker = site.client(ATTACKER)
    fail(attacker, 5)
    for minutes in (1, 2, 4, 8, 16, 32, 60, 60):
        site.age(minutes * 60 + 1)
        fail(attacker, 1)
    assert address_wait_minutes(attempt(attacker, WRONG)) == 60


def test_a_quiet_quarter_hour_after_the_wait_starts_the_count_afresh(site):
    UserFactory(email=EMAIL)
    attacker = site.client(ATTACKER)
    fail(attacker, 5)
    site.age(60 + 15 * 60 + 1)
    fail(attacker, 5)  # five again before a wait, as at first
    assert address_wait_minutes(attempt(attacker, PASSWORD)) == 1


def test_the_wait_holds_while_it_lasts(site):
    UserFactory(email=EMAIL)
    attacker = site.client(ATTACKER)
    fail(attacker, 5)
    site.age(50)
    assert address_wait_minutes(attempt(attacker, PASSWORD)) == 1
    site.age(11)
    assert signs_in(attempt(attacker, PASSWORD))


def test_the_owner_signs_in_from_another_address_while_the_attacker_waits(site):
    UserFactory(email=EMAIL)
    attacker = site.client(ATTACKER)
    fail(attacker, 5)
    address_wait_minutes(attempt(attacker, PASSWORD))
    assert signs_in(attempt(site.client(OWNER), PASSWORD))


def test_an_address_waits_whichever_accounts_it_tries(site):
    for n in range(6):
        UserFactory(email=f"person{n}@example.net")
    attacker = site.client(ATTACKER)
    for n in range(5):
        fail(attacker, 1, f"person{n}@example.net")
    assert address_wait_minutes(attempt(attacker, PASSWORD, "person5@example.net")) == 1


def test_unknown_accounts_count_like_real_ones(site):
    attacker = site.client(ATTACKER)
    fail(attacker, 5, "nobody@example.net")
    assert address_wait_minutes(attempt(attacker, PASSWORD, "nobody@example.net")) == 1


def test_an_ipv6_client_counts_by_its_network(site):
    UserFactory(email=EMAIL)
    for n in range(5):
        fail(site.client(f"2001:db8:1:2::{n + 1:x}"), 1)
    assert address_wait_minutes(attempt(site.client("2001:db8:1:2:ffff::9"), PASSWORD)) == 1
    assert signs_in(attempt(site.client("2001:db8:1:3::1"), PASSWORD))


def test_address_keys(app):
    assert throttle.address_key("203.0.113.9") == "203.0.113.9"
    assert throttle.address_key("::ffff:203.0.113.9") == "203.0.113.9"
    assert throttle.address_key("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64"
    assert throttle.address_key(None) == ""


def test_a_success_forgets_that_accounts_failures_from_that_address_only(site):
    UserFactory(email=EMAIL)
    UserFactory(email="bea@example.net")
    office = site.client(ATTACKER)
    fail(office, 2, "bea@example.net")
    fail(office, 2)
    assert signs_in(attempt(office, PASSWORD))
    office.post("/sign-out")
    fail(office, 3)  # with Bea's two: five (seven if Ana's first two still counted)
    assert address_wait_minutes(attempt(office, PASSWORD)) == 1


def test_signing_in_to_ones_own_account_does_not_wipe_the_failures(site):
    UserFactory(email=EMAIL)
    UserFactory(email="mallory@example.net")
    attacker = site.client(ATTACKER)
    fail(attacker, 4)
    assert signs_in(attempt(attacker, PASSWORD, "mallory@example.net"))
    attacker.post("/sign-out")
    fail(attacker, 1)
    assert address_wait_minutes(attempt(attacker, PASSWORD)) == 1


# Per account


def test_an_account_attacked_from_many_addresses_asks_a_new_device_to_wait(site):
    UserFactory(email=EMAIL)
    attack_from_many_addresses(site)
    response = attempt(site.client(OWNER), PASSWORD)
    assert 25 <= account_wait_seconds(response) <= 30
    assert 0 < int(response.headers["Retry-After"]) <= 30


def test_the_owners_known_device_signs_in_at_once(site):
    UserFactory(email=EMAIL)
    owner = site.client(OWNER)
    assert signs_in(attempt(owner, PASSWORD))
    owner.post("/sign-out")
    assert owner.get_cookie(COOKIE_NAME) is not None  # signing out keeps the device known
    attack_from_many_addresses(site)
    account_wait_seconds(attempt(site.client(OWNER), PASSWORD))  # another browser waits
    assert signs_in(attempt(owner, PASSWORD))


def test_the_known_device_is_still_held_by_the_address_rule(site):
    UserFactory(email=EMAIL)
    owner = site.client(OWNER)
    assert signs_in(attempt(owner, PASSWORD))
    owner.post("/sign-out")
    fail(owner, 5)
    address_wait_minutes(attempt(owner, PASSWORD))


def test_after_the_short_wait_a_correct_password_signs_in(site):
    UserFactory(email=EMAIL)
    attack_from_many_addresses(site)
    newcomer = site.client(OWNER)
    account_wait_seconds(attempt(newcomer, PASSWORD))
    site.age(31)
    assert signs_in(attempt(newcomer, PASSWORD))


def test_after_the_short_wait_one_attempt_goes_through(site):
    UserFactory(email=EMAIL)
    attack_from_many_addresses(site)
    site.age(31)
    fail(site.client(ELSEWHERE), 1)
    account_wait_seconds(attempt(site.client(OWNER), PASSWORD))


def test_the_account_rule_needs_three_addresses(site):
    UserFactory(email=EMAIL)
    attack_from_many_addresses(site, addresses=2, each=5)
    assert signs_in(attempt(site.client(OWNER), PASSWORD))


def test_the_account_rule_needs_ten_failures(site):
    UserFactory(email=EMAIL)
    attack_from_many_addresses(site, addresses=3, each=3)
    assert signs_in(attempt(site.client(OWNER), PASSWORD))


def test_the_account_rule_forgets_after_the_window(site):
    UserFactory(email=EMAIL)
    attack_from_many_addresses(site)
    site.age(15 * 60 + 1)
    fail(site.client(ELSEWHERE), 1)
    assert signs_in(attempt(site.client(OWNER), PASSWORD))


def test_unknown_accounts_ask_the_same_wait(site):
    attack_from_many_addresses(site, email="nobody@example.net")
    account_wait_seconds(attempt(site.client(OWNER), PASSWORD, "nobody@example.net"))


def test_another_users_or_a_forged_device_cookie_is_not_known(site):
    UserFactory(email=EMAIL)
    UserFactory(email="bea@example.net")
    bea = site.client(OWNER)
    assert signs_in(attempt(bea, PASSWORD, "bea@example.net"))
    bea.post("/sign-out")
    forged = site.client(OWNER)
    forged.set_cookie(COOKIE_NAME, bea.get_cookie(COOKIE_NAME).value[:-2] + "xx")
    attack_from_many_addresses(site)
    account_wait_seconds(attempt(bea, PASSWORD))
    account_wait_seconds(attempt(forged, PASSWORD))


def test_the_device_cookie_is_signed_http_only_lax_and_long_lived(client):
    user = UserFactory(email=EMAIL)
    response = attempt(client, PASSWORD)
    header = next(
        h for h in response.headers.getlist("Set-Cookie") if h.startswith(f"{COOKIE_NAME}=")
    )
    attributes = [part.strip().lower() for part in header.split(";")]
    assert "httponly" in attributes
    assert "samesite=lax" in attributes
    assert "max-age=31536000" in attributes
    value = client.get_cookie(COOKIE_NAME).value
    assert value != str(user.id)
    assert "." in value


# Both rules, across workers, and the records


def test_refusals_are_logged(site, caplog):
    UserFactory(email=EMAIL)
    attacker = site.client(ATTACKER)
    fail(attacker, 5)
    with caplog.at_level(logging.WARNING, logger="tracker.auth"):
        attempt(attacker, PASSWORD)
    assert f"sign-in refused for {EMAIL} from {ATTACKER}: throttled (address" in caplog.text


def test_the_throttle_holds_in_every_worker(site, database_dir):
    UserFactory(email=EMAIL)
    fail(site.client(ATTACKER), 5)
    redis_url = REDIS_URL if site.store == "redis" else ""
    with worker(database_dir, REDIS_URL=redis_url) as other:
        other_client = other.test_client()
        other_client.environ_base["REMOTE_ADDR"] = ATTACKER
        address_wait_minutes(attempt(other_client, PASSWORD))


def test_the_redis_store_keeps_nothing_in_the_database(app, monkeypatch):
    with redis_store(app, monkeypatch) as redis_db:
        UserFactory(email=EMAIL)
        fail(Site(app, "redis", redis_db).client(ATTACKER), 5)
        assert db.session.scalars(select(SignInFailure)).all() == []
        keys = sorted(redis_db.keys("tracker:sign-in:*"))
        assert keys == [
            f"tracker:sign-in:account:{EMAIL}",
            f"tracker:sign-in:address:{ATTACKER}",
        ]
        assert 0 < redis_db.ttl(keys[0]) <= 15 * 60
        assert 0 < redis_db.ttl(keys[1]) <= 24 * 3600


def test_failures_are_kept_with_their_address_and_old_ones_pruned(client):
    db.session.add(
        SignInFailure(
            email="old@example.net", address=ELSEWHERE, failed_at=real_utcnow() - timedelta(days=2)
        )
    )
    client.environ_base["REMOTE_ADDR"] = ATTACKER
    fail(client, 1)
    rows = db.session.execute(select(SignInFailure.email, SignInFailure.address)).all()
    assert rows == [(EMAIL, ATTACKER)]


# Behind proxies


def test_a_forwarded_for_header_is_ignored_unless_proxies_are_declared(site):
    UserFactory(email=EMAIL)
    attacker = site.client(ATTACKER)
    for n in range(5):
        response = attacker.post(
            "/sign-in",
            data={"email": EMAIL, "password": WRONG},
            headers={"X-Forwarded-For": f"10.9.9.{n}"},
        )
        assert response.status_code == 401
    address_wait_minutes(attempt(attacker, PASSWORD))


@pytest.fixture
def behind_proxy(app):
    """The app as created behind one proxy (PROXY_COUNT=1), on the suite's database."""
    other = create_app(make_config(app.config["SQLALCHEMY_DATABASE_URI"], PROXY_COUNT=1))
    other.test_client_class = IsolatedClient
    yield other
    with other.app_context():
        db.engine.dispose()


def test_behind_a_proxy_each_client_counts_by_its_forwarded_address(behind_proxy):
    UserFactory(email=EMAIL)

    def through_proxy(client_address, password, forged=None):
        forwarded = f"{forged}, {client_address}" if forged else client_address
        client = behind_proxy.test_client()
        client.environ_base["REMOTE_ADDR"] = "10.0.0.2"
        return client.post(
            "/sign-in",
            data={"email": EMAIL, "password": password},
            headers={"X-Forwarded-For": forwarded},
        )

    for n in range(5):
        # The attacker forges its own header; the proxy appends the real address.
        assert through_proxy(ATTACKER, WRONG, forged=f"10.9.9.{n}").status_code == 401
    address_wait_minutes(through_proxy(ATTACKER, PASSWORD))
    assert signs_in(through_proxy(OWNER, PASSWORD))


def test_the_stores_answer_alike(site):
    """The same failures give the same waits in either store."""
    with site.app.test_request_context():
        for n in range(3):
            for _ in range(4):
                throttle.record_failure(EMAIL, f"198.51.100.{n}")
        refusal = throttle.sign_in_refusal(EMAIL, "192.0.2.1", known_device=False)
        assert refusal is not None
        assert refusal.rule == "account"
        assert throttle.sign_in_refusal(EMAIL, "192.0.2.1", known_device=True) is None
        throttle.record_failure("bea@example.net", "198.51.100.0")
        refusal = throttle.sign_in_refusal("bea@example.net", "198.51.100.0", known_device=True)
        assert refusal is not None
        assert refusal.rule == "address"
        assert 55 < refusal.retry_after.total_seconds() <= 60
        throttle.clear_failures(EMAIL, "198.51.100.0")
        db.session.commit()
        assert throttle.sign_in_refusal("x@example.net", "198.51.100.0", False) is None
