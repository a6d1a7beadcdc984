"""gunicorn settings for `make serve` and `make bench`; each can be set from the environment.

Sync workers, one request at a time each: the app holds at most one database connection per
worker, so machines x workers stays well under PostgreSQL's max_connections. Under the venue
rush they kept a shorter tail than threaded workers (GUNICORN_THREADS=4), with no timeout:
docs/deployment.md has the figures and the settings for 2 and 8 cores and for several machines.
"""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# gunicorn's advice, 2 x cores + 1, capped: beyond that a worker only queues for the database.
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 12)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Each worker imports the app itself: no connection or socket is shared across a fork.
preload_app = False
# Recycle workers now and then, jittered so they never all restart together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind a load balancer or proxy that sets X-Forwarded-Proto; list its addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
