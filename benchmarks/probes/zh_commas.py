"""Probe (issue 15, 2026-12-06): Chinese comma-joined sentences cut at their commas.

Chinese reviews join many statements with commas into one sentence: in the ASAP restaurant reviews 11.9% of the
clauses were over 60 characters and held 36% of the text ("菜是地道的宁波菜，口味纯正，醉泥螺特棒，...，服务员
都是小跑状。", one clause of 227 characters about the dishes, the wait and the waiters). Such a clause gets one
sentiment and one theme. Now a Chinese sentence of more than `clauses.ZH_LONG_SENTENCE` characters is also cut at
its commas (，/, or spaces between Han characters), where each side keeps `clauses.ZH_MIN_PIECE` letters and a
content word.

Before (no comma cuts) and after, same run, the Pipeline rebuilt on the 300 ASAP reviews each time:
- clauses per comment, share of clauses over 60 characters and the text they hold;
- clause sentiment against the reviews' gold aspect polarities (18 aspects): of the reviews with a negative
  aspect, the share with a negative clause (recall); of the reviews whose aspects are all positive, the share
  with a negative clause (false alarms); of the reviews with both a positive and a negative aspect, the share
  with both a positive and a negative clause;
- the ThemeModel row of benchmarks/themes_real.py (three pairs of 90% fits, seed 1), and the seconds of the
  Pipeline run.

    python benchmarks/probes/zh_commas.py [off,LONG:MIN,...]

Result (2026-12-06, Intel Xeon with AVX-512 BF16, so the bf16 encoder; three runs, "off" once; LONG:MIN is
`ZH_LONG_SENTENCE`:`ZH_MIN_PIECE`; "40:6" was the first try):
| splitter | clauses / comment | clauses > 60 chars | text in them | negative aspect: negative clause | all positive: negative clause | both: both |
|---|---|---|---|---|---|---|
| off | 9.70 | 11.9% | 36.4% | 82.8% of 145 | 45.7% of 46 | 78.6% of 112 |
| 40:6 | 19.59 | 0.6% | 7.4% | 99.3% of 145 | 82.6% of 46 | 99.1% of 112 |
| 40:10 | 16.65 | 0.5% | 4.4% | 97.2% of 145 | 67.4% of 46 | 96.4% of 112 |
| 50:12 | 14.59 | 0.5% | 3.6% | 94.5% of 145 | 67.4% of 46 | 92.9% of 112 |
| 60:10 | 14.69 | 0.5% | 3.8% | 91.7% of 145 | 65.2% of 46 | 89.3% of 112 |
| 60:12 | 13.88 | 0.5% | 3.3% | 92.4% of 145 | 65.2% of 46 | 90.2% of 112 |
| 80:8 | 13.95 | 4.1% | 13.9% | 91.7% of 145 | 73.9% of 46 | 89.3% of 112 |
| 80:12 (kept) | 12.77 | 4.4% | 13.5% | 91.7% of 145 | 63.0% of 46 | 89.3% of 112 |

| splitter | themes | largest | unassigned | label coverage | mixed | junk | refit ARI | found again |
|---|---|---|---|---|---|---|---|---|
| off | 28 | 39.7% / 6.4% | 0.7% | 0.78 | 2 | 14.6% | 0.621 / 0.757 (0.58-0.67) | 91% |
| 40:6 | 43 | 54.0% / 4.9% | 0.0% | 0.71 | 7 | 26.0% | 0.678 / 0.865 (0.63-0.74) | 95% |
| 40:10 | 46 | 50.3% / 5.2% | 0.0% | 0.71 | 5 | 13.6% | 0.703 / 0.814 (0.64-0.75) | 94% |
| 50:12 | 39 | 52.0% / 6.4% | 0.0% | 0.72 | 3 | 11.5% | 0.650 / 0.801 (0.59-0.70) | 92% |
| 60:10 | 38 | 53.0% / 6.4% | 0.0% | 0.69 | 5 | 13.5% | 0.637 / 0.777 (0.60-0.70) | 90% |
| 60:12 | 38 | 52.0% / 6.6% | 0.0% | 0.71 | 3 | 11.7% | 0.654 / 0.795 (0.60-0.76) | 92% |
| 80:8 | 46 | 47.0% / 5.7% | 0.0% | 0.75 | 4 | 16.1% | 0.685 / 0.818 (0.56-0.75) | 92% |
| 80:12 (kept) | 43 | 40.3% / 5.1% | 0.0% | 0.75 | 4 | 12.5% | 0.665 / 0.800 (0.64-0.69) | 93% |

Every setting makes the fits steadier (refit 0.621 / 0.757 -> 0.64-0.70 / 0.78-0.87) and finds the complaints:
of the reviews with a negative gold aspect, 82.8% had a negative clause before, 92-99% after. The finer the cuts,
the more reviews hold the taste theme (味道 became the largest, in 50-54% of the reviews: dish taste is in 94.7% of
them by the gold labels), the lower label coverage (an evaluative theme, 不错, not bad, appears in the top 15), and
the more false alarms: of the 46 reviews whose aspects are all positive, 46% had a negative clause before, 63-83%
after. Read in 150 reviews, those are mostly the sentiment head on short Chinese clauses, not the cut: "真的便宜！"
(really cheap!) reads -0.86, "很便宜！" -0.65, "环境幽雅别致" (an elegant, unusual setting) -0.10, and they were
sentences of their own before as well. Kept 80:12, the mildest: only run-on sentences (over 80 characters, three
times the median clause of 25) are cut, into pieces of at least 12 letters (half the median); label coverage 0.78
-> 0.75, the largest theme's share of reviews as before.
"""

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
from _common import md_table  # noqa: E402

from vocnlp import clauses  # noqa: E402


def sentiment_rows(out, gold_json):  # type: ignore[no-untyped-def]
    import numpy as np

    neg_rev, pos_only, both = [], [], []
    for cl, aspects in zip(out["clauses"], gold_json):
        if not isinstance(cl, list):
            continue
        pol = {v for v in json.loads(aspects).values() if v != "not_mentioned"}
        s = {c["sentiment"] for c in cl}
        if "negative" in pol:
            neg_rev.append("negative" in s)
        if pol == {"positive"}:
            pos_only.append("negative" in s)
        if {"positive", "negative"} <= pol:
            both.append({"positive", "negative"} <= s)
    return (f"{np.mean(neg_rev):.1%} of {len(neg_rev)}", f"{np.mean(pos_only):.1%} of {len(pos_only)}",
            f"{np.mean(both):.1%} of {len(both)}")


if __name__ == "__main__":
    import numpy as np

    import vocnlp

    df, _ = themes_real.load("zh")
    on = clauses._COMMA_LANGUAGES
    # settings "LONG:MIN" (sentence length, letters each side), "off" for no comma cuts
    settings = sys.argv[1].split(",") if len(sys.argv) > 1 else ["off", f"{clauses.ZH_LONG_SENTENCE}:{clauses.ZH_MIN_PIECE}"]
    shape, theme_rows, tops = [], [], []
    for setting in settings:
        flag = setting != "off"
        clauses._COMMA_LANGUAGES = on if flag else frozenset()
        if flag:
            clauses.ZH_LONG_SENTENCE, clauses.ZH_MIN_PIECE = (int(x) for x in setting.split(":"))
        clauses._has_content_cached.cache_clear()
        name = "comma cuts " + (f"on, {setting}" if flag else "off")
        t0 = time.perf_counter()
        out = vocnlp.Pipeline.default(keep_embeddings=True).run(df, text_col="text")
        secs = time.perf_counter() - t0
        lengths = np.array([len(c["text"]) for cl in out["clauses"] if isinstance(cl, list) for c in cl])
        shape.append([name, f"{len(lengths) / len(out):.2f}", f"{np.mean(lengths > 60):.1%}",
                      f"{lengths[lengths > 60].sum() / lengths.sum():.1%}", *sentiment_rows(out, df["aspect_labels_json"]),
                      f"{secs:.0f}"])
        print(md_table(["splitter", "clauses / comment", "clauses > 60 chars", "text in them", "negative aspect: negative clause",
                        "all positive: negative clause", "both: both", "Pipeline s"], shape[-1:]), flush=True)
        row, top = themes_real.theme_model_row(out, themes_real.SETS["zh"][0], name, {}, lambda p: ("-", "-"), rng_seed=1)
        theme_rows.append(row)
        tops.extend(top)
        print(md_table(["set", "model", "themes", "largest", "unassigned", "NMI", "ARI", "label coverage", "mixed",
                        "junk", "refit ARI", "found again", "fit s"], theme_rows[-1:]), flush=True)
    print(md_table(["splitter", "clauses / comment", "clauses > 60 chars", "text in them", "negative aspect: negative clause",
                    "all positive: negative clause", "both: both", "Pipeline s"], shape))
    print(md_table(["set", "model", "themes", "largest", "unassigned", "NMI", "ARI", "label coverage", "mixed",
                    "junk", "refit ARI", "found again", "fit s"], theme_rows))
    print("\n".join(tops))
