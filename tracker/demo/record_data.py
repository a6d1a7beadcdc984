"""Demo data: the meeting record of the Puerto Vallarta meeting for ACTs 2, 3, 4 and 5.

ILLUSTRATIVE CONTENT. Every note, report, key message, table outcome and government
stance below is invented for the demo, written in the tracker's own words. None of it
records what was actually said at the meeting, and no stance attributed to a government
here is that government's real position. Each note, report summary and table summary
ends with a short line saying so.

Plain data only; `tracker.demo.record` loads it. Times are local to Puerto Vallarta
(UTC-6 in December 2017) and stored in UTC.

- ACT 2: notes; report returned by a coordinator with a comment (stays "returned").
- ACT 3: notes (group and small table); report accepted and published; table outcome.
- ACT 4: notes (one in French); report submitted; table outcome under the Chatham
  House rule (its key messages were published to governments for the small table).
- ACT 5: notes (in Spanish); report still a draft, owned by rapporteur@example.org.
"""

from datetime import UTC, datetime, timedelta, timezone

PUERTO_VALLARTA = timezone(timedelta(hours=-6), "CST")


def at(day: int, hour: int, minute: int) -> datetime:
    """A local time on `day` December 2017 in Puerto Vallarta, as a UTC datetime."""
    return datetime(2017, 12, day, hour, minute, tzinfo=PUERTO_VALLARTA).astimezone(UTC)


# The last line of every note, report summary and table summary.
ILLUSTRATIVE = {
    "en": "_Illustrative demo content._",
    "es": "_Contenido ilustrativo de demostración._",
    "fr": "_Contenu de démonstration, à titre d'illustration._",
}

COORDINATOR = "coordinator@example.org"
RAPPORTEUR = "rapporteur@example.org"
MEMBER = "member@example.org"
RAPPORTEUR_ACT_2 = "rapporteur2@example.org"
RAPPORTEUR_ACT_4 = "rapporteur3@example.org"

# Rapporteurs added for the record (the other demo accounts are in loader.DEMO_ACCOUNTS);
# they get the same demo password. (email, name, role, organisation)
RECORD_ACCOUNTS = [
    (
        RAPPORTEUR_ACT_2,
        "Rosa Rapporteur",
        "rapporteur",
        "Africa-Europe Diaspora Development Platform",
    ),
    (RAPPORTEUR_ACT_4, "Ravi Rapporteur", "rapporteur", "Solidarity Center"),
]

# ---------------------------------------------------------------------------
# Notes
# ---------------------------------------------------------------------------
# A note's final text is its `blocks` joined by blank lines, followed by the
# illustrative line in the note's language. Revision n shows the first
# `blocks` blocks; `earlier` gives the wording a block had in that revision
# when it was later rewritten.

NOTES = [
    # ----- ACT 2 -----------------------------------------------------------
    {
        "session": "d1-group-act-02",
        "act": 2,
        "lang": "en",
        "visibility": "civil_society",
        "title": "Group notes: safe pathways",
        "blocks": [
            "# ACT 2 group session: safe pathways for human mobility",
            "About 30 participants; the session ran in English with whispered Spanish. "
            "Aim: agree two or three asks for tomorrow's small table, not redraft ACT 2.",
            "## What we heard\n\n"
            "- Regular routes exist on paper but are out of reach: fees, documents and "
            "waiting times push people towards smugglers.\n"
            "- Family reunification is the pathway most often blocked, and the one with "
            "the widest support in the room.\n"
            '- Labour mobility schemes are designed for "high-skilled" workers, while most '
            "people who move work in care, farming and construction.\n"
            "- People displaced by disasters and slow-onset climate change fall between "
            "the refugee and migrant categories.",
            '> "Nobody chooses the boat when a visa is possible. Every closed door is a '
            'business plan for a smuggler."\n'
            "> (participant from a migrant-led organisation)",
            "## Emerging priorities\n\n"
            "1. More and more varied regular pathways, at all skill levels.\n"
            "2. Family reunification that actually works: realistic income thresholds, a "
            "broad definition of family.\n"
            "3. Status for people displaced by disasters and climate change.\n"
            "4. Labour mobility open to lower-wage sectors.",
            "## Open questions\n\n"
            "- Do we name humanitarian visas explicitly, or keep the ask general?\n"
            "- How do we talk about regularisation with governments that reject the word? "
            '"Status resolution"?\n'
            '- Is "complementary pathways", the refugee compact\'s term, useful to us or '
            "a trap?",
            "## For the rapporteur\n\n"
            "- Keep to four priorities at most; merge 1 and 4 if they overlap.\n"
            "- Give each key message a verb and an addressee.",
        ],
        "revisions": [
            {
                "author": MEMBER,
                "at": at(2, 14, 12),
                "blocks": 3,
                "earlier": {
                    2: "## What we heard\n\n"
                    "- Regular routes exist on paper but are out of reach.\n"
                    "- Family reunification is often blocked.\n"
                    "- Labour schemes only for the high-skilled?",
                },
            },
            {"author": RAPPORTEUR_ACT_2, "at": at(2, 14, 48), "blocks": 5},
            {"author": COORDINATOR, "at": at(2, 15, 31), "blocks": 7},
        ],
    },
    # ----- ACT 3 -----------------------------------------------------------
    {
        "session": "d1-group-act-03",
        "act": 3,
        "lang": "en",
        "visibility": "civil_society",
        "title": "Group notes: protection",
        "blocks": [
            "# ACT 3 group session: protection",
            "About 40 participants, the largest group of the afternoon: child-rights "
            "organisations, faith-based shelters along transit routes, and lawyers "
            "working at borders.",
            "## What we heard\n\n"
            "- Children are still detained for immigration reasons, sometimes for "
            "months, in almost every region represented.\n"
            "- People who do not meet the refugee definition are turned back at borders "
            "without any individual assessment.\n"
            "- Families of missing migrants have nowhere to ask and no one to answer.\n"
            "- Survivors of violence on the route lose access to protection as soon as "
            "their status is questioned.",
            '> "There is no such thing as a detention centre that is good for a child."\n'
            "> (participant from a child-rights network)",
            "## Priorities\n\n"
            "1. End child immigration detention; alternatives in the community for "
            "adults.\n"
            "2. Individual assessment and non-refoulement for everyone at borders.\n"
            "3. Search and rescue, and a mechanism for missing and dead migrants.\n"
            "4. Protection for survivors of violence, trafficking and exploitation, "
            "whatever their status.",
            "## Notes for the report\n\n"
            "- Link to the refugee compact without letting it define who gets "
            "protection.\n"
            "- Use the OHCHR principles and guidelines on migrants in vulnerable "
            "situations as the reference.\n"
            '- Keep "end" in the detention message; do not soften it to "reduce".',
        ],
        "revisions": [
            {"author": MEMBER, "at": at(2, 14, 8), "blocks": 3},
            {
                "author": RAPPORTEUR,
                "at": at(2, 14, 40),
                "blocks": 5,
                "earlier": {
                    4: "## Priorities\n\n"
                    "1. Reduce child immigration detention.\n"
                    "2. Non-refoulement at borders.\n"
                    "3. Missing migrants.",
                },
            },
            {"author": COORDINATOR, "at": at(2, 15, 22), "blocks": 6},
        ],
    },
    {
        "session": "d1-group-act-03",
        "act": 3,
        "lang": "en",
        "visibility": "civil_society",
        "title": "Breakout: children and immigration detention",
        "blocks": [
            "# Breakout: children and immigration detention",
            "Eight participants met for twenty minutes in a corner of the room to sharpen "
            "the detention message before the report-back to the plenary.",
            "## Evidence we can cite\n\n"
            "- Detention harms children's health and development, even when it is "
            "short.\n"
            "- Community-based alternatives (case management, family housing, "
            "reporting) cost less than detention and keep people engaged with their "
            "procedures.\n"
            "- Several governments in the region have piloted alternatives and can be "
            "asked to share what they learned.",
            "## Wording\n\n"
            "- The ask: *end* the immigration detention of children, in law and in "
            "practice.\n"
            "- Families stay together, outside detention.\n"
            "- For adults: detention only as a last resort, for the shortest possible "
            "time, and always with judicial review.",
            '> "Ask for the end, and show them the way there."\n> (breakout facilitator)',
        ],
        "revisions": [
            {"author": MEMBER, "at": at(2, 14, 35), "blocks": 3},
            {"author": RAPPORTEUR, "at": at(2, 15, 5), "blocks": 5},
        ],
    },
    {
        # A note of a small table (an open session): shared with governments.
        "session": "d2-small-table-act-03",
        "act": 3,
        "lang": "en",
        "visibility": "shared",
        "title": "Table notes: protection",
        "blocks": [
            "# Small table with governments: ACT 3 (protection)",
            "A shared record of the conversation, for everyone at the table. The "
            "governments and agencies present are listed in the table outcome.",
            "## Opening\n\n"
            "- The ACT 3 rapporteur presented the four key messages from the group "
            "session.\n"
            "- Several delegations welcomed the focus on children and asked for examples "
            "of alternatives to detention that work.",
            "## Discussion\n\n"
            "- Broad interest in sharing practice on community-based alternatives; two "
            "delegations offered to present their pilots.\n"
            "- On individual assessment at borders, some delegations stressed capacity "
            "limits during large arrivals.\n"
            "- The proposal on missing migrants drew support from countries of origin "
            "and transit.",
            '> "We cannot sign up to what we cannot deliver, but we can sign up to work '
            'towards it."\n'
            "> (a government participant, paraphrased)",
            "## Agreed next steps\n\n"
            "- Civil society sends a two-page note on alternatives to detention before "
            "the governments' stocktaking meeting.\n"
            "- UNICEF and OHCHR circulate reference material to the table's "
            "participants.",
        ],
        "revisions": [
            {"author": COORDINATOR, "at": at(3, 10, 50), "blocks": 4},
            {"author": RAPPORTEUR, "at": at(3, 12, 20), "blocks": 6},
        ],
    },
    # ----- ACT 4 -----------------------------------------------------------
    {
        "session": "d1-group-act-04",
        "act": 4,
        "lang": "en",
        "visibility": "civil_society",
        "title": "Group notes: decent work",
        "blocks": [
            "# ACT 4 group session: decent work and labour rights",
            "Around 35 participants, with a strong trade-union presence. Two questions: "
            "what do we most need governments to do by 2020, and which ask is the most "
            "concrete?",
            "## What we heard\n\n"
            "- Recruitment fees and the debts they create are at the root of forced "
            "labour in many corridors.\n"
            "- Workers who complain to a labour inspector are too often handed over to "
            "immigration.\n"
            "- Tied visas lock workers to one employer: leaving means losing status.\n"
            "- Domestic and agricultural workers are left out of labour law in many "
            "countries.",
            '> "A labour inspector who checks papers is an immigration officer with a '
            'different badge."\n'
            "> (trade-union participant)",
            "## Priorities we agreed on\n\n"
            "1. Employer pays: no fees for workers, enforced in both countries.\n"
            "2. A firewall between labour inspection and immigration enforcement.\n"
            "3. Freedom to change employer and to organise.\n"
            "4. Ratification and implementation of ILO standards (C189, C97, C143).",
            "## Divergence\n\n"
            "- Some want to name sponsorship systems explicitly; others fear it closes "
            "doors with destination governments.\n"
            "- Whether to welcome bilateral labour agreements or to warn against them.",
            "## Next\n\n"
            "- Fold in the francophone sub-group's notes (separate note).\n"
            "- The rapporteur drafts tonight and submits before the small tables.",
        ],
        "revisions": [
            {"author": MEMBER, "at": at(2, 14, 15), "blocks": 3},
            {"author": RAPPORTEUR_ACT_4, "at": at(2, 14, 50), "blocks": 5},
            {"author": COORDINATOR, "at": at(2, 15, 28), "blocks": 7},
        ],
    },
    {
        "session": "d1-group-act-04",
        "act": 4,
        "lang": "fr",
        "visibility": "civil_society",
        "title": "Notes du sous-groupe francophone",
        "blocks": [
            "# ACT 4 : sous-groupe francophone",
            "Une dizaine de participantes et participants d'Afrique de l'Ouest et du "
            "Maghreb, venus de syndicats et d'associations de migrants, réunis dans un "
            "coin de la salle pour travailler en français.",
            "## Constats\n\n"
            "- Les frais de recrutement sont souvent payés par les travailleurs "
            "eux-mêmes, parfois l'équivalent de plusieurs mois de salaire.\n"
            "- Les travailleuses domestiques restent hors du champ du droit du travail "
            "dans de nombreux pays de destination.\n"
            "- Le contrat signé au départ est remplacé à l'arrivée par un contrat moins "
            "favorable.",
            "> « On nous promet un métier, on nous livre une dette. »\n"
            "> (syndicaliste, Afrique de l'Ouest)",
            "## Ce que nous proposons au groupe\n\n"
            "- Interdire les frais de recrutement à la charge des travailleurs (principe "
            "« l'employeur paie »).\n"
            "- Un contrat type reconnu par le pays d'origine et le pays de destination, "
            "qui ne peut pas être remplacé à l'arrivée.\n"
            "- La ratification de la Convention 189 de l'OIT sur les travailleuses et "
            "travailleurs domestiques.",
            "## Pour le rapporteur\n\n"
            "- Citer la substitution de contrats comme exemple concret.\n"
            "- Vérifier que le message sur les syndicats inclut le droit d'en créer, pas "
            "seulement celui d'y adhérer.",
        ],
        "revisions": [
            {"author": MEMBER, "at": at(2, 14, 25), "blocks": 3},
            {"author": RAPPORTEUR_ACT_4, "at": at(2, 15, 5), "blocks": 6},
        ],
    },
    # ----- ACT 5 -----------------------------------------------------------
    {
        "session": "d1-group-act-05",
        "act": 5,
        "lang": "es",
        "visibility": "civil_society",
        "title": "Notas del grupo: acceso a la justicia",
        "blocks": [
            "# ACT 5: condiciones de vida dignas y acceso a la justicia",
            "Unas 25 personas; la sesión fue en español, con traducción informal al "
            "inglés entre participantes. Objetivo: acordar tres o cuatro mensajes clave "
            "para la mesa con gobiernos de mañana.",
            "## Lo que escuchamos\n\n"
            "- Muchas personas migrantes no van al hospital ni denuncian un delito por "
            "miedo a ser reportadas a migración.\n"
            "- Las escuelas piden documentos que las familias en situación irregular no "
            "pueden presentar.\n"
            "- Quien denuncia a un empleador abusivo suele perder el empleo, la vivienda "
            "y a veces el estatus.\n"
            "- Los albergues de la sociedad civil cubren vacíos que le corresponden al "
            "Estado.",
            "> «Si ir al médico significa arriesgarte a la deportación, el derecho a la "
            "salud no existe.»\n"
            "> (participante de una red de casas del migrante)",
            "## Propuestas\n\n"
            "1. **Cortafuegos** entre los servicios públicos y el control migratorio: "
            "salud, escuelas, policía y tribunales no comparten datos con migración.\n"
            "2. Acceso a la justicia sin importar el estatus, con asistencia legal "
            "gratuita y permiso de permanencia mientras dure el proceso.\n"
            "3. Atención de salud esencial para todas las personas, incluida la salud "
            "mental y materna.\n"
            "4. Inscripción escolar de niñas y niños sin requisitos documentales que los "
            "excluyan.",
            "## Pendientes\n\n"
            "- Reunir ejemplos de ciudades que ya aplican cortafuegos.\n"
            "- Revisar la redacción con el grupo del ACT 3 para no duplicar el tema de "
            "las víctimas de delitos.",
        ],
        "revisions": [
            {"author": MEMBER, "at": at(2, 14, 10), "blocks": 3},
            {
                "author": RAPPORTEUR,
                "at": at(2, 14, 55),
                "blocks": 5,
                "earlier": {
                    4: "## Propuestas\n\n"
                    "1. Cortafuegos entre servicios públicos y migración.\n"
                    "2. Acceso a la justicia sin importar el estatus.\n"
                    "3. Salud para todas las personas.",
                },
            },
            {"author": COORDINATOR, "at": at(2, 15, 30), "blocks": 6},
        ],
    },
]

# ---------------------------------------------------------------------------
# Reports, their priorities, key messages and workflow
# ---------------------------------------------------------------------------
# `status` is the report's state after its last event. `key_messages_visibility`
# says whether a coordinator published the key messages to governments.

REPORTS = [
    {
        "act": 2,
        "session": "d1-group-act-02",
        "rapporteur": RAPPORTEUR_ACT_2,
        "status": "returned",
        "visibility": "civil_society",
        "key_messages_visibility": "civil_society",
        "summary": (
            "The group agreed that the lack of accessible regular routes is what pushes "
            "people onto dangerous journeys, and that the Compact must widen those "
            "routes, not only manage them. Family reunification and labour mobility at "
            "all skill levels had the widest support; pathways for people displaced by "
            "disasters and climate change were seen as the gap that no other process "
            "fills.\n\n" + ILLUSTRATIVE["en"]
        ),
        "priorities": [
            "Regular pathways at all skill levels, especially for work in care, "
            "agriculture and construction.",
            "Family reunification that works in practice: a broad definition of family, "
            "realistic thresholds and set time limits.",
            "Status for people displaced by disasters and the effects of climate change.",
            "Labour mobility schemes open to workers in lower-wage sectors.",
        ],
        "key_messages": [
            "Open more regular pathways at all skill levels, including for work in care, "
            "agriculture and construction, with affordable and transparent procedures.",
            "Make family reunification a realistic route: a broad definition of family, "
            "attainable income thresholds and decisions within set time limits.",
            "Recognise the needs of people displaced by disasters and climate change.",
        ],
        "divergence": (
            "- Whether to name humanitarian visas explicitly or keep the ask general.\n"
            "- Regularisation: organisations in some destination countries prefer "
            '"status resolution", others want the word itself in the Compact.'
        ),
        "strategy_notes": (
            "- Lead with family reunification at the small table: broadest support, "
            "least contested.\n"
            "- Tie the climate ask to existing work on disaster displacement rather than "
            "to a new category."
        ),
        "events": [
            {"kind": "assigned", "actor": COORDINATOR, "at": at(2, 13, 30), "comment": ""},
            {"kind": "saved", "actor": RAPPORTEUR_ACT_2, "at": at(2, 16, 10), "comment": ""},
            {"kind": "saved", "actor": RAPPORTEUR_ACT_2, "at": at(2, 18, 20), "comment": ""},
            {"kind": "submitted", "actor": RAPPORTEUR_ACT_2, "at": at(2, 18, 45), "comment": ""},
            {
                "kind": "returned",
                "actor": COORDINATOR,
                "at": at(3, 8, 10),
                "comment": (
                    "Thank you, Rosa. Priorities 1 and 4 say much the same thing: please "
                    "merge them. Key message 3 needs an addressee and a concrete step "
                    "(who grants what status, on what basis), like the other messages. "
                    "Then resubmit."
                ),
            },
        ],
    },
    {
        "act": 3,
        "session": "d1-group-act-03",
        "rapporteur": RAPPORTEUR,
        "status": "accepted",
        "visibility": "shared",
        "key_messages_visibility": "shared",
        "summary": (
            "Protection must follow the person, not the label. The group asked the "
            "Compact to end the immigration detention of children, to guarantee an "
            "individual assessment at every border, to save lives at sea and on land and "
            "account for the missing, and to protect survivors of violence and "
            "exploitation whatever their status. Participants insisted on firm wording: "
            'to "end" child detention, not to "reduce" it.\n\n' + ILLUSTRATIVE["en"]
        ),
        "priorities": [
            "End the immigration detention of children; community-based alternatives for adults.",
            "Individual assessment and non-refoulement for everyone at borders.",
            "Search and rescue, and a mechanism for missing and dead migrants and their families.",
            "Protection for survivors of violence, trafficking and exploitation, "
            "regardless of status.",
            "Access to consular assistance throughout the journey.",
        ],
        "key_messages": [
            "End the immigration detention of children and invest in community-based "
            "alternatives to detention for adults.",
            "Guarantee an individual assessment and non-refoulement at every border, for "
            "all people on the move and not only recognised refugees.",
            "Set up coordinated search and rescue and a shared mechanism to identify "
            "missing and dead migrants and inform their families.",
            "Give survivors of violence, trafficking and exploitation protection and "
            "support regardless of their migration status.",
        ],
        "divergence": (
            "- Some participants wanted a separate message on people displaced by "
            "climate change; the group left it to ACT 2.\n"
            "- Faith-based shelters and legal-aid groups differed on whether to engage "
            "with border agencies' screening procedures at all."
        ),
        "strategy_notes": (
            "- Child detention is the strongest entry point: several governments already "
            "pilot alternatives; ask them to say so in the room.\n"
            "- Coordinate with the ACT 5 group so that the firewall ask is carried there "
            "and not split between two reports."
        ),
        "events": [
            {"kind": "assigned", "actor": COORDINATOR, "at": at(2, 13, 30), "comment": ""},
            {"kind": "saved", "actor": RAPPORTEUR, "at": at(2, 16, 0), "comment": ""},
            {"kind": "submitted", "actor": RAPPORTEUR, "at": at(2, 17, 55), "comment": ""},
            {
                "kind": "accepted",
                "actor": COORDINATOR,
                "at": at(5, 9, 30),
                "comment": "Clear, concrete and well argued. Accepted with thanks.",
            },
            {
                "kind": "published",
                "actor": COORDINATOR,
                "at": at(5, 9, 45),
                "comment": "Shared with governments during the stocktaking meeting.",
            },
        ],
    },
    {
        "act": 4,
        "session": "d1-group-act-04",
        "rapporteur": RAPPORTEUR_ACT_4,
        "status": "submitted",
        "visibility": "civil_society",
        # Published by a coordinator for the small table, before the report's review.
        "key_messages_visibility": "shared",
        "summary": (
            "Decent work starts before departure. The group traced most abuse back to "
            "recruitment fees, tied visas and the fear of being reported when "
            "complaining. Its asks are concrete: employers pay recruitment costs, "
            "labour inspectors do not act as immigration officers, workers can change "
            "employer and organise, and governments ratify the ILO conventions on "
            "migrant and domestic workers.\n\n" + ILLUSTRATIVE["en"]
        ),
        "priorities": [
            "The employer-pays principle: no recruitment fees for workers, enforced in "
            "countries of origin and destination.",
            "A firewall between labour inspection and immigration enforcement.",
            "Freedom to change employer and to form and join trade unions.",
            "Ratification and implementation of ILO Conventions 97, 143 and 189.",
        ],
        "key_messages": [
            "Prohibit recruitment fees and related costs for workers and make employers "
            "pay them, with enforcement across borders.",
            "Separate labour inspection from immigration enforcement, so that workers can "
            "report abuse without fear of detention or deportation.",
            "Allow migrant workers to change employer and to form and join trade unions "
            "without losing their residence status.",
            "Ratify and implement ILO Conventions 189 on domestic workers and 97 and 143 "
            "on migrant workers.",
        ],
        "divergence": (
            "- Whether to name employer sponsorship systems explicitly.\n"
            "- Bilateral labour agreements: a tool to improve or a model to resist."
        ),
        "strategy_notes": (
            "- Ask the ILO to present the fair recruitment principles at the small "
            "table; let countries of origin lead on fees.\n"
            "- The francophone sub-group's example of contract substitution is our best "
            "story: use it."
        ),
        "events": [
            {"kind": "assigned", "actor": COORDINATOR, "at": at(2, 13, 30), "comment": ""},
            {"kind": "saved", "actor": RAPPORTEUR_ACT_4, "at": at(2, 17, 30), "comment": ""},
            {"kind": "saved", "actor": RAPPORTEUR_ACT_4, "at": at(2, 22, 15), "comment": ""},
            {"kind": "submitted", "actor": RAPPORTEUR_ACT_4, "at": at(3, 8, 20), "comment": ""},
        ],
    },
    {
        "act": 5,
        "session": "d1-group-act-05",
        "rapporteur": RAPPORTEUR,
        "status": "draft",
        "visibility": "civil_society",
        "key_messages_visibility": "civil_society",
        "summary": (
            "Draft. Rights that cannot be used without risking deportation are rights "
            "only on paper. The group's central ask is a firewall between public "
            "services and immigration enforcement, so that migrants can see a doctor, "
            "send their children to school and go to the police or the courts without "
            "fear.\n\n" + ILLUSTRATIVE["en"]
        ),
        "priorities": [
            "Firewalls between public services and immigration enforcement.",
            "Access to justice and remedies regardless of status.",
            "Essential health care for all, including mental and maternal health.",
        ],
        "key_messages": [
            "Establish firewalls between public services and immigration enforcement, so "
            "that no one is reported for seeking care, schooling, shelter or justice.",
            "Guarantee access to justice and effective remedies regardless of status, "
            "including legal aid and the right to stay during proceedings.",
            "Ensure access to essential health care, including emergency, maternal and "
            "mental health care, for all migrants.",
        ],
        "divergence": (
            "- Some wanted schooling as a separate key message; to be settled with the "
            "ACT 6 rapporteur."
        ),
        "strategy_notes": "",
        "events": [
            {"kind": "assigned", "actor": COORDINATOR, "at": at(2, 13, 30), "comment": ""},
            {"kind": "saved", "actor": RAPPORTEUR, "at": at(3, 16, 40), "comment": ""},
        ],
    },
]

# ---------------------------------------------------------------------------
# Small-table outcomes with governments
# ---------------------------------------------------------------------------
# `stances` maps each government or agency present to its stance on each of
# the ACT's key messages, in the order of the report's `key_messages`.

OUTCOMES = [
    {
        "act": 3,
        "session": "d2-small-table-act-03",
        "recorded_by": COORDINATOR,
        "created_at": at(3, 12, 45),
        "updated_at": at(3, 13, 20),
        "visibility": "shared",
        "chatham_house": False,
        "governments": [
            "Canada",
            "Ecuador",
            "Germany",
            "Mexico",
            "Morocco",
            "Philippines",
            "Switzerland",
        ],
        "agencies": [
            "Office of the United Nations High Commissioner for Human Rights (OHCHR)",
            "United Nations Children's Fund (UNICEF)",
        ],
        "civil_society_participants": (
            "The ACT 3 rapporteur and group co-facilitator; fourteen participants from "
            "child-rights networks, faith-based shelters on transit routes, migrant-led "
            "organisations and legal-aid groups."
        ),
        "summary": (
            "A constructive conversation. The message on child detention found the most "
            "support, with several delegations ready to share their alternatives. "
            "Individual assessment at borders met the most caution, framed as a question "
            "of capacity. Countries of origin and transit backed the proposal on missing "
            "migrants.\n\n" + ILLUSTRATIVE["en"]
        ),
        "commitments": (
            "- Two delegations offered to present their pilots of community-based "
            "alternatives to detention during the stocktaking meeting.\n"
            "- One delegation will raise the missing-migrants mechanism with its "
            "regional partners."
        ),
        "follow_ups": (
            "- Civil society: a two-page note on alternatives to detention to all table "
            "participants by 4 December.\n"
            "- OHCHR and UNICEF: circulate reference material.\n"
            "- Coordinators: carry the four messages into the brief for the zero draft."
        ),
        "stances": {
            "Canada": [
                ("supportive", "Offered to share its experience with alternatives."),
                ("supportive", ""),
                ("open", "Asked how a mechanism would relate to existing humanitarian work."),
                ("supportive", ""),
            ],
            "Ecuador": [
                ("supportive", ""),
                ("supportive", "Stressed the needs of people in transit."),
                ("supportive", "Strong interest as a country of origin and transit."),
                ("open", ""),
            ],
            "Germany": [
                ("open", 'Supports the aim; prefers "work towards ending".'),
                ("reserved", "Pointed to regional procedures under negotiation."),
                ("supportive", ""),
                ("supportive", ""),
            ],
            "Mexico": [
                ("supportive", ""),
                ("open", "Asked for examples of screening at busy crossings."),
                ("supportive", "Would welcome regional data sharing on the missing."),
                ("supportive", ""),
            ],
            "Morocco": [
                ("open", ""),
                ("reserved", "Capacity limits during large arrivals."),
                ("supportive", ""),
                ("open", "Wants the link to anti-trafficking law made clear."),
            ],
            "Philippines": [
                ("supportive", ""),
                ("open", ""),
                ("open", "Asked who would host such a mechanism."),
                ("supportive", "Raised the situation of domestic workers abroad."),
            ],
            "Switzerland": [
                ("open", "Interested in evidence on costs of alternatives."),
                ("supportive", ""),
                ("opposed", "Against a new mechanism; prefers strengthening existing ones."),
                ("supportive", ""),
            ],
            "Office of the United Nations High Commissioner for Human Rights (OHCHR)": [
                ("supportive", "Refers to its principles on migrants in vulnerable situations."),
                ("supportive", ""),
                ("supportive", ""),
                ("supportive", ""),
            ],
            "United Nations Children's Fund (UNICEF)": [
                ("supportive", "Will share material on alternatives for children."),
                ("open", ""),
                ("open", ""),
                ("supportive", ""),
            ],
        },
    },
    {
        "act": 4,
        "session": "d2-small-table-act-04",
        "recorded_by": COORDINATOR,
        "created_at": at(3, 12, 50),
        "updated_at": at(3, 13, 35),
        "visibility": "shared",
        "chatham_house": True,
        "governments": [
            "Bangladesh",
            "Canada",
            "Ghana",
            "Nepal",
            "Philippines",
            "Spain",
        ],
        "agencies": [
            "International Labour Organization (ILO)",
            "International Organization for Migration (IOM)",
        ],
        "civil_society_participants": (
            "The ACT 4 rapporteur; twelve participants from trade unions, domestic "
            "workers' organisations and migrant workers' associations."
        ),
        "summary": (
            "Held under the Chatham House rule at the request of several delegations: "
            "stances are recorded, but not attributed outside civil society. The "
            "employer-pays principle was welcomed around the table. Separating labour "
            "inspection from immigration enforcement was the most divisive ask; "
            "ratification of ILO conventions was seen as a matter for national "
            "processes.\n\n" + ILLUSTRATIVE["en"]
        ),
        "commitments": (
            "- Countries of origin at the table agreed to compare notes on recruitment "
            "fee bans before the stocktaking meeting.\n"
            "- The ILO will share its fair recruitment principles and guidance on "
            "recruitment fees with all participants."
        ),
        "follow_ups": (
            "- Civil society: a one-page case study on contract substitution.\n"
            "- Coordinators: seek a bilateral meeting with the delegation that opposed "
            "the inspection firewall.\n"
            "- Rapporteur: reflect the table's feedback when the report is reviewed."
        ),
        "stances": {
            "Bangladesh": [
                ("supportive", "Fees are a central concern for its workers abroad."),
                ("supportive", ""),
                ("open", ""),
                ("reserved", "Ratification is a domestic process; supports the aims."),
            ],
            "Canada": [
                ("supportive", ""),
                ("reserved", "Inspection mandates vary across jurisdictions."),
                ("open", ""),
                ("reserved", ""),
            ],
            "Ghana": [
                ("supportive", ""),
                ("open", ""),
                ("supportive", ""),
                ("supportive", "Recalled regional commitments on labour migration."),
            ],
            "Nepal": [
                ("supportive", "Shared its experience with a fee policy."),
                ("supportive", ""),
                ("supportive", ""),
                ("open", ""),
            ],
            "Philippines": [
                ("supportive", ""),
                ("supportive", ""),
                ("supportive", "Stressed domestic workers' freedom to change employer."),
                ("supportive", ""),
            ],
            "Spain": [
                ("open", "Asked how enforcement across borders would work."),
                ("opposed", "Cooperation between inspectorates is set in national law."),
                ("reserved", ""),
                ("open", ""),
            ],
            "International Labour Organization (ILO)": [
                ("supportive", "Pointed to its general principles on fair recruitment."),
                ("supportive", ""),
                ("supportive", ""),
                ("supportive", ""),
            ],
            "International Organization for Migration (IOM)": [
                ("supportive", "Mentioned its ethical recruitment work."),
                ("open", ""),
                ("open", ""),
                ("open", "Defers to the ILO on labour standards."),
            ],
        },
    },
]
