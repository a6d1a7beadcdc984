"""The Redis connection shared by workers, when REDIS_URL is configured."""

from flask import current_app
from redis import Redis


def redis_client() -> Redis | None:
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    client = current_app.extensions.get("tracker_redis")
    if client is None:
        client = Redis.from_url(url, socket_timeout=2, decode_responses=True)
        current_app.extensions["tracker_redis"] = client
    return client
