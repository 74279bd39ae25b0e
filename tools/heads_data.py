"""Training and evaluation data of the shipped heads: the project's multilingual set + mapped public data.

The mapping from public English data to vocnlp's labels (documented in models/heads/*/README.md):

sentiment (negative / neutral / positive)
  - models/training/voc_multilingual.csv, split=train          its own labels (15 languages)
  - UCI sentiment labelled sentences, 70% stratified split      negative / positive
  - Bitext customer support: `complaint`                        negative
  - Bitext customer support: plain requests (see BITEXT_QUESTION) neutral
  - CLINC150: in-scope assistant requests (not small talk)      neutral
  - real non-English feedback (REAL_SENTIMENT), each set's train rows only, capped so no set dominates:
    Korean NSMC movie reviews (CC0; 1-4 negative, 5-8 neutral, 9-10 positive), Thai wisesight (CC0;
    questions as neutral), Indonesian IndoNLU SmSA (MIT), AfriSenti tweets in 14 languages (CC BY 4.0),
    Indonesian IndoNLU hotel and car aspect reviews (MIT; a review whose aspects all lean one way takes
    that label, reviews of both ways are left out; sampled per domain and label, as hotel reviews are
    nearly all complaints). The aspect reviews' ``valid`` split is held out for
    benchmarks/aspect_sentiment.py: SmSA alone never taught the head that "kotor" (dirty) or "wifi
    lemot" (slow wifi) is a complaint.
    NusaX (CC BY-SA: share-alike, so never trained into the MIT heads) and ASAP zh (300 rows) stay
    evaluation-only, like the NPS verbatims.
intent (multi-label: complaint, praise, suggestion, question, churn_risk, other)
  - models/training/voc_multilingual.csv, split=train          its own labels
  - UCI negative -> complaint; UCI positive -> praise
  - Bitext `complaint` -> complaint; `delete_account` -> churn_risk + question;
    plain requests (BITEXT_QUESTION) -> question
  - banking77 (all but terminate_account) -> question; terminate_account -> churn_risk + question
  - CLINC150 small talk with no content (yes, no, maybe, greeting, goodbye) -> other
  - real reviews, train rows only: SmSA, wisesight and IndoNLU aspect-review negative -> complaint,
    positive -> praise; NSMC rating 1-2 -> complaint, 10 -> praise; wisesight questions -> question
  CLINC's out-of-scope queries are NOT used as `other`: they ask for information ("how do you relieve
  a hangover"), which is what `question` means here, and would teach the head that questions are noise.
NPS verbatims (GPL) are used for evaluation only, never for training the MIT-licensed heads.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VOCNLP_SHARED_DATA", ROOT.parent / "shared" / "data"))
HAND = ROOT / "models" / "training" / "voc_multilingual.csv"
CACHE = ROOT / "build" / "head-embeddings.npz"
SEED = 20261123

BITEXT_QUESTION = ("track_order", "get_invoice", "recover_password", "change_order", "check_invoices",
                   "check_refund_policy", "delivery_options", "track_refund", "check_payment_methods",
                   "delivery_period", "change_shipping_address", "set_up_shipping_address", "place_order",
                   "get_refund", "edit_account", "contact_customer_service", "create_account",
                   "newsletter_subscription", "check_cancellation_fee")
CLINC_SMALL_TALK = ("yes", "no", "maybe", "greeting", "goodbye")
CLINC_NOT_NEUTRAL = CLINC_SMALL_TALK + ("thank_you", "tell_joke", "fun_fact", "oos", "meaning_of_life")


#: real sets trained into the sentiment head: folder, rows sampled from its train split, per-language cap
REAL_SENTIMENT = {"nsmc": 1000, "wisesight": 1000, "smsa": 1000, "afrisenti": 1000, "absa": 1000}
#: test share of the real sets that come without a split of their own
REAL_TEST_FRAC = 0.3


def _split(df: pd.DataFrame, by: list[str], frac: float, seed: int = SEED) -> pd.Series:
    """A stratified train/test column: ``frac`` of each group goes to test."""
    rng = np.random.default_rng(seed)
    split = pd.Series("train", index=df.index)
    for _, idx in df.groupby(by).groups.items():
        idx = np.array(list(idx))
        rng.shuffle(idx)
        split.loc[idx[: round(len(idx) * frac)]] = "test"
    return split


def load() -> dict[str, pd.DataFrame]:
    """Every source as a frame with ``text`` and its labels; ``split`` where it has one."""
    if not SHARED.is_dir():
        sys.exit(f"shared data not found at {SHARED}; set VOCNLP_SHARED_DATA")
    hand = pd.read_csv(HAND, dtype=str, keep_default_na=False)
    hand["intents"] = hand["intents"].str.split(";")
    hand["mixed"] = hand["mixed"] == "1"
    uci = pd.read_csv(SHARED / "sentiment_uci_labelled_sentences_en" / "uci_sentiment_labelled_sentences.csv")
    uci["split"] = _split(uci, ["domain", "label"], 0.3)
    bitext = pd.read_csv(SHARED / "intent_bitext_customer_support_en" / "bitext_customer_support_20k.csv")
    banking = pd.read_csv(SHARED / "intent_banking77_en" / "banking77_test.csv")
    clinc = pd.read_csv(SHARED / "intent_clinc150_en" / "clinc150_test.csv")
    nps = pd.read_csv(SHARED / "nps_verbatims_en" / "nps_verbatims.csv")
    nps = nps[nps["text"].notna() & nps["nps_score"].notna()].reset_index(drop=True)
    return {"hand": hand, "uci": uci, "bitext": bitext, "banking": banking, "clinc": clinc, "nps": nps, **load_real()}


def load_real() -> dict[str, pd.DataFrame]:
    """The real non-English sentiment sets with a ``split`` column (``train`` / ``test``; other rows unused).

    Sets with a split of their own keep it (SmSA: ``valid`` is the test split; AfriSenti: ``test``); the
    others get a seeded stratified one (REAL_TEST_FRAC), so benchmarks/quality.py reports on rows never
    trained on.
    """

    def read(folder: str) -> pd.DataFrame:
        return pd.read_csv(SHARED / folder / "data.csv", dtype={"text": str}).dropna(subset=["text"])

    nsmc = read("sentiment_nsmc_ratings").reset_index(drop=True)
    nsmc["split"] = _split(nsmc, ["label"], REAL_TEST_FRAC)
    th = read("sentiment_wisesight_sentiment").reset_index(drop=True)
    th["split"] = _split(th, ["label"], REAL_TEST_FRAC)
    smsa = read("sentiment_indonlu_smsa").reset_index(drop=True)
    smsa["split"] = smsa["split"].replace({"valid": "test"})
    afri = read("sentiment_afrisenti").reset_index(drop=True)
    afri["split"] = afri["split"].where(afri["split"].isin(["train", "test"]), "unused")
    absa = read("themes_indonlu_absa").reset_index(drop=True)
    absa = absa[absa["label"] != "mixed"].reset_index(drop=True)
    absa["split"] = absa["split"].replace({"valid": "test"})
    absa["stratum"] = absa["domain"] + ":" + absa["label"]
    return {"nsmc": nsmc, "wisesight": th, "smsa": smsa, "afrisenti": afri, "absa": absa}


def _stratified_sample(df: pd.DataFrame, n: int, by: str, seed: int = SEED) -> pd.DataFrame:
    """About ``n`` rows with every ``by`` group equally represented (smaller groups give all they have)."""
    groups = list(df.groupby(by))
    per = max(1, n // max(len(groups), 1))
    return pd.concat([_sample(g, per, seed) for _, g in groups])


def real_sentiment_rows(src: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Train rows of the real sets for the sentiment head (questions count as neutral)."""
    parts = []
    for name, n in REAL_SENTIMENT.items():
        df = src[name]
        df = df[df["split"] == "train"].copy()
        df["label"] = df["label"].replace({"question": "neutral"})
        strata = {"afrisenti": "lang", "absa": "stratum"}
        pick = _stratified_sample(df, n, strata[name]) if name in strata else _sample(df, n)
        parts.append(pd.DataFrame({"text": pick["text"], "label": pick["label"], "weight": 1.0, "source": name}))
    return pd.concat(parts, ignore_index=True)


def _sample(df: pd.DataFrame, n: int, seed: int = SEED) -> pd.DataFrame:
    return df.sample(min(n, len(df)), random_state=seed)


def sentiment_train(src: dict[str, pd.DataFrame], hand_weight: float = 3.0) -> pd.DataFrame:
    """Training rows for the sentiment head: ``text``, ``label``, ``weight``, ``source``."""
    hand = src["hand"][src["hand"]["split"] == "train"]
    uci = src["uci"][src["uci"]["split"] == "train"]
    b = src["bitext"]
    c = src["clinc"]
    parts = [
        pd.DataFrame({"text": hand["text"], "label": hand["sentiment"], "weight": hand_weight, "source": "hand"}),
        pd.DataFrame({"text": uci["text"], "label": uci["label"], "weight": 1.0, "source": "uci"}),
        pd.DataFrame({"text": _sample(b[b["intent"] == "complaint"], 300)["text"], "label": "negative",
                      "weight": 1.0, "source": "bitext"}),
        pd.DataFrame({"text": _sample(b[b["intent"].isin(BITEXT_QUESTION)], 700)["text"], "label": "neutral",
                      "weight": 1.0, "source": "bitext"}),
        pd.DataFrame({"text": _sample(c[~c["intent"].isin(CLINC_NOT_NEUTRAL)], 500)["text"], "label": "neutral",
                      "weight": 1.0, "source": "clinc"}),
        real_sentiment_rows(src),
    ]
    return pd.concat(parts, ignore_index=True).drop_duplicates("text").reset_index(drop=True)


def intent_train(src: dict[str, pd.DataFrame], hand_weight: float = 3.0) -> pd.DataFrame:
    """Training rows for the intent head: ``text``, ``labels`` (list), ``weight``, ``source``."""
    hand = src["hand"][src["hand"]["split"] == "train"]
    uci = src["uci"][src["uci"]["split"] == "train"]
    b, k, c = src["bitext"], src["banking"], src["clinc"]

    def rows(texts: pd.Series, labels: list[str], source: str, weight: float = 1.0) -> pd.DataFrame:
        return pd.DataFrame({"text": texts.values, "labels": [labels] * len(texts), "weight": weight, "source": source})

    parts = [
        pd.DataFrame({"text": hand["text"].values, "labels": hand["intents"].values, "weight": hand_weight,
                      "source": "hand"}),
        rows(uci[uci["label"] == "negative"]["text"], ["complaint"], "uci"),
        rows(uci[uci["label"] == "positive"]["text"], ["praise"], "uci"),
        rows(_sample(b[b["intent"] == "complaint"], 300)["text"], ["complaint"], "bitext"),
        rows(_sample(b[b["intent"] == "delete_account"], 250)["text"], ["churn_risk", "question"], "bitext"),
        rows(_sample(b[b["intent"].isin(BITEXT_QUESTION)], 500, SEED + 1)["text"], ["question"], "bitext"),
        rows(_sample(k[k["intent"] != "terminate_account"], 500)["text"], ["question"], "banking77"),
        rows(k[k["intent"] == "terminate_account"]["text"], ["churn_risk", "question"], "banking77"),
        rows(c[c["intent"].isin(CLINC_SMALL_TALK)]["text"], ["other"], "clinc"),
        *real_intent_rows(src, rows),
    ]
    return pd.concat(parts, ignore_index=True).drop_duplicates("text").reset_index(drop=True)


def real_intent_rows(src: dict[str, pd.DataFrame], rows) -> list[pd.DataFrame]:  # type: ignore[no-untyped-def]
    """Train rows of real reviews for the intent head: clear negatives are complaints, clear positives praise."""
    smsa = src["smsa"][src["smsa"]["split"] == "train"]
    nsmc = src["nsmc"][src["nsmc"]["split"] == "train"]
    th = src["wisesight"][src["wisesight"]["split"] == "train"]
    absa = src["absa"][src["absa"]["split"] == "train"]
    return [
        rows(_sample(absa[absa["label"] == "negative"], 300)["text"], ["complaint"], "absa"),
        rows(_sample(absa[absa["label"] == "positive"], 300)["text"], ["praise"], "absa"),
        rows(_sample(smsa[smsa["label"] == "negative"], 400)["text"], ["complaint"], "smsa"),
        rows(_sample(smsa[smsa["label"] == "positive"], 400)["text"], ["praise"], "smsa"),
        rows(_sample(nsmc[nsmc["rating"] <= 2], 400)["text"], ["complaint"], "nsmc"),
        rows(_sample(nsmc[nsmc["rating"] == 10], 400)["text"], ["praise"], "nsmc"),
        rows(_sample(th[th["label"] == "negative"], 300)["text"], ["complaint"], "wisesight"),
        rows(_sample(th[th["label"] == "positive"], 300)["text"], ["praise"], "wisesight"),
        rows(th[th["label"] == "question"]["text"], ["question"], "wisesight"),
    ]


class EmbeddingCache:
    """Embeddings by text, kept in build/ so re-running the training script does not re-embed."""

    def __init__(self, path: Path = CACHE) -> None:
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        if path.exists():
            data = np.load(path)
            self.vectors = dict(zip(data["keys"].tolist(), data["emb"]))

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()

    def __call__(self, texts: list[str]) -> np.ndarray:
        import vocnlp

        missing = sorted({t for t in texts if self.key(t) not in self.vectors})
        if missing:
            emb = vocnlp.embed(missing)
            for t, v in zip(missing, emb):
                self.vectors[self.key(t)] = v
            self.path.parent.mkdir(parents=True, exist_ok=True)
            keys = list(self.vectors)
            np.savez(self.path, keys=np.array(keys), emb=np.stack([self.vectors[k] for k in keys]))
        return np.stack([self.vectors[self.key(t)] for t in texts]).astype(np.float32)
