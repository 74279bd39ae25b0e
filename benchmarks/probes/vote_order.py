"""Probe (issue 15, 2026-12-05, late; kept, commit after 4c09cab: vocnlp.themes.anchors._by_votes): the final anchor
cover ordered by the stability votes. Runs against the code before that commit (its final cover called
anchors._greedy with ``allowed``), which it patches. vocnlp.themes.anchors picks anchors by a greedy cover of the full data among the phrases most subsample covers
picked; two phrases that say one thing ("installation", "installed") then go to whichever covers more uncovered
clauses in this sample, which a few comments more or less flip. Here the stable phrases are taken in order of their
votes (then gain x weight), each kept while it still covers enough uncovered clauses and is unlike those kept.
Prints the anchored ThemeModel row over 12 pairs of 90% fits (seeds 1 and 2), as benchmarks/probes/refit_pairs.py.
Result (2026-12-05, late, AMD EPYC without AVX-512, fp32 Pipeline outputs; comments / clauses, seeds 1 and 2; the
code of 4c09cab -> by votes): NPS 0.824 / 0.769 and 0.822 / 0.776 -> 0.829 / 0.774 and 0.826 / 0.778; ASAP 0.538 /
0.604 and 0.464 / 0.553 -> 0.536 / 0.604 and 0.494 / 0.585; NSMC 0.790 / 0.783 and 0.779 / 0.767 -> 0.794 / 0.784 and
0.780 / 0.768; IndoNLU unchanged (0.852 / 0.846 and 0.863 / 0.838); Japanese 0.724 / 0.816 and 0.662 / 0.764 -> 0.724 /
0.816 and 0.675 / 0.767. Small, never worse by more than 0.002.
Run: python benchmarks/probes/vote_order.py nps,zh,ko vote  (at commit 4c09cab)
"""
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import numpy as np  # noqa: E402
import themes_real  # noqa: E402
from vocnlp.themes import anchors  # noqa: E402

themes_real.PAIRS = 6
orig = anchors._greedy
votes: dict[str, np.ndarray] = {}


def greedy(has, uncovered, weight, usage, rows_of, least, separation, allowed=None):  # type: ignore[no-untyped-def]
    if allowed is None:  # a stability round: count its picks
        got = orig(has, uncovered, weight, usage, rows_of, least, separation)
        v = votes.setdefault("v", np.zeros(len(rows_of)))
        if len(v) != len(rows_of):
            v = votes["v"] = np.zeros(len(rows_of))
        v[got] += 1
        return got
    v = votes.pop("v")
    uncovered = uncovered.copy()
    gain0 = has.T @ uncovered
    order = sorted(np.nonzero(allowed)[0].tolist(), key=lambda j: (-v[j], -gain0[j] * weight[j], j))
    picked: list[int] = []
    for j in order:
        if picked and (usage[picked] @ usage[j]).max() >= separation:
            continue
        if float(uncovered[rows_of[j]].sum()) < least:
            continue
        picked.append(j)
        uncovered[rows_of[j]] = 0.0
    return picked


if len(sys.argv) > 2 and sys.argv[2] == "vote":
    anchors._greedy = greedy
for key in (sys.argv[1] if len(sys.argv) > 1 else "nps").split(","):
    held = Path(f"/tmp/vocnlp_heldout_{key}.pkl")
    out = pickle.loads(held.read_bytes()) if key not in themes_real.SETS else themes_real.tagged(key)[0]
    for seed in (1, 2):
        row, _ = themes_real.theme_model_row(out, key, "by votes" if anchors._greedy is greedy else "base", {}, lambda p: ("-", "-"), rng_seed=seed)
        print(" | ".join(map(str, row)), flush=True)
