"""Theme labels are written as the customers write their words (vocnlp.themes.casing), on real text."""

from __future__ import annotations

import pandas as pd

from vocnlp.themes.casing import written_form


def test_german_nouns_and_car_models_keep_their_capitals(shared_data) -> None:  # type: ignore[no-untyped-def]
    # bug: labels were made of lower-cased words, so German nouns read "zeit", "menschen" and the IndoNLU car
    # themes "hrv" and "avanza"
    lingua = pd.read_csv(shared_data / "langid_lingua_sentences" / "lingua_sentences_target13.csv")
    german = lingua.loc[lingua["lang"] == "de", "text"].tolist()
    assert written_form("zeit", german) == "Zeit" and written_form("menschen", german) == "Menschen"
    reviews = pd.read_csv(shared_data / "themes_indonlu_absa" / "data.csv")["text"].tolist()
    assert written_form("hrv", reviews) == "HRV"
    # most writers type "wifi" in lower case (254 of 339 uses): it stays so; parts of "A / B" are read apart
    assert written_form("hrv / wifi di kamar", reviews) == "HRV / wifi di kamar"


def test_shouted_words_and_sentence_starts_do_not_set_the_case(shared_data) -> None:  # type: ignore[no-untyped-def]
    nps = pd.read_csv(shared_data / "nps_verbatims_en" / "nps_verbatims.csv")["text"].dropna().tolist()
    assert written_form("never came", nps) == "never came"  # "NEVER" 2 times, "Never" 3 (sentence starts), "never" 48
    assert written_form("person i spoke", nps) == "person I spoke"
    assert written_form("tv", ["TV is off.", "Tv broke", "TV"]) == "tv"  # every use starts a sentence: nothing said


def test_scripts_without_case_are_unchanged(shared_data) -> None:  # type: ignore[no-untyped-def]
    nsmc = pd.read_csv(shared_data / "sentiment_nsmc_ratings" / "data.csv")["text"].dropna().head(500).tolist()
    assert written_form("영화", nsmc) == "영화" and written_form("이영화 / 평점", nsmc) == "이영화 / 평점"
    assert written_form("tv", []) == "tv"
