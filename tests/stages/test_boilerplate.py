"""Each boilerplate rule on its own, in several languages, on text we wrote."""

from __future__ import annotations

import pytest

from spacediplo.stages.boilerplate import clean_text_lines, is_interface_phrase, word_count

BODY = (
    "The two agencies agreed on Monday to extend their cooperation on weather satellites "
    "until the end of the decade, officials said after the meeting in Geneva."
)
BODY2 = (
    "Engineers will exchange data from three missions and train students together, and a "
    "joint working group is expected to report on progress by the summer."
)


@pytest.mark.parametrize(
    "phrase",
    [
        "Continue Reading",
        "Read more »",
        "Back",
        "Share",
        "Lire la suite",
        "Читать далее",
        "Leer más",
        "Weiterlesen",
        "Popular Categories",
        "Search the website",
        "相关新闻",
        "اقرأ أيضا",
    ],
)
def test_interface_phrases_are_recognised_in_many_languages(phrase: str) -> None:
    assert is_interface_phrase(phrase)


def test_sentences_containing_interface_words_are_not_phrases() -> None:
    assert not is_interface_phrase("Back in 1975 the two crews shook hands in orbit.")


def test_interface_lines_are_removed_between_paragraphs() -> None:
    result = clean_text_lines(f"Headline of the day\n\n{BODY}\n\nContinue Reading\n\n{BODY2}")
    assert result.lines == ["Headline of the day", BODY, BODY2]


@pytest.mark.parametrize(
    "header",
    [
        "Check Also",
        "Related articles",
        "Читайте также",
        "À lire aussi",
        "Lesen Sie auch",
        "Noticias relacionadas",
    ],
)
def test_related_section_after_the_article_is_cut_with_what_follows(header: str) -> None:
    teaser = "Another agency wins an award for its flight safety work in orbit this year."
    raw = f"Headline\n\n{BODY}\n\n{BODY2}\n\n{BODY}\n\n{header}\n\n\nTeaser title\n\n{teaser}"
    result = clean_text_lines(raw)
    assert result.lines[-1] == BODY
    assert all(teaser not in line for line in result.lines)


def test_related_header_at_the_top_does_not_cut_the_article() -> None:
    raw = f"Related articles\n\nHeadline\n\n{BODY}\n\n{BODY2}"
    assert clean_text_lines(raw).lines == ["Headline", BODY, BODY2]


def test_photo_credit_label_and_its_value_are_removed() -> None:
    raw = f"Headline\n\n{BODY}\n\nPhoto:\nGetty Images\n\n{BODY2}\nФото: РИА Новости"
    assert clean_text_lines(raw).lines == ["Headline", BODY, BODY2]


def test_image_courtesy_line_is_a_credit() -> None:
    raw = f"Headline\n\nImage courtesy of\n\n{BODY}"
    assert clean_text_lines(raw).lines == ["Headline", BODY]


def test_banner_label_before_the_headline_is_removed() -> None:
    raw = f"SpaceExpo 2031 - Banner\n\nHeadline about a launch\n\n{BODY}"
    result = clean_text_lines(raw)
    assert result.lines == ["Headline about a launch", BODY]


def test_header_date_and_time_are_kept_aside() -> None:
    result = clean_text_lines(f"14.02.31\n10:45\nHeadline\n{BODY}")
    assert result.header_dates == ["14.02.31"]
    assert result.lines == ["Headline", BODY]


def test_date_inside_text_is_not_header() -> None:
    result = clean_text_lines(f"Headline\n{BODY}\n14 February 2031")
    assert result.header_dates == []


def test_repeated_headline_is_dropped_even_with_other_apostrophes() -> None:
    raw = f"Russia's plans for the Moon\n\nRussia’s plans for the Moon\n\n{BODY}"
    assert clean_text_lines(raw).lines == ["Russia's plans for the Moon", BODY]


def test_trailing_footer_of_short_lines_is_removed() -> None:
    raw = f"Headline\n\n{BODY}\n\nPrivacy\nTerms of service\nAbout the site"
    assert clean_text_lines(raw).lines == ["Headline", BODY]


def test_short_fragments_in_the_middle_are_removed_but_short_sentences_stay() -> None:
    raw = f"Headline\n\n{BODY}\n\nTags\nSatellites\n\nIt works.\n\n{BODY2}"
    assert clean_text_lines(raw).lines == ["Headline", BODY, "It works.", BODY2]


def test_hard_wrapped_lines_are_joined() -> None:
    raw = (
        "Headline\n\nThe two agencies agreed on Monday to extend their cooperation on\n"
        "weather satellites until the end of the decade.\n"
    )
    assert (
        clean_text_lines(raw)
        .lines[1]
        .endswith("on weather satellites until the end of the decade.")
    )


def test_html_mode_keeps_headings() -> None:
    raw = f"{BODY}\n\nBackground\n\n{BODY2}\n\nRelated articles\n\nTeaser"
    assert clean_text_lines(raw, from_html=True).lines == [BODY, "Background", BODY2]


def test_word_count_counts_cjk_characters_in_pairs() -> None:
    assert word_count("中国与俄罗斯签署月球科研站合作备忘录") >= 8
    assert word_count("two words") == 2


def test_date_line_under_the_headline_is_header_metadata() -> None:
    result = clean_text_lines(f"Headline of the story\n\n9 March 2031\n\n{BODY}")
    assert result.header_dates == ["9 March 2031"]
    assert result.lines == ["Headline of the story", BODY]


def test_menu_rows_are_removed() -> None:
    raw = f"Home | World | Science | Space\n\nHeadline\n\n{BODY}\n\nShare | Tweet | Email"
    assert clean_text_lines(raw).lines == ["Headline", BODY]
