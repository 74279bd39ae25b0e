"""ThemeModel on real data: the NPS verbatims, the sample data and a parallel multilingual set."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import vocnlp
from vocnlp.pipeline import Pipeline

pytest.importorskip("bertopic")
PARALLEL = Path(__file__).resolve().parents[1] / "data" / "parallel_feedback.csv"


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default(keep_embeddings=True)


@pytest.fixture(scope="module")
def nps_out(nlp: Pipeline, shared_data: Path) -> pd.DataFrame:
    df = pd.read_csv(shared_data / "nps_verbatims_en" / "nps_verbatims.csv")
    return nlp.run(df, text_col="text")


@pytest.fixture(scope="module")
def nps_tm(nps_out: pd.DataFrame) -> vocnlp.ThemeModel:
    return vocnlp.ThemeModel(seed=0).fit(nps_out, text_col="text")


@pytest.fixture(scope="module")
def sample_out(nlp: Pipeline) -> pd.DataFrame:
    return nlp.run(vocnlp.io.load_sample(), text_col="comment")


@pytest.fixture(scope="module")
def sample_tm(sample_out: pd.DataFrame) -> vocnlp.ThemeModel:
    return vocnlp.ThemeModel(seed=0).fit(sample_out, text_col="comment")


def _targets(tm: vocnlp.ThemeModel, out: pd.DataFrame, text_col: str, *, max_unassigned: float = 0.10) -> pd.DataFrame:
    st = tm.fit_stats_
    assert st["comments_unassigned"] <= max_unassigned, st
    assert st["largest_theme_share"] <= 0.25, st
    assert 8 <= st["themes"] <= 80, st
    tagged = tm.transform(out, text_col=text_col)
    live = tagged["theme_id"].notna()
    assert (tagged.loc[live, "theme_id"] == -1).mean() == pytest.approx(st["comments_unassigned"], abs=0.01)
    # of the comments that say something (a clause of two content words): no more without a theme than of all
    assert st["topical_comments_unassigned"] <= st["comments_unassigned"] + 1e-9, st
    assert tm.themes_["label"].is_unique
    return tagged


def test_nps_verbatims_targets(nps_tm: vocnlp.ThemeModel, nps_out: pd.DataFrame) -> None:
    tagged = _targets(nps_tm, nps_out, "text")
    cols = {"theme_id", "label", "size", "share", "top_terms", "terms_by_language", "examples", "parent_id",
            "negative", "neutral", "positive", "mean_sentiment"}
    assert cols <= set(nps_tm.themes_.columns)
    # joining the clauses that hold no anchor phrase loosens themes a little (0.52 -> 0.46 mean similarity to
    # the centre); density clusters (discovery="clusters") lose 0.03 when their outliers join
    assert nps_tm.fit_stats_["cohesion"] >= nps_tm.fit_stats_["cohesion_before_reassignment"] - 0.08
    assert all(isinstance(t, list) for t in tagged["themes"].dropna())
    # labels are short phrases found in the theme's own clauses (issue 15), with their coverage reported
    clauses = " | ".join(nps_tm._fit_data.units.texts).lower()
    phrased = nps_tm.themes_[nps_tm.themes_["label_coverage"].notna()]
    assert len(phrased) >= 0.8 * nps_tm.n_themes
    # (a mixed theme, which no one phrase speaks for, is named by two: "choice / communication")
    parts = [lab.split(" / ") for lab in phrased["label"]]
    assert all(len(p) <= 2 and all(x.lower() in clauses and 1 <= len(x.split()) <= 5 for x in p) for p in parts)
    assert 0.5 <= nps_tm.fit_stats_["label_coverage"] <= 1  # 0.57 anchored, 0.46 with discovery="clusters"
    assert nps_tm.fit_stats_["discovery"] == "phrases"  # one language, repeated phrasing: anchored themes
    # a word alone labels a theme only when it names something: these verbs were labels before
    assert not {"think", "said", "happened", "read"} & set(nps_tm.themes_["label"])
    # labels are written as the customers write their words: "person I spoke to", not "person i spoke to" (2026-12-06)
    assert not any(" i " in f" {lab} " for lab in nps_tm.themes_["label"])
    assert any(" I " in f" {lab} " for lab in nps_tm.themes_["label"])
    assert 0 <= nps_tm.fit_stats_["mixed_themes"] < nps_tm.n_themes


def test_a_second_phrase_names_what_the_label_leaves_out(
    nps_tm: vocnlp.ThemeModel, nps_out: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 15: on the NPS verbatims a label spoke for 0.59 of its theme's comments; "good service" for half of
    # its theme while "excellent" (service) said the rest. Such a theme is now "A / B" where B, about the
    # theme, speaks for 10% more of its comments
    from vocnlp.themes import labels

    below = labels.WIDEN_BELOW
    monkeypatch.setattr(labels, "WIDEN_BELOW", 0.0)
    narrow = vocnlp.ThemeModel(seed=0).fit(nps_out, text_col="text")
    before = narrow.themes_.set_index("theme_id")
    after = nps_tm.themes_.set_index("theme_id")
    assert list(before.index) == list(after.index) and (before["size"] == after["size"]).all()  # same themes
    wide = after[after["label"] != before["label"]]
    assert len(wide) >= 3, after["label"].tolist()
    for i, row in wide.iterrows():
        first, second = row["label"].split(" / ")
        assert first == before.loc[i, "label"] and second != first
        assert row["label_coverage"] >= before.loc[i, "label_coverage"] + labels.WIDEN_GAIN - 1e-9
        assert before.loc[i, "label_coverage"] < below
    # 0.625 -> 0.659 when it came; 0.676 -> 0.690 since clauses holding an anchor phrase join its theme
    assert nps_tm.fit_stats_["label_coverage"] >= narrow.fit_stats_["label_coverage"] + 0.01


def test_label_coverage_counts_only_close_variants_that_stand_out(
    nps_tm: vocnlp.ThemeModel, nps_out: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    # bug (issue 15, 2026-12-06, night): `vocnlp analyze` on 3,000 real NusaX reviews in 11 languages called "anre-anre"
    # (Buginese, food) "label in 91% of its comments" where 14% said it: a close variant was any clause as similar
    # to the label as those saying it, and in a theme its language had made every clause was. On these verbatims
    # "phone calls" claimed 56% where 11% said it. A close variant must now also be nearer the label than 99% of the
    # clauses outside the theme
    from vocnlp.themes import labels
    from vocnlp.themes.phrases import covers

    def claimed_minus_said(tm: vocnlp.ThemeModel) -> dict[str, float]:
        fit = tm._fit_data
        out = {}
        for i, label, coverage in zip(tm.themes_["theme_id"], tm.themes_["label"], tm.themes_["label_coverage"]):
            said: dict[int, bool] = {}
            for text, theme, row in zip(fit.units.texts, fit.labels, fit.units.row):
                if theme == i:
                    said[row] = said.get(row, False) or any(covers(p, text, "en") for p in label.split(" / "))
            out[label] = coverage - np.mean(list(said.values()))
        return out

    monkeypatch.setattr(labels, "VARIANT_OUTSIDE_QUANTILE", None)
    loose = vocnlp.ThemeModel(seed=0).fit(nps_out, text_col="text")
    before, after = claimed_minus_said(loose), claimed_minus_said(nps_tm)
    assert max(before.values()) > 0.4, before  # 0.50 ("months waiting / waiting for my order"), 0.45 ("phone calls")
    assert max(after.values()) <= 0.4, sorted(after.items(), key=lambda kv: -kv[1])[:3]
    assert nps_tm.fit_stats_["label_coverage"] <= loose.fit_stats_["label_coverage"] - 0.03  # 0.692 -> 0.614
    assert nps_tm.n_themes == loose.n_themes  # what is counted changed, not the themes


def test_refit_on_overlapping_samples_finds_the_same_themes(nps_tm: vocnlp.ThemeModel, nps_out: pd.DataFrame) -> None:
    # issue 15 item 5: fits on two overlapping 90% samples assign all comments alike. Anchored themes: 0.81
    # adjusted Rand (benchmarks/RESULTS.md); UMAP + HDBSCAN (discovery="clusters"): 0.71, which this fails
    from sklearn.metrics import adjusted_rand_score

    rng = np.random.default_rng(1)
    runs = []
    for _ in range(2):
        pick = np.sort(rng.choice(len(nps_out), int(0.9 * len(nps_out)), replace=False))
        tm = vocnlp.ThemeModel(seed=0).fit(nps_out.iloc[pick], text_col="text")
        runs.append(tm.transform(nps_out, text_col="text")["theme_id"].fillna(-1).astype(int))
    assert adjusted_rand_score(*runs) >= 0.75


def test_a_frame_without_languages_has_them_detected(nps_out: pd.DataFrame, sample_out: pd.DataFrame) -> None:
    # before: without the Pipeline's language column every clause was "und", so a one-language frame was
    # clustered (anchored themes refit and label better on every real set: benchmarks/RESULTS.md) and text
    # given without clauses was cut at the contrast words of every language ("de", "men", "dog")
    from collections import Counter

    from vocnlp.themes.units import detected_languages

    detected = detected_languages(list(nps_out["text"]))
    assert np.mean(np.array(detected) == nps_out["language"].to_numpy()) >= 0.99  # as the Pipeline detects
    tm = vocnlp.ThemeModel(seed=0).fit(nps_out.drop(columns=["language"]).head(800), text_col="text")
    assert tm.fit_stats_["discovery"] == "phrases"
    assert Counter(tm._fit_data.units.language).most_common(1)[0][0] == "en"
    # many languages: still one taxonomy of density clusters across them
    tm = vocnlp.ThemeModel(seed=0).fit(sample_out.drop(columns=["language"]), text_col="comment")
    assert tm.fit_stats_["discovery"] == "clusters"
    assert len(set(tm._fit_data.units.language)) >= 8


def test_transform_does_not_change_the_model(nps_tm: vocnlp.ThemeModel, nps_out: pd.DataFrame) -> None:
    import json

    before = json.dumps(nps_tm.state_.to_json(), default=str)
    nps_tm.transform(nps_out.head(200), text_col="text")
    nps_tm.transform(["Something entirely new about parking spaces and car parks"])
    assert json.dumps(nps_tm.state_.to_json(), default=str) == before


def test_assign_in_blocks_equals_one_pass(
    nps_tm: vocnlp.ThemeModel, nps_out: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    # assign centres its rows in blocks (the whole matrix at once took a 300k-clause fit 1.5 GB higher)
    from vocnlp.themes import assign as theme_assign

    x = np.vstack([np.asarray(e, dtype=np.float32) for e in nps_out["clause_embeddings"].head(300) if e is not None])
    whole_ids, whole_sims = nps_tm.assign(x)
    monkeypatch.setattr(theme_assign, "ASSIGN_BLOCK", 7)
    ids, sims = nps_tm.assign(x)
    assert len(x) > 7 * 20 and (ids == whole_ids).all()
    np.testing.assert_allclose(sims, whole_sims, atol=1e-6)
    assert nps_tm.assign(x[:0])[0].shape == (0,)


def test_a_clause_that_says_a_themes_anchor_phrase_joins_that_theme(
    nps_tm: vocnlp.ThemeModel, nps_out: pd.DataFrame
) -> None:
    # the fit and transform assign alike: a clause holding a theme's anchor phrase ("bill") goes to it when
    # within ANCHOR_MARGIN of its nearest centre (7% of the NPS clauses; label coverage 0.66 -> 0.69)
    from vocnlp.themes.anchors import ANCHOR_MARGIN, holding

    state = nps_tm.state_
    assert all(state.themes[i].anchors for i in state.ids)
    rows = [(c["text"], lang, e) for cl, lang, emb in zip(nps_out["clauses"], nps_out["language"],
            nps_out["clause_embeddings"]) if isinstance(cl, list) for c, e in zip(cl, emb)]
    texts, langs = [r[0] for r in rows], [r[1] for r in rows]
    x = np.vstack([np.asarray(r[2], dtype=np.float32) for r in rows])
    plain, _ = nps_tm.assign(x)
    ids, sims = nps_tm.assign(x, texts=texts, languages=langs)
    holds = holding(texts, langs, state.theme_anchors(), negated_share=state.anchors_negated_shares())
    pos = {t: k for k, t in enumerate(state.ids)}
    centred = nps_tm._center(x) @ state.centroids.T
    moved = np.nonzero((ids != plain) & (ids != -1))[0]
    assert 0.02 <= len(moved) / len(ids) <= 0.15, len(moved) / len(ids)
    for r in moved:
        assert holds[r, pos[int(ids[r])]] and not holds[r, pos[int(plain[r])]]
        assert centred[r].max() - centred[r, pos[int(ids[r])]] <= ANCHOR_MARGIN + 1e-6
        assert sims[r] == pytest.approx(centred[r, pos[int(ids[r])]], abs=1e-5)
    # a clause of one content word that does not hold its theme's anchor needs SHORT_LIFT more ("Livid." had
    # joined "good service", "It's faultless" "service is appalling")
    from vocnlp.themes.cluster import SHORT_LIFT
    from vocnlp.themes.prepare import word_counts

    n_words = word_counts(texts, langs)
    dropped = np.nonzero((ids == -1) & (plain != -1))[0]
    assert 0.01 <= len(dropped) / len(ids) <= 0.1, len(dropped) / len(ids)
    for r in dropped:
        assert n_words[r] < 2 and not holds[r, pos[int(plain[r])]]
        assert centred[r, pos[int(plain[r])]] < state.threshold + max(state.lift, SHORT_LIFT)
    said = {texts[r] for r in dropped}
    assert {"Livid.", "Yes"} & said, sorted(said)[:20]
    assert (nps_tm.assign(x, texts=texts, languages=langs, n_words=n_words)[0] == ids).all()
    # 10.6% of these comments have no clause of two content words; those are most of the 6% without a theme
    st = nps_tm.fit_stats_
    assert st["comments_without_topic"] == pytest.approx(0.106, abs=0.01), st
    assert st["comments_without_topic"] > st["comments_unassigned"] > 0.03, st
    fit = nps_tm._fit_data  # the fitted clauses' themes, as transform assigns them
    again, _ = nps_tm.assign(fit.units.embeddings, texts=fit.units.texts, languages=fit.units.language)
    assert (again == fit.labels).mean() >= 0.999
    with pytest.raises(vocnlp.InputError, match="one text per row"):
        nps_tm.assign(x[:3], texts=texts[:2])
    with pytest.raises(vocnlp.InputError, match="one per row"):
        nps_tm.assign(x[:3], texts=texts[:3], n_words=n_words[:2])


def test_specific_issues_are_separate_themes(nps_tm: vocnlp.ThemeModel) -> None:
    issues = {"engineer": ("engineer",), "billing": ("bill", "charged", "billing"), "price": ("expensive", "price"),
              "communication": ("communication",), "delay": ("delay", "wait", "waiting", "long"),
              "installation": ("installation", "installed", "install")}
    found = {}
    t = nps_tm.themes_
    # what a reader sees of a theme: its label, first phrases and top keywords ("service still not installed")
    shown = [[lab, *ph[:3], *ts[:5]] for lab, ph, ts in zip(t["label"], t["phrases"], t["top_terms"])]
    for name, words in issues.items():
        hits = t[[any(w in x.split() for x in xs for w in words) for xs in shown]]
        assert len(hits), f"no theme about {name}"
        found[name] = set(hits["theme_id"])
    # each issue has a theme of its own: pick distinct ids greedily
    used: set[int] = set()
    for name in sorted(found, key=lambda n: len(found[n])):
        free = sorted(found[name] - used)
        assert free, f"{name} shares all its themes with other issues: {found}"
        used.add(free[0])


def test_sample_data_targets(sample_tm: vocnlp.ThemeModel, sample_out: pd.DataFrame) -> None:
    # the issue's 10% is asserted on the real NPS verbatims above; this small hand-written set (453 comments)
    # is full of subject-less one-word replies ("Super", "Toppen", "Очень плохо", "👍👍") that stay
    # unassigned by design, and its share sat at exactly 10.0% until fixing one comment's clauses (a German
    # "leider" cut that the offset bug had missed) moved it to 11.3%
    tagged = _targets(sample_tm, sample_out, "comment", max_unassigned=0.12)
    # 15 languages, little repeated phrasing: "auto" clusters (anchored, 73% of the comments stayed unassigned)
    assert sample_tm.fit_stats_["discovery"] == "clusters"
    # sentiment mix comes from the clauses the pipeline scored
    assert sample_tm.themes_[["negative", "neutral", "positive"]].sum(axis=1).round(3).eq(1).all()
    assert len(tagged) == len(sample_out)


def test_refit_is_deterministic(sample_out: pd.DataFrame, sample_tm: vocnlp.ThemeModel) -> None:
    again = vocnlp.ThemeModel(seed=0).fit(sample_out, text_col="comment")
    a = sample_tm.transform(sample_out, text_col="comment")
    b = again.transform(sample_out, text_col="comment")
    assert a["theme_id"].equals(b["theme_id"]) and list(sample_tm.themes_["label"]) == list(again.themes_["label"])


def test_save_load_round_trip(tmp_path: Path, nps_tm: vocnlp.ThemeModel, nps_out: pd.DataFrame) -> None:
    nps_tm.save(tmp_path / "themes")
    files = {p.relative_to(tmp_path / "themes").as_posix() for p in (tmp_path / "themes").rglob("*") if p.is_file()}
    assert {"themes.json", "themes.safetensors", "themes.csv"} <= files
    # anchored themes save what their BERTopic model is built from (a fit needs no BERTopic import); a
    # model whose BERTopic model exists (UMAP + HDBSCAN, or read once) saves that model, as safetensors
    assert ("bertopic_docs.json" in files) != any(f.startswith("bertopic/") and f.endswith(".safetensors")
                                                  for f in files)
    assert not any(f.endswith((".pkl", ".pickle", ".bin", ".pt")) for f in files), files
    back = vocnlp.ThemeModel.load(tmp_path / "themes")
    a = nps_tm.transform(nps_out, text_col="text")
    b = back.transform(nps_out, text_col="text")
    assert a["theme_id"].equals(b["theme_id"]) and a["themes"].equals(b["themes"])
    pd.testing.assert_frame_equal(nps_tm.themes_.drop(columns=["first_seen"]), back.themes_.drop(columns=["first_seen"]),
                                  check_dtype=False)
    topics = back.bertopic_.get_topic_info()
    assert len(topics) >= nps_tm.n_themes // 2 and back.bertopic_.get_topic(int(topics["Topic"].max()))
    again = tmp_path / "again"
    back.save(again)  # its BERTopic model now exists: saved as BERTopic saves it
    assert any(p.suffix == ".safetensors" for p in (again / "bertopic").rglob("*"))
    assert vocnlp.ThemeModel.load(again).bertopic_ is not None
    vocnlp.ThemeModel.load(again).save(tmp_path / "third")  # saved again without reading it: still there
    assert any(p.suffix == ".safetensors" for p in (tmp_path / "third" / "bertopic").rglob("*"))
    # the encoder that made the centroids travels with the model and is checked on use (issue 20 item 3)
    assert back.state_.encoder == nps_tm.state_.encoder == nps_out.attrs["vocnlp_encoder"]
    other = nps_out.head(20).copy()
    other.attrs["vocnlp_encoder"] = {"model": "LaBSE", "weights": "hf"}
    with pytest.raises(vocnlp.ConfigError, match="ThemeModel was made with the encoder 'multilingual-e5-small'"):
        back.transform(other, text_col="text")


def test_one_taxonomy_across_languages(nlp: Pipeline, nps_out: pd.DataFrame, sample_out: pd.DataFrame) -> None:
    par = nlp.run(pd.read_csv(PARALLEL), text_col="text")
    corpus = pd.concat([nps_out, sample_out.rename(columns={"comment": "text"}), par], ignore_index=True)
    tm = vocnlp.ThemeModel(seed=0).fit(corpus, text_col="text")
    tagged = tm.transform(par, text_col="text")
    agree = []
    for _, g in tagged.groupby("concept"):
        en = g.loc[g["lang"] == "en", "theme_id"].iloc[0]
        agree += list((g.loc[g["lang"] != "en", "theme_id"] == en) & (en != -1))
    assert np.mean(agree) >= 0.75, np.mean(agree)   # measured 0.92 (benchmarks/RESULTS.md)


def test_pipeline_assigns_themes_in_the_single_pass(sample_tm: vocnlp.ThemeModel, sample_out: pd.DataFrame) -> None:
    nlp = Pipeline.default(themes=sample_tm, clauses=True)
    calls: list[int] = []
    real = nlp.encoder.encode
    nlp.encoder.encode = lambda texts: (calls.append(len(texts)), real(texts))[1]  # type: ignore[method-assign]
    df = vocnlp.io.load_sample().head(60)
    out = nlp.run(df, text_col="comment")
    assert len(calls) == 1
    direct = sample_tm.transform(sample_out.head(60), text_col="comment")
    assert [sorted(t) for t in out["themes"]] == [sorted(t) for t in direct["themes"]]
    # the main theme too, but where two themes hold as many of a comment's clauses the closer clause decides, and
    # the clause vectors of this one batch differ from the whole sample's in the fourth decimal (a German comment's
    # two clauses: 0.7614 and 0.7611 to their themes)
    for got, want, themes in zip(out["theme_id"], direct["theme_id"], direct["themes"]):
        assert got == want or (len(themes) >= 2 and {sample_tm.label_of(got), sample_tm.label_of(want)} <= set(themes))
    assert (out["theme_id"] == direct["theme_id"]).mean() >= 0.95
    clauses = [c for cl in out["clauses"].dropna() for c in cl]
    assert all("theme_id" in c and c["theme_id"] is not None for c in clauses)


def test_multi_theme_comment_has_clause_sentiment(sample_tm: vocnlp.ThemeModel) -> None:
    nlp = Pipeline.default(themes=sample_tm, clauses=True)
    out = nlp.run(["The delivery was quick and well packed, but the app keeps crashing when I log in."])
    clauses = out["clauses"][0]
    assert len(clauses) == 2 and [c["sentiment"] for c in clauses] == ["positive", "negative"]
    assert clauses[0]["theme_id"] != clauses[1]["theme_id"] and len(out["themes"][0]) == 2


def test_edits_merge_rename_split_reduce(sample_tm: vocnlp.ThemeModel, sample_out: pd.DataFrame) -> None:
    tm = copy.deepcopy(sample_tm)
    n = tm.n_themes
    size = int(tm.themes_.loc[tm.themes_.theme_id.isin([1, 2]), "size"].sum())
    tm.merge([1, 2], label="Merged")
    assert tm.n_themes == n - 1 and 2 not in tm.ids_ and tm.labels_[1] == "Merged"
    assert int(tm.themes_.loc[tm.themes_.theme_id == 1, "size"].iloc[0]) <= size
    tm.rename(0, "Renamed")
    with pytest.raises(vocnlp.ConfigError, match="already used"):
        tm.rename(3, "Renamed")
    tm.split(0, 2)
    assert tm.n_themes == n and tm.labels_[1] == "Merged"          # earlier edits survive
    tagged = tm.transform(sample_out, text_col="comment")
    assert set(tagged["theme_id"].dropna().astype(int)) <= set(tm.ids_) | {-1}
    tm.reduce(5)
    assert tm.n_themes == 5 and tm.labels_[1] == "Merged"
    assert [e["op"] for e in tm.edits_][:3] == ["merge", "rename", "split"]


def test_seed_themes_guide_the_taxonomy(sample_out: pd.DataFrame) -> None:
    tm = vocnlp.ThemeModel(seed=0, seed_themes={
        "Delivery": ["late delivery", "the parcel arrived late", "courier"],
        "Billing": ["charged twice", "wrong invoice", "billing error"]}).fit(sample_out, text_col="comment")
    assert tm.labels_[0] == "Delivery" and tm.labels_[1] == "Billing"
    assert tm.themes_.loc[:1, "size"].min() > 5 and tm.n_themes > 4
    out = tm.transform(["Mein Paket kam zwei Wochen zu spät", "Me cobraron dos veces este mes"])
    assert list(out["theme"]) == ["Delivery", "Billing"]


def test_unmatched_seed_theme_names_no_other_theme(sample_out: pd.DataFrame) -> None:
    # a seed theme nobody writes about must not lend its name to a discovered theme (ids shift when it is dropped)
    tm = vocnlp.ThemeModel(seed=0, seed_themes={
        "Zebra husbandry": ["zebra feeding schedule", "stripes of the zebra foals"],
        "Delivery": ["late delivery", "the parcel arrived late", "courier"]}).fit(sample_out, text_col="comment")
    labels = list(tm.themes_["label"])
    assert "Zebra husbandry" not in labels and labels[0] == "Delivery"
    tm.split(0, 2)
    assert "Delivery" not in tm.labels_.values()          # a split theme is described afresh


def _loyalty_points() -> pd.DataFrame:
    """30 comments on a topic the sample data never mentions (loyalty points), in four languages."""
    topic = ["The new loyalty points never show up in my account", "Where are my loyalty points from last month?",
             "Loyalty points disappeared after the update", "I collected points but the rewards shop is always empty",
             "My reward points expired without warning", "Die Treuepunkte wurden mir nicht gutgeschrieben",
             "Mes points de fidélité ont disparu", "No me han sumado los puntos de fidelidad",
             "The points programme is confusing, I lost my rewards", "Bonus points were not credited again"]
    return pd.DataFrame({"comment": [f"{t}{'!' * k}" for k in range(3) for t in topic],
                         "date": ["2026-07-0" + str(1 + k % 9) for k in range(30)]})


def test_update_finds_emerging_theme_and_keeps_ids(sample_tm: vocnlp.ThemeModel, sample_out: pd.DataFrame) -> None:
    tm = copy.deepcopy(sample_tm)
    before = dict(tm.labels_)
    emerging = tm.update(_loyalty_points(), text_col="comment", date_col="date", min_size=8)
    loyalty = emerging[emerging["examples"].map(lambda ex: sum("point" in e.lower() for e in ex) >= 2)]
    assert len(loyalty) >= 1 and loyalty["first_seen"].notna().all(), emerging[["label", "examples"]]
    assert all(tm.labels_[k] == v for k, v in before.items())
    old = sample_tm.transform(sample_out, text_col="comment")["theme_id"]
    assert tm.transform(sample_out, text_col="comment")["theme_id"].equals(old)


def test_edits_after_update_keep_the_emerging_themes(sample_tm: vocnlp.ThemeModel) -> None:
    # after update(new data), split(0) crashed (the new theme has no fitted clause: its centre was recomputed
    # from none, NaN) and merge([1, 2]) renamed the new theme "theme" with size 0; after update() from the
    # fit's own clauses, split crashed the same way (those clauses were not marked as the new theme's)
    tm = copy.deepcopy(sample_tm)
    loyalty = _loyalty_points()
    new = tm.update(loyalty, text_col="comment", min_size=8).set_index("theme_id")
    assert len(new) >= 1
    tm.split(0, 2)
    tm.merge([1, 2])
    assert np.isfinite(tm.centroids_).all()
    for i, row in new.iterrows():
        assert tm.labels_[i] == row["label"] and tm.themes_by_id_[i].size == row["size"]
    assert tm.transform(loyalty, text_col="comment")["theme_id"].isin(new.index).mean() >= 0.5
    tm = copy.deepcopy(sample_tm)
    new = tm.update(min_size=5).set_index("theme_id")
    assert len(new) >= 1, "the sample's unassigned clauses no longer form a theme: pick another case"
    tm.split(0, 2)
    assert np.isfinite(tm.centroids_).all()
    assert all(tm.themes_by_id_[i].size > 0 and tm.labels_[i] not in ("", "theme") for i in new.index)


def test_fit_uses_date_col_for_first_seen(sample_out: pd.DataFrame) -> None:
    tm = vocnlp.ThemeModel(seed=0).fit(sample_out, text_col="comment", date_col="date")
    first = tm.themes_["first_seen"]
    assert first.notna().all() and (first >= str(pd.to_datetime(sample_out["date"]).min().date())).all()
    with pytest.raises(vocnlp.InputError, match="date_col"):
        vocnlp.ThemeModel(seed=0).fit(sample_out, text_col="comment", date_col="nope")


def test_over_time_and_by_segment(sample_tm: vocnlp.ThemeModel, sample_out: pd.DataFrame) -> None:
    tagged = sample_tm.transform(sample_out, text_col="comment")
    q = sample_tm.over_time(tagged, date_col="date", freq="Q")
    assert {"period", "theme_id", "theme", "n", "comments", "share"} <= set(q.columns)
    assert q["period"].nunique() == 6 and q["share"].between(0, 1).all()
    seg = sample_tm.by_segment(tagged, "channel")
    assert set(seg["channel"]) == set(sample_out["channel"]) and (seg["n"] <= seg["comments"]).all()


def test_caller_mistakes_and_nasty_rows(sample_tm: vocnlp.ThemeModel, nasty: list[object], tmp_path: Path) -> None:
    with pytest.raises(vocnlp.NotFittedError, match="not fitted"):
        vocnlp.ThemeModel().transform(["x"])
    with pytest.raises(vocnlp.ConfigError, match="min_theme_size"):
        vocnlp.ThemeModel(min_theme_size=1).fit(["a b c"] * 30)
    with pytest.raises(vocnlp.InputError, match="at least 20"):
        vocnlp.ThemeModel().fit(["Great service", "Bad app"])
    with pytest.raises(vocnlp.InputError, match="not a saved ThemeModel"):
        vocnlp.ThemeModel.load(tmp_path)
    with pytest.raises(vocnlp.InputError, match="text_col"):
        sample_tm.transform(pd.DataFrame({"c": ["x"]}), text_col="comment")
    out = sample_tm.transform(pd.DataFrame({"text": pd.Series(nasty, dtype=object)}), text_col="text")
    assert len(out) == len(nasty) and pd.isna(out["theme_id"][0]) and out["theme_id"][4] == -1


def test_drivers_on_nps_verbatims(nps_tm: vocnlp.ThemeModel, nps_out: pd.DataFrame) -> None:
    tagged = nps_tm.transform(nps_out, text_col="text")
    rep = vocnlp.analyze_drivers(tagged, score_col="nps_score", date_col="response_date", n_boot=500, n_perm=500)
    missing = np.nonzero(tagged["nps_score"].isna().to_numpy())[0].tolist()     # 32 rows have no score
    assert rep.score.n == tagged["nps_score"].notna().sum() and rep.invalid_rows == missing
    t = rep.table
    assert len(t) >= 10 and (t["impact_ci_low"] <= t["impact"]).all() and (t["impact"] <= t["impact_ci_high"]).all()
    np.testing.assert_allclose(t["impact"], t["share"] * t["gap"], atol=1e-9)
    # complaint themes pull the score down, praise themes up
    worst = t[t["level"] == "theme"].nsmallest(3, "impact")["theme"].tolist()
    neg = nps_tm.themes_.set_index("label").loc[worst, "negative"]
    assert (neg > 0.5).all(), worst


def test_parent_level_in_transform_and_drivers(nps_tm: vocnlp.ThemeModel, nps_out: pd.DataFrame) -> None:
    tagged = nps_tm.transform(nps_out, text_col="text")
    table = nps_tm.themes_
    parent_of = dict(zip(table["label"], table["parent_label"]))
    live = tagged["theme_id"].notna() & (tagged["theme_id"] != -1)
    for themes, parents, main, main_parent in zip(tagged.loc[live, "themes"], tagged.loc[live, "theme_parents"],
                                                  tagged.loc[live, "theme"], tagged.loc[live, "theme_parent"]):
        assert parents == list(dict.fromkeys(parent_of[t] for t in themes)) and parent_of[main] == main_parent
    assert table["parent_id"].nunique() < len(table)            # some themes share a parent
    rep = vocnlp.analyze_drivers(tagged, score_col="nps_score", n_boot=200, n_perm=200, min_theme_n=5)
    t = rep.table
    parents = t[t["level"] == "parent"]
    assert len(parents) >= 1 and set(t.loc[t["level"] == "theme", "parent"].dropna()) <= set(table["parent_label"])
    # a parent's impact comes from the respondents mentioning any of its themes, not from summing its themes
    scored = tagged[pd.to_numeric(tagged["nps_score"], errors="coerce").notna()]
    from vocnlp.drivers.scores import score_values

    v = score_values(scored["nps_score"].tolist(), "nps")[0]
    row = parents.iloc[0]
    has = scored["theme_parents"].map(lambda ps: isinstance(ps, list) and row["theme"] in ps).to_numpy()
    assert row["impact"] == pytest.approx(v.mean() - v[~has].mean(), abs=1e-9)
    kids = t[(t["level"] == "theme") & (t["parent"] == row["theme"])]
    assert len(kids) >= 1 and row["n"] >= kids["n"].max()


@pytest.fixture(scope="module")
def asap_out(nlp: Pipeline, shared_data: Path) -> pd.DataFrame:
    df = pd.read_csv(shared_data / "themes_asap_zh_sample" / "data.csv")
    return nlp.run(df, text_col="text")


def test_chinese_labels_name_something(asap_out: pd.DataFrame) -> None:
    # bug (issue 15): real ASAP restaurant reviews had themes labelled "丝毫" (the slightest), "不用" (no
    # need) and, once those were dropped, "肯定" (surely): a verb or adverb that moved up from below the
    # candidates the tagger had read
    rjieba = pytest.importorskip("rjieba")
    tm = vocnlp.ThemeModel(seed=0).fit(asap_out, text_col="text")
    single = [(lab, rjieba.tag(lab)[0][1]) for lab in tm.themes_["label"] if len(rjieba.tag(lab)) == 1]
    # 好吃 (delicious) is tagged as a verb but describes: the taste theme's anchor, it names that theme since
    # 2026-12-05 (before: "不错", not bad, in nearly every theme)
    from vocnlp.words import _ZH_DESCRIBING

    assert single and all(tag.startswith(("n", "a", "vn", "j")) or lab in _ZH_DESCRIBING for lab, tag in single), single
    assert "不错" not in tm.themes_["label"].tolist()


def test_long_reviews_leave_filler_clauses_out_of_the_themes(asap_out: pd.DataFrame) -> None:
    # issue 15: the real ASAP reviews have ~9 clauses each; with the loose threshold of short comments
    # nearly every clause ("总的来说", all in all) was pushed into its nearest theme, and the labels covered
    # 0.55 of their themes. The threshold is now the strictest that still gives 95% of the comments a theme
    loose = vocnlp.ThemeModel(seed=0, outlier_quantile=0.01).fit(asap_out, text_col="text")
    tm = vocnlp.ThemeModel(seed=0).fit(asap_out, text_col="text")
    assert tm.threshold_ > loose.threshold_
    assert tm.fit_stats_["comments_unassigned"] <= 0.05
    clauses = tm.transform(asap_out, text_col="text")["clauses"]
    out = np.mean([c["theme_id"] == -1 for cl in clauses if isinstance(cl, list) for c in cl])
    assert out > 0.05, out
    assert tm.fit_stats_["label_coverage"] > loose.fit_stats_["label_coverage"] + 0.02


def test_a_label_says_what_its_comments_say_not_its_opposite(nps_tm: vocnlp.ThemeModel) -> None:
    # issue 15: label candidates dropped negation, so a theme of people who had not had their first bill was
    # named "paid my first bill", and "received my bill" counted as said by "I have not received my bill"
    from vocnlp.themes.phrases import covers, said_negated

    fit = nps_tm._fit_data
    negations = {"no", "not", "never", "without", "haven't", "hasn't", "didn't", "don't", "can't", "isn't"}
    negated_labels = 0
    for i, label in zip(nps_tm.themes_["theme_id"], nps_tm.themes_["label"]):
        member = [t for t, lab in zip(fit.units.texts, fit.labels) if lab == i]
        for part in label.split(" / "):
            holding = [t for t in member if covers(part, t, "en")]
            flipped = sum(said_negated(part, t, "en") for t in holding)
            assert flipped <= 0.5 * len(holding), (label, part, flipped, len(holding))
            negated_labels += bool(negations & set(part.split()))
    assert negated_labels >= 1, nps_tm.themes_["label"].tolist()  # "not have internet"


def test_the_themes_do_not_depend_on_the_order_of_the_rows(asap_out: pd.DataFrame) -> None:
    # bug (issue 15, "unstable"): the stability selection drew its subsamples by row, so the same reviews in
    # another order gave other themes: 33 vs 30 on these ASAP reviews, 72% of the comments with the same main
    # theme (NPS verbatims: 37 vs 35, 79%). The draws now follow the clause texts
    perm = np.random.default_rng(1).permutation(len(asap_out))
    shuffled = asap_out.iloc[perm].reset_index(drop=True)
    a = vocnlp.ThemeModel(seed=0).fit(asap_out, text_col="text")
    b = vocnlp.ThemeModel(seed=0).fit(shuffled, text_col="text")
    assert sorted(zip(a.themes_["label"], a.themes_["size"])) == sorted(zip(b.themes_["label"], b.themes_["size"]))
    main_a = a.transform(asap_out, text_col="text")["theme"].to_numpy()[perm]
    main_b = b.transform(shuffled, text_col="text")["theme"].to_numpy()
    assert (main_a == main_b).all()


def test_regional_languages_of_a_mixed_set_share_one_taxonomy(
    nlp: Pipeline, shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 15 ("one problem, one theme"): NusaX holds the same reviews in Indonesian and ten regional languages,
    # none of them in the reference set whose language directions are removed; mixed, each language made its own
    # themes (`vocnlp analyze` on 3,000 of them: enak / mangat / lamak, tasty, in three themes). A large language
    # the reference lacks now adds its own direction, measured on the corpus
    from vocnlp.themes import prepare

    df = pd.read_csv(shared_data / "sentiment_nusax_senti" / "data.csv")
    df = df[df["source_id"].isin(sorted(df["source_id"].unique())[:120])]
    out = nlp.run(df, text_col="text").assign(language=lambda d: d["lang"])

    def together(tm: vocnlp.ThemeModel) -> float:
        got = tm.transform(out, text_col="text")
        hit = got[got["theme_id"] >= 0]
        return float(hit.groupby("source_id")["theme_id"].agg(lambda s: s.value_counts(normalize=True).iloc[0]).mean())

    now = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
    monkeypatch.setattr(prepare, "CORPUS_LANGUAGE_SHARE", 1.01)  # the reference directions alone
    before = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
    assert now.language_basis_.shape[0] >= before.language_basis_.shape[0] + 10  # 11 languages, none in it
    assert together(now) >= together(before) + 0.03, (together(now), together(before))


def test_javanese_reviews_get_themes_of_what_they_say(nlp: Pipeline, shared_data: Path) -> None:
    # issue 15: on NusaX's Javanese reviews (human-translated from Indonesian reviews), read as Indonesian, the
    # themes were "karo / iki" (with / this), "lan ora" (and not), "sing apik" (which good), "mangan sing": Javanese
    # function words, which no stop list held. Read as Javanese now, its function words are no theme words, and
    # the set is anchored on phrases as an Indonesian one is (a review of content words alone reads as Indonesian)
    df = pd.read_csv(shared_data / "sentiment_nusax_senti" / "data.csv")
    out = nlp.run(df[df["lang"] == "jv"].head(600), text_col="text")
    assert (out["language"] == "jv").mean() >= 0.8
    tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
    assert tm.fit_stats_["discovery"] == "phrases"
    function = {"lan", "karo", "iki", "sing", "ing", "ning", "kuwi", "uga", "isa", "yen", "ora", "kanggo"}
    parts = [part.split() for lab in tm.themes_["label"] for part in lab.split(" / ")]
    # a phrase may hold one inside ("panganane uga enak", the food is tasty too; "ora enak", not tasty)
    assert not [p for p in parts if set(p) <= function or p[0] in function - {"ora"} or p[-1] in function], parts
    # 0.62 since a close variant must stand out from the other themes' clauses (2026-12-06, night)
    assert tm.fit_stats_["label_coverage"] >= 0.55


def test_tweets_in_a_language_no_detector_names_get_anchored_themes(nlp: Pipeline, shared_data: Path) -> None:
    # issue 15: 2,000 AfriSenti Kinyarwanda tweets were read as Swahili (59%) and English (28%), clustered, and their
    # themes were "kandi" (and), "mu / oya", "gusa" (only), "iki" (what), "cyane" (very); Hausa ones, 76% read as
    # Hausa, stayed clustered with label coverage 0.30 (0.74 declared). A set mostly in such a language is read as
    # it now, anchored on its content words
    from vocnlp import regional

    df = pd.read_csv(shared_data / "sentiment_afrisenti" / "data.csv")
    for lang, code in (("kin", "rw"), ("hau", "ha")):
        out = nlp.run(df[df["lang"] == lang].head(400), text_col="text")
        assert (out["language"] == code).mean() >= 0.9, lang
        tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
        assert tm.fit_stats_["discovery"] == "phrases", lang
        function = regional.FUNCTION_WORDS[code]
        parts = [part.split() for lab in tm.themes_["label"] for part in lab.split(" / ")]
        assert not [p for p in parts if set(p) <= function], (lang, parts)
        # kin 0.50, hau 0.44 since a close variant must stand out from the other themes' clauses (2026-12-06, night)
        assert tm.fit_stats_["label_coverage"] >= 0.4, (lang, tm.fit_stats_["label_coverage"])
