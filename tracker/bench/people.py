"""Names for generated people, organisations and meetings."""

import unicodedata
from datetime import date

FIRST_NAMES = (
    "Amina", "Carlos", "Fatou", "Li", "Maria", "Jean", "Priya", "Ahmed", "Sofía", "Olga",
    "Kwame", "Nadia", "José", "Mei", "Hélène", "Tomás", "Aisha", "Rahul", "Lucía", "Yusuf",
    "Chiara", "Emeka", "Isabel", "Hamid", "Ngozi", "Pierre", "Rosa", "Tenzin", "Valentina", "Omar",
)  # fmt: skip
LAST_NAMES = (
    "Diallo", "García", "Nguyen", "Okafor", "Haddad", "Martin", "Sharma", "López", "Mensah",
    "Kowalski", "Dubois", "Fernández", "Rahman", "Santos", "Chen", "Mbeki", "Rossi", "Hernández",
    "Abebe", "Moreau", "Castillo", "Said", "Perera", "Ortiz", "Traoré", "Silva", "Kim", "Bakr",
)  # fmt: skip
ORGANIZATION_STEMS = (
    ("Network", "Réseau", "Red"),
    ("Alliance", "Alliance", "Alianza"),
    ("Forum", "Forum", "Foro"),
    ("Coalition", "Coalition", "Coalición"),
    ("Centre", "Centre", "Centro"),
    ("Platform", "Plateforme", "Plataforma"),
)
ORGANIZATION_FOCUS = (
    (
        "for Migrant Rights",
        "pour les droits des migrants",
        "por los Derechos de las Personas Migrantes",
    ),
    ("of Domestic Workers", "des travailleuses domestiques", "de Trabajadoras del Hogar"),
    (
        "on Refugee Protection",
        "pour la protection des réfugiés",
        "para la Protección de Refugiados",
    ),
    (
        "of Diaspora Associations",
        "des associations de la diaspora",
        "de Asociaciones de la Diáspora",
    ),
    ("for Fair Recruitment", "pour le recrutement équitable", "por la Contratación Equitativa"),
    ("on Climate and Mobility", "climat et mobilité", "sobre Clima y Movilidad"),
)
REGIONS = (
    "Africa",
    "Asia-Pacific",
    "Europe",
    "Latin America and the Caribbean",
    "Middle East and North Africa",
    "North America",
    "Global",
)
ORGANIZATION_KINDS = (
    "ngo", "network", "union", "faith_based", "diaspora", "migrant_association", "research",
)  # fmt: skip

# Later meetings the benchmark adds after the Puerto Vallarta demo (their slugs mark bench data).
MEETINGS = (
    {
        "slug": "consultation-bangkok-2018",
        "title": "Asia-Pacific civil society consultation on the Global Compact",
        "city": "Bangkok",
        "country": "Thailand",
        "starts_on": date(2018, 1, 22),
    },
    {
        "slug": "consultation-dakar-2018",
        "title": "Consultation africaine de la société civile sur le Pacte mondial",
        "city": "Dakar",
        "country": "Senegal",
        "starts_on": date(2018, 2, 12),
    },
    {
        "slug": "consultation-mexico-2018",
        "title": "Consulta regional de la sociedad civil sobre el Pacto Mundial",
        "city": "Mexico City",
        "country": "Mexico",
        "starts_on": date(2018, 3, 5),
    },
)


def ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())
