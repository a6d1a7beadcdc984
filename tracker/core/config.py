"""Configuration read from the environment."""

import os
from datetime import timedelta
from pathlib import Path

INSTANCE_DIR = Path(__file__).resolve().parent.parent / "instance"
WEAK_SECRET_KEYS = {"", "dev", "secret", "changeme", "change-me", "development"}


class ConfigError(RuntimeError):
    """The environment does not describe a safe configuration."""


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgres://")
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url or f"sqlite:///{INSTANCE_DIR / 'tracker.db'}"


def _bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    SQLALCHEMY_DATABASE_URI = _database_url()
    REDIS_URL = os.environ.get("REDIS_URL", "")
    # Requests a personal API token may make (Flask-Limiter's notation).
    API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "300 per minute")
    # Where people reach the app; links in mail sent from the command line start with it.
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:5000")
    TRACKER_TODAY = os.environ.get("TRACKER_TODAY", "")

    # Sessions and cookies
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _bool("SECURE_COOKIES")
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = _bool("SECURE_COOKIES")
    REMEMBER_COOKIE_DURATION = timedelta(days=14)
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    PREFERRED_URL_SCHEME = "https" if _bool("SECURE_COOKIES") else "http"

    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session

    BOOTSTRAP_SERVE_LOCAL = True
    # The folder of static files (hashed and compressed by `make install`): the repository's
    # static/ unless set.
    STATIC_FOLDER = os.environ.get("STATIC_FOLDER", "")
    BABEL_DEFAULT_LOCALE = "en"
    LANGUAGES = ("en", "fr", "es")

    # Argon2id cost (OWASP: m=19 MiB, t=2, p=1 at least)
    ARGON2_TIME_COST = 2
    ARGON2_MEMORY_COST = 19 * 1024
    INVITATION_DAYS = 7

    # How many proxies in front of the app (load balancer, reverse proxy) append the client's
    # address to X-Forwarded-For. 0: the address is the connection's (clients reach gunicorn
    # directly). The sign-in and password-reset throttles count by this address.
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
    # Sign-in throttle (README, Security). Failures count over this window...
    SIGN_IN_WINDOW_MINUTES = 15
    # ...per address: after this many, the address waits, twice as long after each new one.
    SIGN_IN_ADDRESS_FAILURES = 5
    SIGN_IN_ADDRESS_FIRST_WAIT_SECONDS = 60
    SIGN_IN_ADDRESS_MAX_WAIT_MINUTES = 60
    # ...per account: this many failures from this many addresses ask for a short wait
    # between attempts, except from a device where the owner signed in before.
    SIGN_IN_ACCOUNT_FAILURES = 10
    SIGN_IN_ACCOUNT_ADDRESSES = 3
    SIGN_IN_ACCOUNT_WAIT_SECONDS = 30
    # The "device" cookie that marks a browser where someone signed in.
    KNOWN_DEVICE_DAYS = 365

    # Password reset: the link works once, for this long; at most so many mails per email
    # and requests per address in an hour.
    PASSWORD_RESET_MINUTES = 60
    PASSWORD_RESET_MAILS_PER_EMAIL = 3
    PASSWORD_RESET_REQUESTS_PER_ADDRESS = 10

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_USE_TLS = _bool("MAIL_USE_TLS", True)
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "tracker@localhost")

    # The render cache (Flask-Caching): Redis when REDIS_URL is set, so every worker and
    # machine shares it; else each worker's memory ("SimpleCache"). CACHE_TYPE=NullCache
    # turns it off, FileSystemCache (with CACHE_DIR) shares it between one machine's workers.
    CACHE_TYPE = os.environ.get("CACHE_TYPE") or ("RedisCache" if REDIS_URL else "SimpleCache")
    CACHE_REDIS_URL = REDIS_URL
    CACHE_DIR = os.environ.get("CACHE_DIR", "")
    CACHE_KEY_PREFIX = "tracker:page:"
    # Old versions' pages are never read again: let them go after a quarter of an hour.
    CACHE_DEFAULT_TIMEOUT = 900
    CACHE_THRESHOLD = 300  # pages kept per worker by the memory and file caches

    PAGE_SIZE = 25
    SHOW_QUERY_COUNT = _bool("SHOW_QUERY_COUNT")

    @classmethod
    def check(cls, config: dict) -> None:
        key = config.get("SECRET_KEY") or ""
        if key.lower() in WEAK_SECRET_KEYS or len(key) < 32:
            raise ConfigError(
                "SECRET_KEY must be set to a random string of at least 32 characters "
                "(python -c 'import secrets; print(secrets.token_urlsafe(48))')."
            )


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret-key-that-is-long-enough-for-the-check"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    ARGON2_TIME_COST = 1
    ARGON2_MEMORY_COST = 1024
    REDIS_URL = ""
    CACHE_TYPE = "SimpleCache"
    TRACKER_TODAY = "2018-03-20"
    # Tests post forms directly; the CSRF tests and the browser tests turn it back on.
    WTF_CSRF_ENABLED = False
