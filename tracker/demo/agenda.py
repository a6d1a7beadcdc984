"""Demo data: the Puerto Vallarta civil society stocktaking meeting (December 2017).

Plain data only. Summaries and purposes are written in the tracker's own words;
names, titles and times follow the public draft agenda of 30 November 2017.
Sign-on dates for organisations are illustrative, not historical records.
"""

from datetime import date, time

# ---------------------------------------------------------------------------
# The TEN ACTS ("Now and How: TEN ACTS for the Global Compact", October 2017)
# ---------------------------------------------------------------------------

ACTS = [
    {
        "number": 1,
        "title": "Drivers of human mobility",
        "summary": (
            "Address the poverty, conflict, inequality and environmental pressures "
            "that force people to move, so that migration becomes a choice rather "
            "than a necessity."
        ),
    },
    {
        "number": 2,
        "title": "Safe pathways for human mobility",
        "summary": (
            "Expand regular and accessible routes for people to move, so that fewer "
            "are pushed onto dangerous and irregular journeys."
        ),
    },
    {
        "number": 3,
        "title": "Protection",
        "summary": (
            "Safeguard the rights, safety and dignity of every migrant regardless of "
            "status, with particular care for children and people in vulnerable "
            "situations."
        ),
    },
    {
        "number": 4,
        "title": "Decent work and labour rights",
        "summary": (
            "Guarantee fair recruitment, equal treatment and the right to organise "
            "for migrant workers, and hold abusive employers and recruiters to account."
        ),
    },
    {
        "number": 5,
        "title": "Decent living conditions and access to justice",
        "summary": (
            "Make sure migrants can use health care, housing, social protection and "
            "the courts without fear of losing their status or being reported."
        ),
    },
    {
        "number": 6,
        "title": "Education and skills",
        "summary": (
            "Open schooling and training to migrants of all ages and recognise the "
            "qualifications and skills people bring across borders."
        ),
    },
    {
        "number": 7,
        "title": "Inclusion and anti-discrimination",
        "summary": (
            "Confront racism and xenophobia and support migrants' full participation "
            "and sense of belonging in the communities where they live."
        ),
    },
    {
        "number": 8,
        "title": "Transnational and sustainable development",
        "summary": (
            "Treat migrants and diaspora communities as development actors in their "
            "own right and connect migration policy to the 2030 Agenda."
        ),
    },
    {
        "number": 9,
        "title": "Return and reintegration",
        "summary": (
            "Where people go back, make the return safe and dignified, respect "
            "non-refoulement, and support lasting reintegration."
        ),
    },
    {
        "number": 10,
        "title": "Governance, implementation and monitoring",
        "summary": (
            "Build rights-based governance with concrete implementation steps, "
            "measurable follow-up, and a real seat for civil society and migrants "
            "in review."
        ),
    },
]

# ---------------------------------------------------------------------------
# The meeting
# ---------------------------------------------------------------------------

DAY_1 = date(2017, 12, 2)
DAY_2 = date(2017, 12, 3)

VENUE_MAIN = "Holiday Inn Express, Puerto Vallarta"
VENUE_BADGES = "UN Registration Centre, Westin hotel, Marina Vallarta"
VENUE_EVENING = "Marriott Hotel, Marina Vallarta"

PLENARY_LANGUAGES = ["en", "fr", "es"]

MEETING = {
    "slug": "puerto-vallarta-2017",
    "title": "Civil Society Stocktaking and Strategy Meeting",
    "city": "Puerto Vallarta",
    "country": "Mexico",
    "timezone": "America/Mexico_City",
    "starts_on": DAY_1,
    "ends_on": DAY_2,
    "summary": (
        "Two days for civil society to gather what regional and global "
        "consultations have recommended for the Global Compact on Migration, and "
        "to agree how to carry those messages to governments: on day 2 itself, at "
        "the governments' stocktaking meeting of 4-6 December, through the zero "
        "draft and negotiations, and on to adoption in 2018. Day 1 is for "
        "stocktaking and strategy among civil society; day 2 brings governments "
        "and UN agencies in for the morning before closing with civil society only."
    ),
    "moderators": [
        {
            "name": "Ignacio Packer",
            "organization": "International Council of Voluntary Agencies",
        },
        {
            "name": "Roula Hamati",
            "organization": "The Cross Regional Center for Refugees and Migrants",
        },
    ],
}

# ---------------------------------------------------------------------------
# Organisations named in the agenda
# (signed_on: illustrative TEN ACTS sign-on dates; None for IOM, UN offices
# and governments, which do not sign civil society documents)
# ---------------------------------------------------------------------------

ORGANIZATIONS = [
    {
        "name": "International Council of Voluntary Agencies",
        "acronym": "ICVA",
        "region": "Global",
        "kind": "network",
        "signed_on": date(2017, 10, 12),
    },
    {
        "name": "The Cross Regional Center for Refugees and Migrants",
        "acronym": "CRCRM",
        "region": "Middle East and North Africa",
        "kind": "ngo",
        "signed_on": date(2017, 10, 16),
    },
    {
        "name": "Deportados Unidos en la Lucha",
        "acronym": "",
        "region": "Latin America and the Caribbean",
        "kind": "migrant_association",
        "signed_on": date(2017, 10, 24),
    },
    {
        "name": "International Organization for Migration",
        "acronym": "IOM",
        "region": "Global",
        "kind": "un_agency",
        "signed_on": None,
    },
    {
        "name": "Gozour",
        "acronym": "",
        "region": "Middle East and North Africa",
        "kind": "ngo",
        "signed_on": date(2017, 10, 30),
    },
    {
        "name": "Platform for International Cooperation on Undocumented Migrants",
        "acronym": "PICUM",
        "region": "Europe",
        "kind": "network",
        "signed_on": date(2017, 10, 11),
    },
    {
        "name": "National Network for Immigrant and Refugee Rights",
        "acronym": "NNIRR",
        "region": "North America",
        "kind": "network",
        "signed_on": date(2017, 10, 13),
    },
    {
        "name": "Pacific Women's Network",
        "acronym": "",
        "region": "Pacific",
        "kind": "network",
        "signed_on": date(2017, 11, 6),
    },
    {
        "name": "Migrant Forum in Asia",
        "acronym": "MFA",
        "region": "Asia",
        "kind": "network",
        "signed_on": date(2017, 10, 10),
    },
    {
        "name": "Instituto para las Mujeres en la Migración",
        "acronym": "IMUMU",
        "region": "Latin America and the Caribbean",
        "kind": "ngo",
        "signed_on": date(2017, 10, 19),
    },
    {
        "name": "Save the Children UK",
        "acronym": "",
        "region": "Europe",
        "kind": "ngo",
        "signed_on": date(2017, 10, 18),
    },
    {
        "name": "ACT Alliance",
        "acronym": "ACT",
        "region": "Global",
        "kind": "faith_based",
        "signed_on": date(2017, 10, 17),
    },
    {
        "name": "Solidarity Center",
        "acronym": "",
        "region": "Global",
        "kind": "union",
        "signed_on": date(2017, 10, 20),
    },
    {
        "name": "International Catholic Migration Commission",
        "acronym": "ICMC",
        "region": "Global",
        "kind": "faith_based",
        "signed_on": date(2017, 10, 10),
    },
    {
        "name": "Institut de Recherche et de Promotion des Alternatives de Développement en Afrique",
        "acronym": "IRPAD Afrique",
        "region": "Africa",
        "kind": "research",
        "signed_on": date(2017, 11, 2),
    },
    {
        "name": "Africa-Europe Diaspora Development Platform",
        "acronym": "ADEPT",
        "region": "Europe",
        "kind": "diaspora",
        "signed_on": date(2017, 10, 26),
    },
    {
        "name": "Global Coalition on Migration",
        "acronym": "GCM",
        "region": "Global",
        "kind": "network",
        "signed_on": date(2017, 10, 11),
    },
    {
        "name": "Bloque Latinoamericano sobre Migración",
        "acronym": "",
        "region": "Latin America and the Caribbean",
        "kind": "network",
        "signed_on": date(2017, 11, 9),
    },
    {
        "name": "Office of the SRSG for International Migration",
        "acronym": "SRSG",
        "region": "Global",
        "kind": "un_agency",
        "signed_on": None,
    },
    {
        "name": "Government of Mexico",
        "acronym": "",
        "region": "Latin America and the Caribbean",
        "kind": "government",
        "signed_on": None,
    },
    {
        "name": "Government of Switzerland",
        "acronym": "",
        "region": "Europe",
        "kind": "government",
        "signed_on": None,
    },
    {
        # Funder of the project named on the agenda; closest available kind.
        "name": "European Union",
        "acronym": "EU",
        "region": "Europe",
        "kind": "government",
        "signed_on": None,
    },
]

# ---------------------------------------------------------------------------
# Sessions, in agenda order
# ---------------------------------------------------------------------------
# Audience: day 1 is civil society only throughout. On day 2 registration, the
# opening plenary, the ten small tables and the lunch are open to governments
# and UN agencies; from Mobilizing Plenary II on it is civil society only again.
# The closing reception is hosted by IOM and is therefore marked "open".
# Languages: FR-ES-EN interpretation is given for every session held in
# plenary (plenaries, panels, keynote); none for group sessions, small tables,
# breaks and social events.

MODERATORS = [
    {
        "name": "Ignacio Packer",
        "organization": "International Council of Voluntary Agencies",
        "role": "moderator",
        "tbc": False,
    },
    {
        "name": "Roula Hamati",
        "organization": "The Cross Regional Center for Refugees and Migrants",
        "role": "moderator",
        "tbc": False,
    },
]

GROUP_PURPOSE = (
    "Rather than reopening or redrafting the TEN ACTS, identify the priorities "
    "and key messages under this Act that participants most share, ready to be "
    "taken to governments."
)

SMALL_TABLE_PURPOSE = (
    "Conversation between civil society and participating governments around "
    "this Act, building on the messages from the day 1 group sessions; coffee "
    "and tea served in the room."
)

SESSIONS = [
    # ----- Day 1: Saturday 2 December 2017 — stocktaking and strategy -----
    {
        "key": "d1-registration",
        "day": DAY_1,
        "start": time(7, 30),
        "end": time(8, 15),
        "kind": "registration",
        "title": "Registration and coffee",
        "purpose": "",
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [],
        "speakers": [],
    },
    {
        "key": "d1-opening-plenary",
        "day": DAY_1,
        "start": time(8, 30),
        "end": time(9, 50),
        "kind": "plenary",
        "title": (
            "Welcome and opening plenary: focus and purpose of civil society "
            "action towards adoption of the Global Compact"
        ),
        "purpose": (
            "Moderators welcome participants; an opening debate sets out what "
            "civil society wants to achieve on the way to adoption, followed by "
            "questions from the floor."
        ),
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": PLENARY_LANGUAGES,
        "acts": [],
        "speakers": MODERATORS
        + [
            {
                "name": "Ana Laura Lopez Betanzo",
                "organization": "Deportados Unidos en la Lucha",
                "role": "speaker",
                "tbc": False,
            },
            {
                "name": "Michele Klein Solomon",
                "organization": "International Organization for Migration",
                "role": "speaker",
                "tbc": False,
            },
        ],
    },
    {
        "key": "d1-panel-regional",
        "day": DAY_1,
        "start": time(9, 50),
        "end": time(11, 0),
        "kind": "panel",
        "title": "Stocktaking and strategy, Panel I: regional action",
        "purpose": (
            "One voice per region reports what its consultations produced and "
            "where regional advocacy is heading; discussion with the floor."
        ),
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": PLENARY_LANGUAGES,
        "acts": [],
        "speakers": MODERATORS
        + [
            {
                "name": "Injy Salem",
                "organization": "Gozour",
                "role": "speaker",
                "tbc": False,
            },
            {
                "name": "Michele Levoy",
                "organization": "Platform for International Cooperation on Undocumented Migrants",
                "role": "speaker",
                "tbc": False,
            },
            {
                "name": "Catherine Tactaquin",
                "organization": "National Network for Immigrant and Refugee Rights",
                "role": "speaker",
                "tbc": False,
            },
            {
                "name": "Pefi Kingi",
                "organization": "Pacific Women's Network",
                "role": "speaker",
                "tbc": False,
            },
            {
                "name": "To be confirmed",
                "organization": "",
                "role": "speaker",
                "tbc": True,
            },
            {
                "name": "William Gois",
                "organization": "Migrant Forum in Asia",
                "role": "speaker",
                "tbc": False,
            },
            {
                "name": "Berenice Valdez Rivera",
                "organization": "Instituto para las Mujeres en la Migración",
                "role": "speaker",
                "tbc": True,
            },
        ],
    },
    {
        "key": "d1-coffee-break",
        "day": DAY_1,
        "start": time(11, 0),
        "end": time(11, 15),
        "kind": "break",
        "title": "Coffee break",
        "purpose": "",
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [],
        "speakers": [],
    },
    {
        "key": "d1-panel-global-thematic",
        "day": DAY_1,
        "start": time(11, 15),
        "end": time(12, 15),
        "kind": "panel",
        "title": "Stocktaking and strategy, Panel II: global and thematic action",
        "purpose": (
            "Global and thematic networks share their priorities and plans; "
            "discussion with the floor."
        ),
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": PLENARY_LANGUAGES,
        "acts": [],
        "speakers": MODERATORS
        + [
            {
                "name": "Daniela Reale",
                "organization": "Save the Children UK",
                "role": "speaker",
                "tbc": False,
            },
            {
                "name": "Christian Wolff",
                "organization": "ACT Alliance",
                "role": "speaker",
                "tbc": False,
            },
            {
                "name": "Neha Misra",
                "organization": "Solidarity Center",
                "role": "speaker",
                "tbc": False,
            },
        ],
    },
    {
        "key": "d1-keynote-ten-acts",
        "day": DAY_1,
        "start": time(12, 15),
        "end": time(12, 50),
        "kind": "keynote",
        "title": (
            "Bridging keynote: TEN ACTS for the Global Compact, a civil society "
            "vision towards and beyond the GCM"
        ),
        "purpose": (
            "Introduce the TEN ACTS sign-on document (about 195 signatories so "
            "far), its timeline and its vision for now, 2020 and 2030; link the "
            "afternoon group sessions without steering them; and frame the small "
            "tables with governments on day 2."
        ),
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": PLENARY_LANGUAGES,
        "acts": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        "speakers": MODERATORS
        + [
            {
                "name": "Sophie van Haasen",
                "organization": "International Catholic Migration Commission",
                "role": "speaker",
                "tbc": False,
            },
        ],
    },
    {
        "key": "d1-lunch",
        "day": DAY_1,
        "start": time(12, 50),
        "end": time(14, 0),
        "kind": "break",
        "title": "Lunch",
        "purpose": "",
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [],
        "speakers": [],
    },
    {
        "key": "d1-group-act-01",
        "day": DAY_1,
        "start": time(14, 0),
        "end": time(15, 25),
        "kind": "group_session",
        "title": "Group session: ACT 1 — Drivers of human mobility",
        "purpose": GROUP_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [1],
        "speakers": [],
    },
    {
        "key": "d1-group-act-02",
        "day": DAY_1,
        "start": time(14, 0),
        "end": time(15, 25),
        "kind": "group_session",
        "title": "Group session: ACT 2 — Safe pathways for human mobility",
        "purpose": GROUP_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [2],
        "speakers": [],
    },
    {
        "key": "d1-group-act-03",
        "day": DAY_1,
        "start": time(14, 0),
        "end": time(15, 25),
        "kind": "group_session",
        "title": "Group session: ACT 3 — Protection",
        "purpose": GROUP_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [3],
        "speakers": [],
    },
    {
        "key": "d1-group-act-04",
        "day": DAY_1,
        "start": time(14, 0),
        "end": time(15, 25),
        "kind": "group_session",
        "title": "Group session: ACT 4 — Decent work and labour rights",
        "purpose": GROUP_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [4],
        "speakers": [],
    },
    {
        "key": "d1-group-act-05",
        "day": DAY_1,
        "start": time(14, 0),
        "end": time(15, 25),
        "kind": "group_session",
        "title": "Group session: ACT 5 — Decent living conditions and access to justice",
        "purpose": GROUP_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [5],
        "speakers": [],
    },
    {
        # Not listed on the agenda: the 10-minute gap between the two rounds.
        "key": "d1-group-changeover",
        "day": DAY_1,
        "start": time(15, 25),
        "end": time(15, 35),
        "kind": "break",
        "title": "Short break between group sessions",
        "purpose": "",
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [],
        "speakers": [],
    },
    {
        "key": "d1-group-act-06",
        "day": DAY_1,
        "start": time(15, 35),
        "end": time(17, 0),
        "kind": "group_session",
        "title": "Group session: ACT 6 — Education and skills",
        "purpose": GROUP_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [6],
        "speakers": [],
    },
    {
        "key": "d1-group-act-07",
        "day": DAY_1,
        "start": time(15, 35),
        "end": time(17, 0),
        "kind": "group_session",
        "title": "Group session: ACT 7 — Inclusion and anti-discrimination",
        "purpose": GROUP_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [7],
        "speakers": [],
    },
    {
        "key": "d1-group-act-08",
        "day": DAY_1,
        "start": time(15, 35),
        "end": time(17, 0),
        "kind": "group_session",
        "title": "Group session: ACT 8 — Transnational and sustainable development",
        "purpose": GROUP_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [8],
        "speakers": [],
    },
    {
        "key": "d1-group-act-09",
        "day": DAY_1,
        "start": time(15, 35),
        "end": time(17, 0),
        "kind": "group_session",
        "title": "Group session: ACT 9 — Return and reintegration",
        "purpose": GROUP_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [9],
        "speakers": [],
    },
    {
        "key": "d1-group-act-10",
        "day": DAY_1,
        "start": time(15, 35),
        "end": time(17, 0),
        "kind": "group_session",
        "title": "Group session: ACT 10 — Governance, implementation and monitoring",
        "purpose": GROUP_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": [],
        "acts": [10],
        "speakers": [],
    },
    {
        "key": "d1-mobilizing-plenary-1",
        "day": DAY_1,
        "start": time(17, 0),
        "end": time(18, 30),
        "kind": "plenary",
        "title": "Mobilizing Plenary I",
        "purpose": (
            "A conversation with the UN Special Representative of the "
            "Secretary-General for International Migration, then rapporteurs "
            "report back from the ten group sessions, participants look ahead to "
            "day 2, and the moderators close the day."
        ),
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": PLENARY_LANGUAGES,
        "acts": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        "speakers": MODERATORS
        + [
            {
                "name": "Louise Arbour",
                "organization": "Office of the SRSG for International Migration",
                "role": "speaker",
                "tbc": False,
            },
        ],
    },
    {
        "key": "d1-badge-collection",
        "day": DAY_1,
        "start": time(18, 30),
        "end": time(19, 30),
        "kind": "registration",
        "title": "Badge collection for the governments' stocktaking meeting",
        "purpose": (
            "Time set aside for civil society participants to pick up their "
            "badges for the 4-6 December meeting at the UN registration centre."
        ),
        "venue": VENUE_BADGES,
        "audience": "civil_society",
        "languages": [],
        "acts": [],
        "speakers": [],
    },
    {
        "key": "d1-evening-gathering",
        "day": DAY_1,
        "start": time(18, 30),
        "end": time(21, 0),
        "kind": "reception",
        "title": "Optional evening programme: informal gathering",
        "purpose": (
            "Informal get-together at the invitation of the Solidarity Center, "
            "the Global Coalition on Migration and the Bloque Latinoamericano."
        ),
        "venue": VENUE_EVENING,
        "audience": "civil_society",
        "languages": [],
        "acts": [],
        "speakers": [],
    },
    # ----- Day 2: Sunday 3 December 2017 — with governments, then planning -----
    {
        "key": "d2-registration",
        "day": DAY_2,
        "start": time(8, 30),
        "end": time(9, 0),
        "kind": "registration",
        "title": "Registration and coffee (civil society and governments)",
        "purpose": "",
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": [],
        "acts": [],
        "speakers": [],
    },
    {
        "key": "d2-opening-plenary",
        "day": DAY_2,
        "start": time(9, 0),
        "end": time(10, 30),
        "kind": "plenary",
        "title": (
            "Report back from day 1 and opening plenary: civil society acting "
            "together on regional and global priorities"
        ),
        "purpose": (
            "The moderators summarise day 1 for the governments and agencies "
            "joining, followed by a Davos-style debate and questions from the floor."
        ),
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": PLENARY_LANGUAGES,
        "acts": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        "speakers": MODERATORS
        + [
            {
                "name": "Mamadou Goita",
                "organization": "Institut de Recherche et de Promotion des Alternatives de Développement en Afrique",
                "role": "speaker",
                "tbc": True,
            },
            {
                "name": "William Gois",
                "organization": "Migrant Forum in Asia",
                "role": "speaker",
                "tbc": True,
            },
        ],
    },
    {
        "key": "d2-small-table-act-01",
        "day": DAY_2,
        "start": time(10, 30),
        "end": time(12, 30),
        "kind": "small_table",
        "title": "Small table with governments: ACT 1 — Drivers of human mobility",
        "purpose": SMALL_TABLE_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": [],
        "acts": [1],
        "speakers": [],
    },
    {
        "key": "d2-small-table-act-02",
        "day": DAY_2,
        "start": time(10, 30),
        "end": time(12, 30),
        "kind": "small_table",
        "title": "Small table with governments: ACT 2 — Safe pathways for human mobility",
        "purpose": SMALL_TABLE_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": [],
        "acts": [2],
        "speakers": [],
    },
    {
        "key": "d2-small-table-act-03",
        "day": DAY_2,
        "start": time(10, 30),
        "end": time(12, 30),
        "kind": "small_table",
        "title": "Small table with governments: ACT 3 — Protection",
        "purpose": SMALL_TABLE_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": [],
        "acts": [3],
        "speakers": [],
    },
    {
        "key": "d2-small-table-act-04",
        "day": DAY_2,
        "start": time(10, 30),
        "end": time(12, 30),
        "kind": "small_table",
        "title": "Small table with governments: ACT 4 — Decent work and labour rights",
        "purpose": SMALL_TABLE_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": [],
        "acts": [4],
        "speakers": [],
    },
    {
        "key": "d2-small-table-act-05",
        "day": DAY_2,
        "start": time(10, 30),
        "end": time(12, 30),
        "kind": "small_table",
        "title": "Small table with governments: ACT 5 — Decent living conditions and access to justice",
        "purpose": SMALL_TABLE_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": [],
        "acts": [5],
        "speakers": [],
    },
    {
        "key": "d2-small-table-act-06",
        "day": DAY_2,
        "start": time(10, 30),
        "end": time(12, 30),
        "kind": "small_table",
        "title": "Small table with governments: ACT 6 — Education and skills",
        "purpose": SMALL_TABLE_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": [],
        "acts": [6],
        "speakers": [],
    },
    {
        "key": "d2-small-table-act-07",
        "day": DAY_2,
        "start": time(10, 30),
        "end": time(12, 30),
        "kind": "small_table",
        "title": "Small table with governments: ACT 7 — Inclusion and anti-discrimination",
        "purpose": SMALL_TABLE_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": [],
        "acts": [7],
        "speakers": [],
    },
    {
        "key": "d2-small-table-act-08",
        "day": DAY_2,
        "start": time(10, 30),
        "end": time(12, 30),
        "kind": "small_table",
        "title": "Small table with governments: ACT 8 — Transnational and sustainable development",
        "purpose": SMALL_TABLE_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": [],
        "acts": [8],
        "speakers": [],
    },
    {
        "key": "d2-small-table-act-09",
        "day": DAY_2,
        "start": time(10, 30),
        "end": time(12, 30),
        "kind": "small_table",
        "title": "Small table with governments: ACT 9 — Return and reintegration",
        "purpose": SMALL_TABLE_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": [],
        "acts": [9],
        "speakers": [],
    },
    {
        "key": "d2-small-table-act-10",
        "day": DAY_2,
        "start": time(10, 30),
        "end": time(12, 30),
        "kind": "small_table",
        "title": "Small table with governments: ACT 10 — Governance, implementation and monitoring",
        "purpose": SMALL_TABLE_PURPOSE,
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": [],
        "acts": [10],
        "speakers": [],
    },
    {
        "key": "d2-lunch-governments",
        "day": DAY_2,
        "start": time(12, 30),
        "end": time(14, 30),
        "kind": "break",
        "title": "Lunch and networking with governments",
        "purpose": "Space and tables are available for additional meetings.",
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": [],
        "acts": [],
        "speakers": [],
    },
    {
        "key": "d2-mobilizing-plenary-2",
        "day": DAY_2,
        "start": time(14, 30),
        "end": time(16, 0),
        "kind": "plenary",
        "title": "Mobilizing Plenary II: conversation with the co-facilitators",
        "purpose": (
            "Davos-style exchange between civil society and the two "
            "co-facilitators of the Global Compact process, with questions from "
            "the floor. Civil society only from this session on."
        ),
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": PLENARY_LANGUAGES,
        "acts": [],
        "speakers": MODERATORS
        + [
            {
                "name": "Gibril Faal",
                "organization": "Africa-Europe Diaspora Development Platform",
                "role": "speaker",
                "tbc": True,
            },
            {
                "name": "Juan José Gómez Camacho",
                "organization": "Government of Mexico",
                "role": "speaker",
                "tbc": False,
            },
            {
                "name": "Jürg Lauber",
                "organization": "Government of Switzerland",
                "role": "speaker",
                "tbc": False,
            },
            {
                "name": "Monami Maulik",
                "organization": "Global Coalition on Migration",
                "role": "speaker",
                "tbc": True,
            },
        ],
    },
    {
        "key": "d2-mobilizing-plenary-3",
        "day": DAY_2,
        "start": time(16, 0),
        "end": time(17, 30),
        "kind": "plenary",
        "title": (
            "Mobilizing Plenary III: civil society strategy and next steps for "
            "the stocktaking, negotiations and road to adoption"
        ),
        "purpose": (
            "Open debate on who does what next, from the governments' "
            "stocktaking meeting through the negotiations to adoption, followed "
            "by closing remarks."
        ),
        "venue": VENUE_MAIN,
        "audience": "civil_society",
        "languages": PLENARY_LANGUAGES,
        "acts": [],
        "speakers": list(MODERATORS),
    },
    {
        # The agenda gives no end time; 20:00 is a placeholder.
        "key": "d2-closing-reception",
        "day": DAY_2,
        "start": time(18, 0),
        "end": time(20, 0),
        "kind": "reception",
        "title": "Closing reception hosted by IOM",
        "purpose": "",
        "venue": VENUE_MAIN,
        "audience": "open",
        "languages": [],
        "acts": [],
        "speakers": [],
    },
]

# ---------------------------------------------------------------------------
# The road to adoption of the Global Compact for Safe, Orderly and Regular
# Migration
# ---------------------------------------------------------------------------

MILESTONES = [
    {
        "key": "cs-stocktaking-puerto-vallarta",
        "title": "Civil society stocktaking and strategy meeting",
        "kind": "meeting",
        "starts_on": date(2017, 12, 2),
        "ends_on": date(2017, 12, 3),
        "place": "Puerto Vallarta",
    },
    {
        "key": "govt-stocktaking-puerto-vallarta",
        "title": "Governments' preparatory (stocktaking) meeting",
        "kind": "meeting",
        "starts_on": date(2017, 12, 4),
        "ends_on": date(2017, 12, 6),
        "place": "Puerto Vallarta",
    },
    {
        "key": "zero-draft",
        "title": "Zero draft released",
        "kind": "draft",
        "starts_on": date(2018, 2, 5),
        "ends_on": None,
        "place": "",
    },
    {
        "key": "negotiation-round-1",
        "title": "Negotiation round 1 (multi-stakeholder hearing on 21 February)",
        "kind": "negotiation",
        "starts_on": date(2018, 2, 20),
        "ends_on": date(2018, 2, 23),
        "place": "UN Headquarters, New York",
    },
    {
        "key": "zero-draft-plus",
        "title": "Zero draft plus released",
        "kind": "draft",
        "starts_on": date(2018, 3, 5),
        "ends_on": None,
        "place": "",
    },
    {
        "key": "negotiation-round-2",
        "title": "Negotiation round 2",
        "kind": "negotiation",
        "starts_on": date(2018, 3, 12),
        "ends_on": date(2018, 3, 15),
        "place": "New York",
    },
    {
        "key": "draft-rev-1",
        "title": "Draft Rev 1 released",
        "kind": "draft",
        "starts_on": date(2018, 3, 26),
        "ends_on": None,
        "place": "",
    },
    {
        "key": "negotiation-round-3",
        "title": "Negotiation round 3",
        "kind": "negotiation",
        "starts_on": date(2018, 4, 3),
        "ends_on": date(2018, 4, 6),
        "place": "New York",
    },
    {
        "key": "negotiation-round-4",
        "title": "Negotiation round 4",
        "kind": "negotiation",
        "starts_on": date(2018, 5, 14),
        "ends_on": date(2018, 5, 18),
        "place": "New York",
    },
    {
        "key": "draft-rev-2",
        "title": "Draft Rev 2 released",
        "kind": "draft",
        "starts_on": date(2018, 5, 28),
        "ends_on": None,
        "place": "",
    },
    {
        "key": "negotiation-round-5",
        "title": "Negotiation round 5",
        "kind": "negotiation",
        "starts_on": date(2018, 6, 4),
        "ends_on": date(2018, 6, 8),
        "place": "New York",
    },
    {
        "key": "draft-rev-3",
        "title": "Draft Rev 3 released",
        "kind": "draft",
        "starts_on": date(2018, 6, 29),
        "ends_on": None,
        "place": "",
    },
    {
        "key": "negotiation-round-6",
        "title": "Negotiation round 6 (final text agreed on 13 July)",
        "kind": "negotiation",
        "starts_on": date(2018, 7, 9),
        "ends_on": date(2018, 7, 13),
        "place": "New York",
    },
    {
        "key": "adoption-marrakech",
        "title": "Intergovernmental Conference: adoption",
        "kind": "adoption",
        "starts_on": date(2018, 12, 10),
        "ends_on": date(2018, 12, 11),
        "place": "Marrakech",
    },
    {
        "key": "unga-endorsement",
        "title": "Endorsement by the UN General Assembly",
        "kind": "endorsement",
        "starts_on": date(2018, 12, 19),
        "ends_on": None,
        "place": "New York",
    },
]
