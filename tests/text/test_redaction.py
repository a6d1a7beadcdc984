"""Groups of states are named like governments under the Chatham House rule: their listed
names, their names in French and Spanish and their acronyms are all redacted."""

import pytest

from tracker.text.redaction import government_names, negotiating_groups, redact


def test_every_listed_group_is_a_name_to_redact():
    assert {"European Union", "EU", "African Group"} <= government_names()
    assert "European Union (EU)" in negotiating_groups()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The EU and the G77 asked for time.", "The [x] and the [x] asked for time."),
        (
            "L'Union européenne et le Groupe des 77 et la Chine ont hésité.",
            "L'[x] et le [x] ont hésité.",
        ),
        ("La Unión Europea y el Grupo Africano dudaron.", "La [x] y el [x] dudaron."),
        ("European Union (EU) spoke first.", "[x] ([x]) spoke first."),
    ],
)
def test_a_group_named_in_any_language_is_redacted(text, expected):
    assert redact(text, government_names(), "[x]") == expected
