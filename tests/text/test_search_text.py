"""Query terms, SQL patterns, snippets and redaction, without the database."""

from markupsafe import Markup

from tracker.text.redaction import redact
from tracker.text.search import highlight, markdown_to_text, query_terms, snippet

DETENTION = frozenset({"detention"})


def test_query_terms_drop_stop_words_and_numbers_and_merge_languages():
    terms = query_terms("The détention of children, 2018, detención de niños")
    assert [t.term for t in terms] == ["detention", "child"]


def test_patterns_cover_plurals_synonyms_and_accents():
    (country,) = query_terms("countries")
    assert country.exact == ("countr",)
    (child,) = query_terms("child")
    assert {"child", "enfant", "nino"} <= set(child.exact)
    # "ch_ld" finds "child"; "_nf_nt" finds "Enfant" and "énfant"; "niño" finds "niños".
    assert {"ch_ld", "_nf_nt", "niño"} <= set(child.loose)
    (short,) = query_terms("ley")
    assert short.loose == ("ley",)  # "l__" would match nearly every text


def test_patterns_hold_no_wildcard_of_the_user():
    terms = query_terms("50% of_the detainees' \\ fees_%")
    for term in terms:
        for pattern in term.exact + term.loose:
            assert "%" not in pattern
            assert "\\" not in pattern


def test_highlight_escapes_then_marks():
    html = highlight('<b onclick="x">Detention</b> & "detained"', DETENTION)
    assert isinstance(html, Markup)
    assert html == (
        "&lt;b onclick=&#34;x&#34;&gt;<mark>Detention</mark>&lt;/b&gt; &amp; "
        "&#34;<mark>detained</mark>&#34;"
    )


def test_marks_never_land_inside_an_entity():
    html = highlight("amp &amp; lt <script>", frozenset({"amp", "lt", "script"}))
    assert html == (
        "<mark>amp</mark> &amp;<mark>amp</mark>; <mark>lt</mark> &lt;<mark>script</mark>&gt;"
    )


def test_a_snippet_opens_near_the_best_stretch_on_a_word_boundary():
    text = " ".join(f"w{n}" for n in range(200)) + " end child detention now " + "x " * 200
    html = str(snippet(text, frozenset({"child", "detention"}), width=120))
    assert html.startswith("…w")
    assert html.endswith("…")
    assert "<mark>child</mark> <mark>detention</mark>" in html
    assert len(html.replace("<mark>", "").replace("</mark>", "")) <= 122


def test_a_snippet_without_a_match_is_the_beginning():
    assert str(snippet("Short text.", DETENTION)) == "Short text."


def test_a_snippet_prefers_the_stretch_with_more_distinct_terms():
    text = "detention " * 5 + "filler " * 60 + "child detention"
    html = str(snippet(text, frozenset({"child", "detention"}), width=80))
    assert "<mark>child</mark> <mark>detention</mark>" in html


def test_markdown_markup_is_dropped():
    text = markdown_to_text("# Title\n\n- **Bold** [link](http://x.example) `code`\n> quote")
    assert text == "Title Bold link code quote"


def test_redaction_ignores_case_and_accents_and_takes_whole_words():
    text = "CÔTE D'IVOIRE agreed; Cote d’Ivoire too. Côtes stay. Mexicans stay; mexico goes."
    redacted = redact(text, ["Côte d'Ivoire", "Mexico"], "[a government]")
    assert redacted == (
        "[a government] agreed; [a government] too. Côtes stay. Mexicans stay; [a government] goes."
    )
