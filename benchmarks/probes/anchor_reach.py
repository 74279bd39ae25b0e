"""Probe (issue 15, 2026-12-05, evening; measurement only): how far each anchored theme grew beyond its anchor
phrase, and whether that is where label coverage is lost.

A theme starts from the clauses that hold its anchor phrase and takes in every clause nearest its centre. Per
theme (the default anchored fit on the cached Pipeline outputs of benchmarks/themes_real.py): the share of its
comments whose clauses in the theme hold an anchor phrase (lexically, as labels.covers reads it) against its label
coverage. A theme whose anchor reaches under a quarter of its comments "grew": most of it came by its vector.
Run: python benchmarks/probes/anchor_reach.py [nps,id,zh,ko,ja]

Result (2026-12-05, evening, commit c87e15d): size-weighted anchor reach NPS 0.66, IndoNLU 0.79, ASAP 0.59, NSMC 0.43,
Japanese 0.73 (label coverage 0.69, 0.83, 0.69, 0.70, 0.84): the three sets under 0.75 coverage are the three of
lowest reach, and within each set reach and coverage correlate over the themes (0.48, 0.62, 0.37, 0.45, 0.80).
Least reached: NPS "score" 0.32 (coverage 0.43), "communication" 0.35 (0.45); ASAP 排队 (queue) 0.28 (0.31), 大厅
(hall) 0.29 (0.38); NSMC "영화" (film; anchor 좋은 영화, good film) 0.09 (label coverage 0.93: the label is not
the anchor), 이영화 0.24, 사람 0.25, 지루 (boring) 0.32 (0.38); Japanese 残念 (a pity) 0.27 (0.69). Only NSMC has themes
under 0.25 (3, with 17% of its theme-comments).
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import numpy as np  # noqa: E402
import themes_real  # noqa: E402
import vocnlp  # noqa: E402
from vocnlp.themes.labels import covers  # noqa: E402

LANG = {"nps": "en", "id": "id", "zh": "zh", "ko": "ko", "ja": "ja"}
for key in (sys.argv[1] if len(sys.argv) > 1 else ",".join(LANG)).split(","):
    out = themes_real.tagged(key)[0]
    tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
    got = tm.transform(out, text_col="text")
    hit: dict[int, set[int]] = {}
    seen: dict[int, set[int]] = {}
    for r, cl in enumerate(got["clauses"]):
        for c in cl if isinstance(cl, list) else []:
            t = c["theme_id"]
            if t < 0:
                continue
            seen.setdefault(t, set()).add(r)
            if any(covers(a, c["text"], LANG[key]) for a in tm.themes_by_id_[t].anchors):
                hit.setdefault(t, set()).add(r)
    rows = []
    for t, th in tm.themes_by_id_.items():
        n = len(seen.get(t, ()))
        rows.append((th.label, " | ".join(th.anchors), n, len(hit.get(t, ())) / max(n, 1), th.label_coverage))
    reach = np.array([r[3] for r in rows])
    cov = np.array([r[4] for r in rows])
    size = np.array([r[2] for r in rows], dtype=float)
    grew = reach < 0.25
    print(f"{key}: {len(rows)} themes; anchor reach (size-weighted) {np.average(reach, weights=size):.2f}; "
          f"themes that grew (reach < 0.25): {grew.sum()}, {size[grew].sum() / size.sum():.0%} of the theme-comments, "
          f"their label coverage {np.average(cov[grew], weights=size[grew]) if grew.any() else float('nan'):.2f} "
          f"against {np.average(cov[~grew], weights=size[~grew]):.2f} for the others; "
          f"correlation reach ~ coverage {np.corrcoef(reach, cov)[0, 1]:.2f}", flush=True)
    for label, anchors, n, r, c in sorted(rows, key=lambda x: x[3])[:8]:
        print(f"   {label} (anchor {anchors}): {n} comments, anchor reach {r:.2f}, label coverage {c:.2f}", flush=True)
