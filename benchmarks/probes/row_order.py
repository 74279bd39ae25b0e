"""Probe (issue 15, 2026-12-05, late): does an anchored ThemeModel fit depend on the order of the rows? Fits each set's
cached Pipeline outputs (benchmarks/themes_real.py) as they are and with the rows shuffled (seed 1), and compares the
themes (label and size) and every comment's main theme label.
Result (2026-12-05, late, AMD EPYC without AVX-512, fp32 Pipeline outputs): before (commit a2bf2b7, subsamples drawn by
row) NPS 37 / 35 themes, 6 with the same label and size, 79.2% of the comments with the same main theme label; ASAP 33 /
30 themes, 6 the same, 72.0%. After (subsamples drawn from the clause texts, ties in text order): NPS 33 / 33, all the
same, 100%; ASAP 25 / 25, all the same, 100%; IndoNLU 39 / 39 and Japanese 45 / 45, all the same, 100%; NSMC 33 / 33,
31 the same and one clause between 내용 and 재미 (sizes 204 / 370 against 203 / 371: a near tie of similarities summed in
another order), 100% of the main themes (rounded).
Run: python benchmarks/probes/row_order.py nps,id,zh,ko,ja
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import numpy as np  # noqa: E402
import themes_real  # noqa: E402
import vocnlp  # noqa: E402

for key in (sys.argv[1] if len(sys.argv) > 1 else "nps").split(","):
    out = themes_real.tagged(key)[0]
    perm = np.random.default_rng(1).permutation(len(out))
    shuffled = out.iloc[perm].reset_index(drop=True)
    a = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
    b = vocnlp.ThemeModel(seed=0).fit(shuffled, text_col="text")
    ta = sorted(zip(a.themes_["label"], a.themes_["size"]))
    tb = sorted(zip(b.themes_["label"], b.themes_["size"]))
    main_a = a.transform(out, text_col="text")["theme"].to_numpy()[perm]
    main_b = b.transform(shuffled, text_col="text")["theme"].to_numpy()
    same = float(np.mean([x == y for x, y in zip(main_a, main_b)]))
    print(f"{key}: themes {len(ta)} / {len(tb)}, same themes (label, size) {len(set(ta) & set(tb))}, "
          f"comments with the same main theme label {same:.3f}", flush=True)
    if ta != tb:
        print("   only in order:", sorted(set(ta) - set(tb))[:8], "| only shuffled:", sorted(set(tb) - set(ta))[:8])
