"""Language detection on real sentences and short fragments."""

from __future__ import annotations

import random

import pytest

import vocnlp
from vocnlp.errors import ConfigError, InputError
from vocnlp.langid import LanguageDetector


@pytest.fixture(scope="module")
def fragments(langid_rows: list[dict[str, str]]) -> list[tuple[str, str]]:
    rng = random.Random(3)
    rows = [r for r in langid_rows if r["lang"] not in ("zh", "ja")]
    out = []
    for r in rng.sample(rows, 600):
        words = [w.strip(".,;:!?()\"'«»") for w in r["text"].split()]
        words = [w for w in words if w and not w.isdigit()]
        if len(words) >= 2:
            i = rng.randrange(len(words) - 1)
            out.append((r["lang"], " ".join(words[i : i + 2])))
    return out


def test_sentences_are_detected(langid_rows: list[dict[str, str]]) -> None:
    rows = langid_rows[::40]
    guesses = vocnlp.detect_languages([r["text"] for r in rows])
    acc = sum(g.lang == r["lang"] for g, r in zip(guesses, rows)) / len(rows)
    assert acc >= 0.97


def test_auto_beats_lingua_on_two_word_fragments(fragments: list[tuple[str, str]]) -> None:
    texts = [t for _, t in fragments]
    auto = LanguageDetector("auto", min_score=0.0).detect(texts)
    lingua = LanguageDetector("lingua", min_score=0.0).detect(texts)
    acc_auto = sum(g.lang == lang for g, (lang, _) in zip(auto, fragments)) / len(texts)
    acc_lingua = sum(g.lang == lang for g, (lang, _) in zip(lingua, fragments)) / len(texts)
    assert acc_auto >= acc_lingua


@pytest.mark.parametrize("engine", ["auto", "fasttext", "lingua", "langdetect"])
def test_every_engine_handles_nasty_strings(engine: str) -> None:
    texts = ["", "   ", "12345", "😀👍", "!!!", "hello\nworld, how are you today", "Świetna obsługa klienta", "שלום"]
    guesses = LanguageDetector(engine).detect(texts)
    assert len(guesses) == len(texts)
    assert [g.lang for g in guesses[:5]] == ["und"] * 5
    assert all(0.0 <= g.score <= 1.0 for g in guesses)
    assert guesses[6].lang == "pl"


def test_scripts_decide_quickly() -> None:
    langs = [g.lang for g in vocnlp.detect_languages(["很好", "こんにちは", "감사합니다", "Ευχαριστώ", "ขอบคุณ"])]
    assert langs == ["zh", "ja", "ko", "el", "th"]


def test_languages_restriction() -> None:
    free = vocnlp.detect_languages(["Super"], min_score=0.0)[0]
    restricted = vocnlp.detect_languages(["Super", "Mycket nöjd med allt"], languages=["de", "sv"], min_score=0.0)
    assert {g.lang for g in restricted} <= {"de", "sv"}
    assert restricted[1].lang == "sv"
    assert free.lang  # any answer, but a real one


def test_caller_mistakes_raise() -> None:
    with pytest.raises(InputError):
        vocnlp.detect_languages("one string")
    with pytest.raises(InputError):
        vocnlp.detect_languages([None])  # type: ignore[list-item]
    with pytest.raises(ConfigError, match="engine"):
        LanguageDetector("cld3")
    with pytest.raises(InputError):
        LanguageDetector(languages="en")  # type: ignore[arg-type]


def test_deterministic() -> None:
    texts = ["ok", "bien", "gut", "Muy mal", "Toppen"]
    assert LanguageDetector("langdetect").detect(texts) == LanguageDetector("langdetect").detect(texts)
    assert vocnlp.detect_languages(texts) == vocnlp.detect_languages(texts)


def test_batch_prior_gives_short_answers_the_files_language(shared_data: Path) -> None:
    # issue 19: one-word Portuguese answers in a Portuguese file came out as Spanish or Italian
    import pandas as pd

    from vocnlp.langid import LanguageDetector

    df = pd.read_csv(shared_data / "langid_lingua_sentences" / "lingua_sentences_target13.csv")
    pt = df[df["lang"] == "pt"]["text"].sample(frac=1.0, random_state=0).tolist()
    answers = [t.split()[0].strip(".,;:!?\"'()") for t in pt[100:300]]
    answers = [a for a in answers if len(a) > 3]
    batch = pt[:100] + answers
    with_prior = [g.lang for g in LanguageDetector(batch_prior=True).detect(batch)[100:]]
    without = [g.lang for g in LanguageDetector(batch_prior=False).detect(batch)[100:]]
    acc = lambda langs: sum(x == "pt" for x in langs) / len(langs)  # noqa: E731
    assert acc(with_prior) >= acc(without) + 0.15 and acc(with_prior) >= 0.8, (acc(with_prior), acc(without))
    # strong evidence still wins: a clear English sentence in the Portuguese file stays English
    detector = LanguageDetector(batch_prior=True)
    assert detector.detect(pt[:100] + ["The delivery was late and nobody answered my emails."])[-1].lang == "en"
    assert not LanguageDetector().batch_prior                  # off by default: chunked runs must agree
