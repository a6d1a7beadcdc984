"""Names for generated people, organisations, meetings and drafts (names.toml)."""

import unicodedata

from tracker.data.files import read_toml

_NAMES = read_toml(__package__, "names.toml")

FIRST_NAMES: tuple[str, ...] = tuple(_NAMES["first_names"])
LAST_NAMES: tuple[str, ...] = tuple(_NAMES["last_names"])
# Each as (English, French, Spanish).
ORGANIZATION_STEMS = tuple(tuple(stem) for stem in _NAMES["organization_stems"])
ORGANIZATION_FOCUS = tuple(tuple(focus) for focus in _NAMES["organization_focus"])
REGIONS: tuple[str, ...] = tuple(_NAMES["regions"])
ORGANIZATION_KINDS: tuple[str, ...] = tuple(_NAMES["organization_kinds"])
# Later meetings the benchmark adds after the Puerto Vallarta demo (their slugs mark bench data).
MEETINGS: tuple[dict, ...] = tuple(_NAMES["meetings"])
# Later versions of the negotiated text the benchmark adds to the demo's zero draft and final text.
DRAFTS: tuple[dict, ...] = tuple(_NAMES["drafts"])


def ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())
