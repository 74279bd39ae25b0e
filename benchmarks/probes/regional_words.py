"""Probe (issue 15, 2026-12-06): function words of Indonesia's regional languages (`vocnlp.regional`).

NusaX (../shared/data/sentiment_nusax_senti) holds the same 1,000 Indonesian reviews human-translated into ten
regional languages. Per language: the Pipeline (its language ID, clause splitter) and a ThemeModel(seed=0) on the
1,000 reviews, with `regional.ENABLED` off (before) or on, each setting in a fresh process (the word caches).
Measured: themes, unassigned, label coverage, and how far the themes agree with the Indonesian originals' themes
on the same reviews (adjusted Rand of each review's main theme, the Indonesian fit of the same setting as the
reference; a theme that gathers reviews by "lan" or "karo" (and, with) agrees with nothing in the Indonesian),
and the share of the top 15 labels made of the language's frequent short words only. The labels are printed to
be read next to their Indonesian.

    python benchmarks/probes/regional_words.py off
    python benchmarks/probes/regional_words.py on
    python benchmarks/probes/regional_words.py table
"""

import json
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
from _common import md_table  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "sentiment_nusax_senti" / "data.csv"
LANGS = ["id", "jv", "su", "min", "ban", "bjn", "ace", "bug", "mad", "nij", "bbc"]
CACHE = Path("/tmp")


def run(setting: str) -> None:
    import numpy as np
    import pandas as pd
    from sklearn.metrics import adjusted_rand_score

    import vocnlp
    from vocnlp import regional

    regional.ENABLED = setting == "on"
    df = pd.read_csv(DATA)
    pipe = vocnlp.Pipeline.default(keep_embeddings=True)
    mains, rows = {}, {}
    for lang in LANGS:
        part = df[df["lang"] == lang].sort_values("source_id").reset_index(drop=True)
        t0 = time.perf_counter()
        out = pipe.run(part, text_col="text")
        tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
        got = tm.transform(out, text_col="text")
        mains[lang] = got["theme_id"].fillna(-1).astype(int).to_numpy()
        st = tm.fit_stats_
        top = tm.themes_.sort_values("size", ascending=False).head(15)
        rows[lang] = {
            "themes": st["themes"],
            "unassigned": st["comments_unassigned"],
            "coverage": st["label_coverage"],
            "detected_id": float(np.mean(out["language"] == "id")),
            "detected_own": float(np.mean(out["language"] == lang)),
            "discovery": st.get("discovery", "-"),
            "labels": [f"{lab} ({n})" for lab, n in zip(top["label"], top["size"])],
            "secs": time.perf_counter() - t0,
        }
        (CACHE / f"vocnlp_nusax_{lang}_{setting}.pkl").write_bytes(pickle.dumps(got[["source_id", "text", "theme"]]))
    for lang in LANGS:
        rows[lang]["ari_vs_id"] = float(adjusted_rand_score(mains["id"], mains[lang]))
    (CACHE / f"vocnlp_regional_{setting}.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1))


def table() -> None:
    res = {s: json.loads((CACHE / f"vocnlp_regional_{s}.json").read_text()) for s in ("off", "on")}
    rows = []
    for lang in LANGS:
        a, b = res["off"][lang], res["on"][lang]
        rows.append([lang, f"{a['detected_id']:.0%} / {a['detected_own']:.0%} -> {b['detected_id']:.0%} / {b['detected_own']:.0%}",
                     f"{a['discovery']} -> {b['discovery']}", f"{a['themes']} -> {b['themes']}",
                     f"{a['unassigned']:.1%} -> {b['unassigned']:.1%}", f"{a['coverage']:.2f} -> {b['coverage']:.2f}",
                     f"{a['ari_vs_id']:.3f} -> {b['ari_vs_id']:.3f}"])
    print(md_table(["language", "read as id / as itself", "discovery", "themes", "unassigned", "label coverage", "ARI vs the Indonesian"], rows))
    for lang in LANGS:
        for s in ("off", "on"):
            print(f"{lang} {s}: " + "; ".join(res[s][lang]["labels"]))


if __name__ == "__main__":
    if sys.argv[1] == "table":
        table()
    else:
        run(sys.argv[1])
