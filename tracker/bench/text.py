"""Plausible meeting prose in English, French and Spanish, composed from word lists.

Nothing here is meant to be read closely: it gives the benchmark text of a realistic length
and mix of languages without any network access.
"""

import random

LANGUAGES = ("en", "fr", "es")
LANGUAGE_WEIGHTS = (6, 2, 2)

_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "subject": (
            "Participants",
            "The group",
            "Several organisations",
            "Migrant workers' unions",
            "Diaspora networks",
            "Faith-based groups",
            "Youth representatives",
            "Women's organisations",
            "The rapporteur",
            "Members from the region",
        ),
        "verb": (
            "called for",
            "insisted on",
            "stressed the need for",
            "proposed",
            "warned against weakening",
            "asked governments to commit to",
            "welcomed language on",
            "agreed to prioritise",
        ),
        "object": (
            "firewalls between immigration enforcement and public services",
            "an end to child immigration detention",
            "fair recruitment without fees charged to workers",
            "portable social protection",
            "access to justice regardless of status",
            "regular pathways for people displaced by climate change",
            "search and rescue at sea",
            "community-based alternatives to detention",
            "recognition of skills and qualifications",
            "safe and dignified return and reintegration",
            "disaggregated data that protects privacy",
            "the right of migrant workers to organise",
        ),
        "complement": (
            "in the zero draft",
            "before the next round of negotiations",
            "at national and regional level",
            "with clear indicators and a review mechanism",
            "in line with international labour standards",
            "with civil society at the table",
            "without conditions tied to development aid",
            "for every migrant, whatever their status",
        ),
        "heading": ("Discussion", "Priorities", "Points of agreement", "Next steps", "Concerns"),
        "ask": (
            "Governments should commit to",
            "The Compact must guarantee",
            "States should ensure",
        ),
    },
    "fr": {
        "subject": (
            "Les participants",
            "Le groupe",
            "Plusieurs organisations",
            "Les syndicats de travailleurs migrants",
            "Les réseaux de la diaspora",
            "Les organisations confessionnelles",
            "Les représentants des jeunes",
            "Les organisations de femmes",
            "La rapporteuse",
            "Les membres de la région",
        ),
        "verb": (
            "ont demandé",
            "ont insisté sur",
            "ont souligné la nécessité de",
            "ont proposé",
            "ont mis en garde contre l'affaiblissement de",
            "ont invité les gouvernements à s'engager pour",
            "ont salué le langage sur",
            "ont convenu de donner la priorité à",
        ),
        "object": (
            "des pare-feux entre le contrôle migratoire et les services publics",
            "la fin de la détention des enfants migrants",
            "un recrutement équitable sans frais pour les travailleurs",
            "une protection sociale portable",
            "l'accès à la justice quel que soit le statut",
            "des voies régulières pour les personnes déplacées par le climat",
            "le sauvetage en mer",
            "des alternatives à la détention fondées sur la communauté",
            "la reconnaissance des compétences et des diplômes",
            "un retour et une réintégration sûrs et dignes",
        ),
        "complement": (
            "dans l'avant-projet",
            "avant la prochaine session de négociations",
            "aux niveaux national et régional",
            "avec des indicateurs clairs et un mécanisme d'examen",
            "conformément aux normes internationales du travail",
            "avec la société civile à la table",
            "pour chaque migrant, quel que soit son statut",
        ),
        "heading": (
            "Discussion",
            "Priorités",
            "Points d'accord",
            "Prochaines étapes",
            "Inquiétudes",
        ),
        "ask": (
            "Les gouvernements doivent garantir",
            "Le Pacte doit assurer",
            "Les États doivent garantir",
        ),
    },
    "es": {
        "subject": (
            "Las y los participantes",
            "El grupo",
            "Varias organizaciones",
            "Los sindicatos de trabajadores migrantes",
            "Las redes de la diáspora",
            "Las organizaciones religiosas",
            "Los representantes juveniles",
            "Las organizaciones de mujeres",
            "La relatora",
            "Los miembros de la región",
        ),
        "verb": (
            "pidieron",
            "insistieron en",
            "subrayaron la necesidad de",
            "propusieron",
            "advirtieron contra el debilitamiento de",
            "pidieron a los gobiernos comprometerse con",
            "celebraron el lenguaje sobre",
            "acordaron priorizar",
        ),
        "object": (
            "cortafuegos entre el control migratorio y los servicios públicos",
            "el fin de la detención de niñas y niños migrantes",
            "una contratación equitativa sin comisiones para los trabajadores",
            "una protección social portátil",
            "el acceso a la justicia sin importar el estatus",
            "vías regulares para las personas desplazadas por el clima",
            "el rescate en el mar",
            "alternativas a la detención basadas en la comunidad",
            "el reconocimiento de competencias y títulos",
            "un retorno y una reintegración seguros y dignos",
        ),
        "complement": (
            "en el borrador cero",
            "antes de la próxima ronda de negociaciones",
            "a nivel nacional y regional",
            "con indicadores claros y un mecanismo de revisión",
            "de acuerdo con las normas internacionales del trabajo",
            "con la sociedad civil en la mesa",
            "para toda persona migrante, cualquiera que sea su estatus",
        ),
        "heading": (
            "Debate",
            "Prioridades",
            "Puntos de acuerdo",
            "Próximos pasos",
            "Preocupaciones",
        ),
        "ask": (
            "Los gobiernos deben garantizar",
            "El Pacto debe asegurar",
            "Los Estados deben garantizar",
        ),
    },
}


class Prose:
    """Sentences, paragraphs and Markdown documents drawn from one random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def language(self) -> str:
        return self.rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]

    def _pick(self, language: str, kind: str) -> str:
        return self.rng.choice(_WORDS[language][kind])

    def sentence(self, language: str) -> str:
        words = [self._pick(language, kind) for kind in ("subject", "verb", "object", "complement")]
        return " ".join(words) + "."

    def paragraph(self, language: str, sentences: tuple[int, int] = (3, 6)) -> str:
        return " ".join(self.sentence(language) for _ in range(self.rng.randint(*sentences)))

    def ask(self, language: str) -> str:
        parts = (self._pick(language, "ask"), self._pick(language, "object"))
        return f"{parts[0]} {parts[1]} {self._pick(language, 'complement')}."

    def title(self, language: str) -> str:
        return f"{self._pick(language, 'heading')}: {self._pick(language, 'object')}"[:200]

    def markdown(self, language: str, sections: int) -> str:
        """A note-like Markdown document of `sections` headed sections."""
        parts = []
        for _ in range(sections):
            parts.append(f"## {self._pick(language, 'heading')}")
            parts.append(self.paragraph(language))
            bullets = [f"- {self.sentence(language)}" for _ in range(self.rng.randint(0, 3))]
            if bullets:
                parts.append("\n".join(bullets))
        return "\n\n".join(parts)
