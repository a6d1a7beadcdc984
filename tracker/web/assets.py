"""Static files for a weak venue network: hashed names, precompressed, cached for good.

`python -m tracker.web.assets` (run by `make install`) writes beside each file of static/ a
copy under its content's hash (`app-<md5>.css`, Flask-Static-Digest) with gzip and Brotli
versions of both, and the manifest that maps the plain names to the hashed ones. Templates
link `static_url_for('static', filename=...)`, which reads that manifest; without it (a
checkout where nothing was built yet) they link the plain names and everything still works.

WhiteNoise serves the files in front of the app: the Brotli or gzip version when the browser
accepts it (`Content-Encoding`, `Vary: Accept-Encoding`), and a hashed name with a far-future
`Cache-Control: immutable`, since a changed file gets a new name.
"""

import re
import sys
from pathlib import Path

from flask import Flask
from flask_static_digest import FlaskStaticDigest
from flask_static_digest.digester import clean, compile
from whitenoise import WhiteNoise

STATIC_DIR = Path(__file__).resolve().parent.parent.parent / "static"
HASHED_NAME = re.compile(r"-[0-9a-f]{32}\.[^/]+$")
# Files under a plain name may change with the next release: browsers ask again after this.
PLAIN_MAX_AGE = 60 * 60

static_digest = FlaskStaticDigest()


def build(static_dir: Path = STATIC_DIR) -> None:
    """Hash and compress every file of `static_dir` in place (the previous build removed)."""
    folder = f"{static_dir}/"
    clean(folder, [], gzip_files=True, brotli_files=True)
    compile(folder, folder, [], gzip_files=True, brotli_files=True)


def is_hashed(path: str, url: str) -> bool:
    """WhiteNoise's test for a file that never changes under its name."""
    return HASHED_NAME.search(url) is not None


def register(app: Flask, add_headers) -> None:
    """Link hashed names in templates; serve static/ through WhiteNoise."""
    static_digest.init_app(app)
    app.wsgi_app = WhiteNoise(  # type: ignore[method-assign]
        app.wsgi_app,
        root=str(app.static_folder),
        prefix=str(app.static_url_path),
        max_age=PLAIN_MAX_AGE,
        autorefresh=app.debug,
        immutable_file_test=is_hashed,
        add_headers_function=add_headers,
    )


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else STATIC_DIR)
