"""Query terms, index tokens, snippets and redaction, without the database."""

from markupsafe import Markup

from tracker.text.redaction import redact
from tracker.text.search import (
    highlight,
    index_text,
    index_token,
    markdown_to_text,
    parse_query,
    snippet,
)

DETENTION = frozenset({"detention"})


def test_query_words_drop_stop_words_and_numbers_and_merge_languages():
    query = parse_query("The détention of children, 2018, detención de niños")
    assert query.alternatives == (frozenset({"detention"}), frozenset({"child"}))
    assert not parse_query("the and of 2018")


def test_a_query_word_matches_by_its_stem_in_each_language():
    # Not a key term: Snowball's English, French and Spanish stems, any of which may match.
    (word,) = parse_query("nationaux").alternatives
    assert word == {"nationaux", "national"}
    assert index_text("Les plans nationaux") == "plan national"  # French: "nationaux" -> national
    assert index_text("The national plans") == "nation plan"  # English: national -> nation
    (word,) = parse_query("politiques").alternatives
    assert index_text("des politiques") in word
    assert index_text("the politiques") in word


def test_a_text_is_stemmed_in_its_own_language():
    assert (
        index_text("Le travail décent des travailleurs nationaux")
        == "labour decent labour national"
    )
    assert index_text("politiques nationales") == index_text("politique nationale")
    assert index_text("las políticas nacionales de los Estados") == index_text(
        "la política nacional del Estado"
    )
    assert index_text("national policies") == index_text("national policy")


def test_index_tokens_are_ascii_words_both_databases_keep_whole():
    assert index_token("detention") == "detention"
    assert index_token("œuvr") == "0xc593757672"
    assert index_text("Cœur 🙂 ﬁrewall e\u0301tat") == "0x63c5937572 firewall etat"
    for token in index_text("Ελλάδα 中国 œuvre naïve").split():
        assert token.isascii()
        assert token.isalnum()


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
