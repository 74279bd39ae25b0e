"""Sentiment, intent and custom heads through the real encoder, on the sample data and ../shared/data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import vocnlp
from vocnlp._resources import packaged_models_dir
from vocnlp.heads.intent import INTENT_LABELS
from vocnlp.heads.sentiment import SENTIMENT_LABELS
from vocnlp.pipeline import Pipeline, StageBatch

HAND = packaged_models_dir() / "training" / "voc_multilingual.csv"


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default()


@pytest.fixture(scope="module")
def hand_test() -> pd.DataFrame:
    df = pd.read_csv(HAND, dtype=str, keep_default_na=False)
    return df[df["split"] == "test"].reset_index(drop=True)


def _check_filled(out: pd.DataFrame) -> None:
    live = out["status"] != "error"
    assert live.any()
    assert out.loc[live, "sentiment"].isin(SENTIMENT_LABELS).all()
    assert out.loc[live, "sentiment_score"].between(-1, 1).all()
    assert out.loc[live, "sentiment_mixed"].isin([True, False]).all()
    assert out.loc[live, "intent"].isin(INTENT_LABELS).all()
    assert out.loc[live, "intent_score"].between(0, 1).all()
    assert all(isinstance(v, list) and set(v) <= set(INTENT_LABELS) for v in out.loc[live, "intents"])
    dead = ~live
    for col in ("sentiment", "sentiment_score", "intent", "intent_score", "intents"):
        assert out.loc[dead, col].isna().all(), col


def test_sample_data_every_ok_row_scored(nlp: Pipeline) -> None:
    df = vocnlp.io.load_sample()  # the README's spelling: a bug when it needed `import vocnlp.io` first
    out = nlp.run(df, text_col="comment")
    assert len(out) == len(df) and list(out["id"]) == list(df["id"])
    _check_filled(out)
    # the sample's own themes were written with a sentiment in mind: complaints read negative
    neg_rate = (out.loc[df["nps"] <= 4, "sentiment"] == "negative").mean()
    pos_rate = (out.loc[df["nps"] >= 9, "sentiment"] == "positive").mean()
    assert neg_rate > 0.6 and pos_rate > 0.5, (neg_rate, pos_rate)


def test_shared_data_sets_every_ok_row_scored(nlp: Pipeline, shared_data: Path) -> None:
    frames = []
    for path, n in [("nps_verbatims_en/nps_verbatims.csv", 200), ("sentiment_uci_labelled_sentences_en/uci_sentiment_labelled_sentences.csv", 100),
                    ("intent_bitext_customer_support_en/bitext_customer_support_20k.csv", 100),
                    ("intent_banking77_en/banking77_test.csv", 100), ("intent_clinc150_en/clinc150_test.csv", 100),
                    ("langid_lingua_sentences/lingua_sentences_target13.csv", 200)]:
        df = pd.read_csv(shared_data / path)
        frames.append(df.sample(n, random_state=0)[["text"]].assign(source=path.split("/")[0]))
    df = pd.concat(frames, ignore_index=True)
    out = nlp.run(df, text_col="text")
    assert len(out) == len(df)
    _check_filled(out)


def test_one_encoder_call_per_chunk_for_comments_and_clauses() -> None:
    nlp = Pipeline.default(clauses=True)
    calls: list[int] = []
    real = nlp.encoder.encode

    def spy(texts):  # type: ignore[no-untyped-def]
        calls.append(len(texts))
        return real(texts)

    nlp.encoder.encode = spy  # type: ignore[method-assign]
    texts = ["The staff were lovely but the app keeps crashing.", "Great.", "Slow delivery. Rude driver. Never ordering again."] * 5
    out = nlp.run(texts)
    assert len(calls) == 1
    assert calls[0] == len(texts) + 5 * (2 + 3)   # comments + clauses of the multi-clause comments
    assert out["sentiment_mixed"][0] is True or out["sentiment_mixed"][0] == True  # noqa: E712


def test_comment_vectors_from_clauses_embeds_each_token_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """``comment_vectors="clauses"``: multi-clause comments are embedded as clauses only, their vector is
    the token-weighted mean of the clause vectors; one-clause comments are untouched."""
    from vocnlp.config import RuntimeConfig

    cfg = RuntimeConfig(dtype="float32")
    whole = Pipeline.default(config=cfg, keep_embeddings=True, comment_vectors="whole")
    fast = Pipeline.default(config=cfg, keep_embeddings=True, comment_vectors="clauses")
    texts = ["The staff were lovely but the app keeps crashing.", "Great.", "Slow delivery. Rude driver. Never ordering again."]
    a = whole.run(texts)
    calls: list[int] = []
    real = fast.encoder.encode   # (the encoder may be shared with `whole`: spy only on the second run)

    def spy(texts):  # type: ignore[no-untyped-def]
        calls.append(len(texts))
        return real(texts)

    monkeypatch.setattr(fast.encoder, "encode", spy)
    b = fast.run(texts)
    assert calls == [1 + 2 + 3]                      # "Great." + the clauses; no multi-clause comment whole
    np.testing.assert_allclose(a["embedding"][1], b["embedding"][1], atol=1e-6)
    for i in (0, 2):
        np.testing.assert_allclose(np.stack(a["clause_embeddings"][i]), np.stack(b["clause_embeddings"][i]), atol=1e-5)
        ce = np.stack(b["clause_embeddings"][i])
        n = fast.encoder.token_counts([c["text"] for c in b["clauses"][i]])
        expect = (np.array(n, float)[:, None] * ce).sum(0)
        np.testing.assert_allclose(b["embedding"][i], expect / np.linalg.norm(expect), atol=1e-5)
        assert 0.9 < float(np.dot(a["embedding"][i], b["embedding"][i])) < 0.9999
    assert list(b["sentiment_mixed"]) == list(a["sentiment_mixed"])
    with pytest.raises(vocnlp.errors.ConfigError, match="comment_vectors"):
        Pipeline(comment_vectors="sentences")


def test_comment_vectors_auto_pools_long_comments_only(shared_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default, ``comment_vectors="auto"`` (issue 21 item 6): a multi-clause comment of 128+ tokens (a
    real Chinese restaurant review) is pooled from its clauses, a short one is embedded whole as well."""
    import pandas as pd

    from vocnlp.config import RuntimeConfig
    from vocnlp.pipeline import LONG_COMMENT_TOKENS

    cfg = RuntimeConfig(dtype="float32")
    auto = Pipeline.default(config=cfg, keep_embeddings=True)
    assert auto.comment_vectors == "auto"
    reviews = pd.read_csv(shared_data / "themes_asap_zh_sample" / "data.csv")["text"].astype(str).tolist()
    counts = auto.encoder.token_counts(reviews[:20])
    long_text = next(t for t, n in zip(reviews, counts) if n >= LONG_COMMENT_TOKENS)
    texts = [long_text, "The staff were lovely but the app keeps crashing.", "Great."]
    a = Pipeline.default(config=cfg, keep_embeddings=True, comment_vectors="whole").run(texts)
    calls: list[int] = []
    real = auto.encoder.encode

    def spy(texts):  # type: ignore[no-untyped-def]
        calls.append(len(texts))
        return real(texts)

    monkeypatch.setattr(auto.encoder, "encode", spy)
    b = auto.run(texts)
    n_long = len(b["clauses"][0])
    assert n_long > 1 and calls == [2 + n_long + 2]   # the short comments whole, then every clause
    for i in (1, 2):
        np.testing.assert_allclose(a["embedding"][i], b["embedding"][i], atol=1e-5)
    ce = np.stack(b["clause_embeddings"][0])
    n = auto.encoder.token_counts([c["text"] for c in b["clauses"][0]])
    expect = (np.array(n, float)[:, None] * ce).sum(0)
    np.testing.assert_allclose(b["embedding"][0], expect / np.linalg.norm(expect), atol=1e-5)
    assert 0.9 < float(np.dot(a["embedding"][0], b["embedding"][0])) < 0.9999


def test_quality_on_uci_test_split(shared_data: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    import heads_data

    uci = heads_data.load()["uci"]
    test = uci[uci["split"] == "test"]
    p = vocnlp.load_head("sentiment").predict_proba(vocnlp.embed(test["text"].tolist()))
    pos, neg = (vocnlp.load_head("sentiment").labels.index(x) for x in ("positive", "negative"))
    acc = (np.where(p[:, pos] >= p[:, neg], "positive", "negative") == test["label"].to_numpy()).mean()
    assert acc >= 0.9, acc     # measured 0.933 (benchmarks/RESULTS.md)


def test_quality_on_multilingual_test_split(nlp: Pipeline, hand_test: pd.DataFrame) -> None:
    from sklearn.metrics import f1_score

    out = nlp.run(hand_test, text_col="text")
    assert f1_score(out["sentiment"], hand_test["sentiment"], average="macro") >= 0.85
    per_lang = (out["sentiment"] == hand_test["sentiment"]).groupby(hand_test["lang"]).mean()
    assert per_lang.min() >= 0.7, per_lang.to_dict()   # n = 11..24 per language; lowest measured 0.73 (ko)
    gold = hand_test["intents"].str.split(";")
    top_ok = np.mean([i in g for i, g in zip(out["intent"], gold)])
    assert top_ok >= 0.9
    churn = gold.map(lambda g: "churn_risk" in g)
    flagged = out["intents"].map(lambda v: "churn_risk" in v)
    assert (flagged & churn).sum() / max(flagged.sum(), 1) >= 0.8      # precision target of the thresholds


def test_nps_agreement(nlp: Pipeline, shared_data: Path) -> None:
    df = pd.read_csv(shared_data / "nps_verbatims_en" / "nps_verbatims.csv").dropna(subset=["text"])
    df = df[(df["nps_score"] <= 6) | (df["nps_score"] >= 9)].sample(500, random_state=1)
    out = nlp.run(df, text_col="text")
    agree = ((out["sentiment"] == "negative") & (df["nps_score"] <= 6) | (out["sentiment"] == "positive") & (df["nps_score"] >= 9)).mean()
    assert agree >= 0.78, agree    # measured 0.83-0.85 (benchmarks/RESULTS.md)


def test_indonesian_hotel_and_car_complaints_read_negative(nlp: Pipeline, shared_data: Path) -> None:
    # bug: "Kamar kotor" (dirty room), "kotor", "Wifi lemot" (slow wifi) read positive; the theme "kamar kotor"
    # showed 58% negative where the aspect's gold was 99%. IndoNLU's aspect reviews now train the head (train
    # split); these are its valid split, never trained on: 229 complaints, 59 praising reviews.
    df = pd.read_csv(shared_data / "themes_indonlu_absa" / "data.csv")
    df = df[(df["split"] == "valid") & df["label"].isin(["negative", "positive"])].reset_index(drop=True)
    out = nlp.run(df, text_col="text")
    recall = (out["sentiment"] == df["label"]).groupby(df["label"]).mean()
    assert recall["negative"] >= 0.88, recall.to_dict()   # measured 0.926; the head before: 0.764
    assert recall["positive"] >= 0.5, recall.to_dict()    # measured 0.61, before and after


def test_nasty_inputs_keep_the_policy(nlp: Pipeline, nasty: list[object]) -> None:
    out = nlp.run(pd.DataFrame({"text": pd.Series(nasty, dtype=object)}), text_col="text")
    assert len(out) == len(nasty)
    _check_filled(out)
    assert out["sentiment"].iloc[-3] == "positive"      # "Great support!"


def test_clauses_column(hand_test: pd.DataFrame) -> None:
    nlp = Pipeline.default(clauses=True)
    text = "The staff were lovely but the app keeps crashing."
    out = nlp.run([text, None])
    clauses = out["clauses"][0]
    assert [c["text"] for c in clauses] == ["The staff were lovely", "but the app keeps crashing."]
    assert [c["sentiment"] for c in clauses] == ["positive", "negative"]
    assert set(clauses[0]) == {"text", "start", "end", "sentiment", "sentiment_score", "theme_id"}
    assert all(text[c["start"] : c["end"]] == c["text"] for c in clauses)
    assert bool(out["sentiment_mixed"][0]) and out["clauses"][1] is None


def test_same_scores_every_run(nlp: Pipeline) -> None:
    texts = ["Service was slow but friendly", "Je vais résilier", "很好"]
    a, b = nlp.run(texts), nlp.run(texts)
    pd.testing.assert_frame_equal(a, b)


def test_custom_head_few_shot_save_load_and_pipeline(tmp_path: Path) -> None:
    effort = ["I had to call four times to get this fixed", "Took ages to find the right form",
              "Three different agents and I still had to explain it again", "The process was exhausting",
              "Ich musste dreimal anrufen, bis es geklappt hat", "J'ai dû tout réexpliquer à chaque appel",
              "Tuve que ir a la tienda dos veces", "Why do I have to fill in the same form twice?"]
    other = ["Lovely staff", "The price went up again", "Delivery was on time", "Great app",
             "Das Essen war kalt", "Le produit est de bonne qualité", "Me encanta el nuevo diseño", "No comment"]
    head = vocnlp.train_head(effort + other, ["effort"] * 8 + ["other"] * 8, name="effort")
    head.save(tmp_path / "effort")
    loaded = vocnlp.load_head(tmp_path / "effort")
    assert (tmp_path / "effort" / "README.md").read_text().startswith("# Head: effort")
    nlp = Pipeline.default(heads={"effort": loaded})
    out = nlp.run(["I was transferred five times before anyone could help",
                   "Musiałem trzy razy dzwonić na infolinię, żeby to załatwić",
                   "The coffee was delicious", "Great value for money", None])
    assert list(out["effort"][:4]) == ["effort", "effort", "other", "other"]
    assert out["effort_score"][:4].between(0.5, 1).all() and pd.isna(out["effort"][4])
    assert "effort" in nlp.describe()["stages"]
    # the head's card says which encoder it was trained on, the output which encoder made its vectors,
    # and a pipeline over another encoder model refuses the head (issue 20 item 3)
    assert loaded.meta["encoder"]["model"] == "multilingual-e5-small"
    assert out.attrs["vocnlp_encoder"] == loaded.meta["encoder"]
    loaded.meta["encoder"] = {"model": "all-MiniLM-L6-v2", "weights": "hf"}
    with pytest.raises(vocnlp.ConfigError, match="'effort' head was made with the encoder 'all-MiniLM-L6-v2'"):
        Pipeline.default(heads={"effort": loaded}).run(["The coffee was delicious"])


def test_zero_shot_head() -> None:
    head = vocnlp.zero_shot_head({"pricing": "The price is too high, too expensive, the cost went up",
                                  "other": "Something else: staff, delivery, the app, quality"}, name="pricing")
    got = head.predict(vocnlp.embed(["Way too expensive for what you get", "Die Preise sind viel zu hoch",
                                     "The driver was friendly", "La app se cierra sola"]))
    assert got == ["pricing", "pricing", "other", "other"]


class _FailsOnBoom:
    name = "fragile"
    needs_clauses = False
    output_columns = ("fragile",)

    def columns(self, batch: StageBatch) -> dict[str, list[object]]:
        if any("boom" in t for t in batch.texts):
            raise ValueError("cannot handle boom")
        return {"fragile": [len(t) for t in batch.texts]}


def test_failing_stage_flags_only_its_rows() -> None:
    nlp = Pipeline.default(stages=[_FailsOnBoom()])
    out = nlp.run(["fine", "boom here", "also fine", "more boom", "ok then"])
    assert list(out["fragile"].isna()) == [False, True, False, True, False]
    assert list(out["status"]) == ["ok", "error", "ok", "error", "ok"]
    assert out["error"][1].startswith("V500 stage_failed: fragile: ValueError")
    assert out["sentiment"].notna().all()          # the other stages still scored the failed rows


def test_caller_mistakes() -> None:
    with pytest.raises(vocnlp.InputError, match="heads must be a dict"):
        Pipeline.default(heads=["effort"])  # type: ignore[arg-type]
    with pytest.raises(vocnlp.ConfigError, match="same columns"):
        Pipeline.default(heads={"intent": "intent"})
    with pytest.raises(vocnlp.InputError, match="2 texts but 1 labels"):
        vocnlp.train_head(["a", "b"], ["x"])


def test_polars_and_empty_inputs(nlp: Pipeline) -> None:
    pl = pytest.importorskip("polars")
    out = nlp.run(pl.DataFrame({"c": ["Great!", None]}), text_col="c")
    assert isinstance(out, pl.DataFrame) and out["sentiment"].to_list()[0] == "positive"
    empty = nlp.run(pd.DataFrame({"c": pd.Series([], dtype=object)}), text_col="c")
    assert {"sentiment", "intent", "intents", "sentiment_mixed"} <= set(empty.columns) and len(empty) == 0


def test_clause_sentiment_off_scores_whole_comments_only() -> None:
    nlp = Pipeline.default(clause_sentiment=False, clauses=True)
    calls: list[int] = []
    real = nlp.encoder.encode
    nlp.encoder.encode = lambda texts: (calls.append(len(texts)), real(texts))[1]  # type: ignore[method-assign]
    out = nlp.run(["The staff were lovely but the app keeps crashing."])
    assert calls == [1] and out["sentiment_mixed"][0] is None
    assert out["clauses"][0][1]["text"] == "but the app keeps crashing." and out["clauses"][0][1]["sentiment"] is None
