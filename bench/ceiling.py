"""The benchmark's ceiling: a bare Flask route on the same gunicorn setup as the app."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def fixed_string() -> str:
    return "ceiling"
