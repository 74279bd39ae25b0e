"""Language detection on real sentences and short fragments."""

from __future__ import annotations

import collections
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


def _accuracy(det: LanguageDetector, fragments: list[tuple[str, str]]) -> float:
    """Share of the ``(language, text)`` fragments ``det`` gets right."""
    guesses = det.detect([t for _, t in fragments])
    return sum(g.lang == lang for g, (lang, _) in zip(guesses, fragments)) / len(fragments)


def test_auto_beats_lingua_on_two_word_fragments(fragments: list[tuple[str, str]]) -> None:
    acc_auto = _accuracy(LanguageDetector("auto", min_score=0.0), fragments)
    acc_lingua = _accuracy(LanguageDetector("lingua", min_score=0.0), fragments)
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


@pytest.fixture(scope="module")
def pt_file(shared_data: Path) -> tuple[list[str], list[str]]:
    """Real Portuguese sentences and one-word answers cut from other Portuguese sentences (lingua's set)."""
    import pandas as pd

    df = pd.read_csv(shared_data / "langid_lingua_sentences" / "lingua_sentences_target13.csv")
    pt = df[df["lang"] == "pt"]["text"].sample(frac=1.0, random_state=0).tolist()
    answers = [a for a in (t.split()[0].strip(".,;:!?\"'()") for t in pt[100:300]) if len(a) > 3]
    return pt[:100], answers


def test_lingua_chooses_among_fasttexts_candidates_only(fragments: list[tuple[str, str]]) -> None:
    # issue 19 item 3 / issue 21 item 3: lingua loaded all 75 languages' models on the first short text
    few = LanguageDetector(min_score=0.0)
    every = LanguageDetector(min_score=0.0, lingua_candidates=None)
    a_few, a_every = _accuracy(few, fragments), _accuracy(every, fragments)
    assert a_few >= a_every - 0.01, (a_few, a_every)
    assert few.lingua._all is None and few.lingua._by_set       # never built the all-language detector
    assert all(2 <= len(s) <= 20 for s, _ in few.lingua._by_set)
    with pytest.raises(ConfigError, match="lingua_candidates"):
        LanguageDetector(lingua_candidates=1)


def test_high_accuracy_models_load_only_for_the_shortlist(fragments: list[tuple[str, str]]) -> None:
    # issue 21 item 3: 8 English comments of a Korean file loaded 55 languages' high-accuracy models (4.9 s);
    # lingua's low-accuracy mode (trigrams, ~20x cheaper to load) now shortlists 4 of fastText's 20 guesses
    short = LanguageDetector(min_score=0.0)
    full = LanguageDetector(min_score=0.0, lingua_shortlist=None)
    a_short, a_full = _accuracy(short, fragments), _accuracy(full, fragments)
    assert a_short >= a_full - 0.005, (a_short, a_full)
    high = [codes for codes, low in short.lingua._by_set if not low]
    assert high and all(len(codes) <= 4 for codes in high)
    assert any(len(codes) > 4 for codes, low in short.lingua._by_set if low)
    with pytest.raises(ConfigError, match="lingua_shortlist"):
        LanguageDetector(lingua_shortlist=1)


def test_agreeing_engines_skip_the_high_accuracy_pass(fragments: list[tuple[str, str]], monkeypatch) -> None:
    # issue 21 item 3: where fastText and lingua's cheap low-accuracy pass already agree (LOW_SURE of their
    # product), the high-accuracy models (~0.15 s each to load) are not needed; accuracy must not move
    import vocnlp.langid as langid
    import vocnlp.langid_engines as langid_engines

    seen: list[tuple[bool, int]] = []
    scores = langid_engines.LinguaEngine.scores

    def spy(self, texts, candidates=None, *, low=False):  # type: ignore[no-untyped-def]
        seen.append((low, len(texts)))
        return scores(self, texts, candidates, low=low)

    monkeypatch.setattr(langid_engines.LinguaEngine, "scores", spy)
    a_skip = _accuracy(LanguageDetector(min_score=0.0), fragments)
    rough = sum(n for low, n in seen if low)
    fine = sum(n for low, n in seen if not low)
    assert 0 < fine < 0.9 * rough, (fine, rough)
    monkeypatch.setattr(langid, "LOW_SURE", 1.01)                 # never sure: every unsure text goes on
    a_all = _accuracy(LanguageDetector(min_score=0.0), fragments)
    assert a_skip >= a_all - 0.005, (a_skip, a_all)


def test_estimate_prior_counts_only_confident_texts(pt_file: tuple[list[str], list[str]]) -> None:
    sentences, answers = pt_file
    det = LanguageDetector()
    prior = det.estimate_prior(sentences + answers)
    assert prior is not None and prior["pt"] >= 0.9 and abs(sum(prior.values()) - 1) < 1e-9
    assert det.estimate_prior(answers[:10]) is None              # too few confident texts: no prior
    assert det.estimate_prior(sentences, max_texts=40) is not None


def test_detect_reuses_the_first_pass_of_estimate_prior(pt_file: tuple[list[str], list[str]], monkeypatch) -> None:
    # a run estimates the prior over its texts, then detects them: fastText reads each text once, same answers
    sentences, answers = pt_file
    texts = answers + sentences
    fresh = LanguageDetector()
    prior = fresh.estimate_prior(texts)
    expected = LanguageDetector().detect(texts, prior=prior)
    calls: list[str] = []
    plain = fresh.fasttext.candidates
    monkeypatch.setattr(fresh.fasttext, "candidates", lambda t, k=10: calls.append(t) or plain(t, k))
    assert fresh.detect(texts, prior=prior) == expected
    assert calls == []                                           # all of them were read by estimate_prior
    assert fresh.detect(["Ele chegou ontem à noite, tudo certo"], prior=prior)[0].lang == "pt"
    assert len(calls) == 1                                       # a text it did not read is read now


def test_the_pipelines_language_prior_is_one_per_run_not_per_chunk(pt_file: tuple[list[str], list[str]]) -> None:
    # issue 19 item 3: the prior of the data set, on by default; a per-chunk prior made chunked runs disagree
    from vocnlp import Pipeline, RuntimeConfig

    sentences, answers = pt_file
    batch = answers + sentences                                   # the first chunks hold only short answers
    n = len(answers)
    whole = Pipeline.default(sentiment=False, intent=False).run(batch)["language"].tolist()
    chunked = Pipeline.default(sentiment=False, intent=False, config=RuntimeConfig(chunk_rows=16)).run(batch)
    assert chunked["language"].tolist() == whole
    off = Pipeline.default(sentiment=False, intent=False, language_prior=False).run(batch)["language"].tolist()
    acc = lambda langs: sum(x == "pt" for x in langs[:n]) / n  # noqa: E731
    assert acc(whole) >= 0.8 and acc(whole) >= acc(off) + 0.15, (acc(whole), acc(off))
    fixed = Pipeline.default(sentiment=False, intent=False, language_prior={"pt": 0.9, "en": 0.1}).run(answers)
    assert acc(fixed["language"].tolist()) >= 0.8
    nlp = Pipeline.default(sentiment=False, intent=False)
    assert nlp.run(answers, language_prior=False)["language"].tolist() == off[:n]
    with pytest.raises(ConfigError, match="language_prior"):
        Pipeline.default(language_prior="pt")
    with pytest.raises(ConfigError, match="language_prior"):
        Pipeline.default(language_prior={"pt": -1.0})


def test_a_detector_of_your_own_is_never_handed_a_prior() -> None:
    from vocnlp import Pipeline
    from vocnlp.langid import LanguageGuess

    class Always:
        def detect(self, texts: list[str]) -> list[LanguageGuess]:   # no prior= keyword
            return [LanguageGuess("pt", 1.0) for _ in texts]

    for prior in (True, {"es": 1.0}):
        out = Pipeline(language_detector=Always(), language_prior=prior).run(["Ótimo produto", "Recomendo"] * 15)
        assert out["language"].tolist() == ["pt"] * 30 and (out["status"] == "ok").all()


def test_no_shortlist_when_the_caller_names_the_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    # lingua then scores the caller's languages only: a low-accuracy pass would score them twice
    from vocnlp import langid_engines

    calls: list[bool] = []
    scores = langid_engines.LinguaEngine.scores

    def spy(self, texts, candidates=None, *, low=False):  # type: ignore[no-untyped-def]
        calls.append(low)
        return scores(self, texts, candidates, low=low)

    monkeypatch.setattr(langid_engines.LinguaEngine, "scores", spy)
    LanguageDetector(languages=["de", "nl"]).detect(["Super", "Top", "ok"])
    assert calls and True not in calls


def test_african_languages_no_detector_names_are_read_as_themselves(shared_data) -> None:  # type: ignore[no-untyped-def]
    """fastText and lingua name no Kinyarwanda, Oromo or Twi: 2,000 AfriSenti tweets of each were read as Swahili
    (59%) and English; as Finnish (71%), Somali and Estonian; as English (63%), Finnish and Italian, and their
    function words named their themes ("kandi", and; "akka", as). A data set in one of them is read as it now, and
    Swahili tweets, which share "na", "kwa", "ya" with several of them, stay Swahili."""
    import pandas as pd

    from vocnlp import regional

    df = pd.read_csv(shared_data / "sentiment_afrisenti" / "data.csv")
    det = LanguageDetector()
    for lang, code, floor in (("kin", "rw", 0.9), ("orm", "om", 0.9), ("twi", "tw", 0.8), ("swa", "sw", 0.95)):
        tweets = df.loc[df["lang"] == lang, "text"].astype(str).head(300).tolist()
        got = [g.lang for g in det.detect(tweets, prior=det.estimate_prior(tweets))]
        assert sum(g == code for g in got) / len(tweets) >= floor, (lang, collections.Counter(got).most_common(3))
        if lang == "swa":
            assert sum(g in regional.BASE for g in got) <= 3


def test_one_declared_language_is_taken_as_given(shared_data) -> None:  # type: ignore[no-untyped-def]
    """Neither fastText nor lingua knows Hausa: 2,000 real Hausa tweets (AfriSenti) were read as English (52%),
    Swahili and Indonesian, so English stop words applied and "da", "ba", "amma" (but) named themes; and
    languages=["ha"] raised ConfigError. A user who declares one language gets it for every text with letters."""
    import pandas as pd

    from vocnlp.words import content_words

    df = pd.read_csv(shared_data / "sentiment_afrisenti" / "data.csv")
    tweets = df.loc[df["lang"] == "hau", "text"].head(200).tolist()
    det = LanguageDetector(languages=["ha"])
    guesses = det.detect([*tweets, "123 !!", ""])
    assert [g.lang for g in guesses[:-2]] == ["ha"] * len(tweets) and {g.score for g in guesses[:-2]} == {1.0}
    assert [g.lang for g in guesses[-2:]] == ["und", "und"]
    assert det.estimate_prior(tweets) == {"ha": 1.0}
    assert [g.lang for g in LanguageDetector(languages=["sw"]).detect(tweets[:5])] == ["sw"] * 5  # one known too
    words = {w for t in tweets for w in content_words(t, "ha")}
    assert not {"da", "ba", "amma", "dai", "kuma"} & words and len(words) > 500


def test_a_set_whose_languages_were_guessed_gets_a_hint(shared_data) -> None:  # type: ignore[no-untyped-def]
    """`vocnlp analyze` on real Hausa tweets said nothing while reading them as English, Swahili and Indonesian;
    it now suggests declaring the language. Swahili, which the detectors know, gets no hint."""
    import pandas as pd

    from vocnlp.langid import unsure_hint

    df = pd.read_csv(shared_data / "sentiment_afrisenti" / "data.csv")
    det = LanguageDetector()
    for lang, expect in (("hau", True), ("swa", False)):
        guesses = det.detect(df.loc[df["lang"] == lang, "text"].head(200).tolist())
        hint = unsure_hint([g.score for g in guesses], [g.lang for g in guesses])
        assert (hint is not None) is expect, (lang, hint)
    assert "--languages" in str(hint if hint else unsure_hint([0.5] * 60, ["en"] * 60))


def test_tigrinya_is_told_from_amharic(shared_data) -> None:  # type: ignore[no-untyped-def]
    """Both are written in Ethiopic script, and the script alone said Amharic: 2,398 real Tigrinya tweets
    (AfriSenti) got Amharic stop words and clause cuts. Their common words and the glottal a tell them apart."""
    import pandas as pd

    df = pd.read_csv(shared_data / "sentiment_afrisenti" / "data.csv")
    det = LanguageDetector()
    for lang, code, floor in (("amh", "am", 0.95), ("tir", "ti", 0.8)):
        texts = df.loc[df["lang"] == lang, "text"].astype(str).head(300).tolist()
        guesses = det.detect(texts)
        assert sum(g.lang == code for g in guesses) / len(guesses) >= floor, lang
        # as the Pipeline reads a data set: texts nothing tells apart take the language the set holds more of
        with_prior = det.detect(texts, prior=det.estimate_prior(texts))
        assert sum(g.lang == code for g in with_prior) >= sum(g.lang == code for g in guesses), lang
    assert LanguageDetector().detect(["ሰላም"], prior={"ti": 0.9, "am": 0.1})[0].lang == "ti"
    assert [g.lang for g in LanguageDetector(languages=["am", "en"]).detect(["ኣብ ትግራይ ዘሎ ህዝቢ"])] == ["am"]


def test_indonesias_regional_languages_are_told_from_indonesian(shared_data) -> None:  # type: ignore[no-untyped-def]
    """fastText read 894 of NusaX's 1,000 Javanese reviews as Indonesian (and knows no Balinese, Buginese...), so
    their function words ("lan", "karo", "iki") named themes. Their own function words now tell them; Indonesian
    reviews stay Indonesian, in NusaX and in IndoNLU's and SmSA's reviews, which no translator wrote."""
    import pandas as pd

    from vocnlp import regional

    df = pd.read_csv(shared_data / "sentiment_nusax_senti" / "data.csv")
    det = LanguageDetector()
    for lang in ("id", *regional.LANGUAGES):
        texts = df.loc[df["lang"] == lang, "text"].head(300).tolist()
        guesses = det.detect(texts, prior=det.estimate_prior(texts))
        floor = 0.97 if lang == "id" else 0.75
        assert sum(g.lang == lang for g in guesses) / len(texts) >= floor, lang
    other = pd.read_csv(shared_data / "sentiment_indonlu_smsa" / "data.csv")["text"].dropna().head(2000).tolist()
    guesses = det.detect(other, prior=det.estimate_prior(other))
    assert sum(g.lang in regional.FUNCTION_WORDS for g in guesses) <= 2
    # a caller who names the languages gets one of them
    assert LanguageDetector(languages=["id", "en"]).detect(["Panganane enak, regane ora larang, uga pas"])[0].lang == "id"


def test_nigerias_languages_are_told_from_english(shared_data) -> None:  # type: ignore[no-untyped-def]
    """fastText has no Nigerian Pidgin, Hausa or Igbo, and read 1,947 of 2,000 AfriSenti Pidgin tweets as English;
    their particles ("dey", "una", "wetin"; "kuma", "wannan"; "ndi", "nke") tell them, and English feedback stays
    English. Hausa and Igbo tweets that fastText read as Swahili, Turkish or Vietnamese (sure of it, for Igbo's
    dotted vowels) are their data set's language again (Hausa 78% -> 91%, Igbo 82% -> 92% of these 300 before and
    after that rule)."""
    import pandas as pd

    df = pd.read_csv(shared_data / "sentiment_afrisenti" / "data.csv")
    det = LanguageDetector()
    for lang, code, floor in (("pcm", "pcm", 0.85), ("hau", "ha", 0.85), ("ibo", "ig", 0.85), ("yor", "yo", 0.85)):
        tweets = df.loc[df["lang"] == lang, "text"].astype(str).head(300).tolist()
        guesses = det.detect(tweets, prior=det.estimate_prior(tweets))
        assert sum(g.lang == code for g in guesses) / len(tweets) >= floor, lang
    english = pd.read_csv(shared_data / "nps_verbatims_en" / "nps_verbatims.csv")["text"].dropna().tolist()
    english += pd.read_csv(shared_data / "sentiment_uci_labelled_sentences_en" / "uci_sentiment_labelled_sentences.csv")["text"].dropna().tolist()
    guesses = det.detect(english, prior=det.estimate_prior(english))
    assert not [t for t, g in zip(english, guesses) if g.lang == "pcm"]
