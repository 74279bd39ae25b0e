"""Probe (issue 15, 2026-12-06, night): how much of a theme's label coverage is said, and how much is "close variants"?

Label coverage counts a clause that says the label (word for word, any order, same stem: `phrases.covers`) and a
close variant: a clause as similar to the label, in vectors, as the lower quartile of those that say it. `vocnlp
analyze` on 3,000 NusaX reviews in 11 languages showed "anre-anre" (Buginese, food) as "label in 91% of its comments"
where 14% said it: the theme held Buginese reviews, which the encoder reads little of, and every one of them was as
close to any Buginese phrase as those that say it. Here the bar of a close variant is raised to above the
`labels.VARIANT_OUTSIDE_QUANTILE` quantile of the clauses outside the theme (None: the rule before), and each set's
label coverage (as the fit reports it and as the label is said word for word), the labels that changed and the
largest gaps are printed. One default fit per set and setting, same cached Pipeline outputs.

    python benchmarks/probes/variant_bar.py [nps,id,zh,ko,ja,nusax3k] [None,0.99,0.95]

(nusax3k, smsa2k, wise2k: `themes_real.outputs` reads /tmp/vocnlp_heldout_<key>.pkl, the default Pipeline's output
with `keep_embeddings=True` of 3,000 NusaX reviews sampled with seed 0, and of 2,000 SmSA / Wisesight ones.)

Result (2026-12-06, Intel Xeon with AVX-512; label coverage as reported / said word for word):
- with the bar on the label's choice too (first try), labels took single words again, as in label_ceiling.py: "phone
  calls" -> "phone", "day off work" -> "day", "new build" -> "new", "not have internet" -> "internet": a candidate's
  score keeps the clauses as close as those saying it; the bar counts for the coverage reported and for whether a
  theme is mixed or takes a second phrase ("A / B");
- so, None -> 0.99: NPS 0.692 -> 0.614 (said 0.513 -> 0.516), IndoNLU 0.848 -> 0.776, ASAP 0.750 -> 0.678, NSMC
  0.716 -> 0.613, Japanese 0.921 -> 0.898, NusaX mixed 0.589 -> 0.462 ("anre-anre" 0.91 -> "anre-anre / malunra",
  food / tasty), held-out SmSA 0.747 -> 0.679, Wisesight 0.773 -> 0.671; themes and assignments unchanged; labels
  changed: NPS 3 ("phone calls" -> "phone calls / hours on the phone", "service so far / far so good" -> "service so
  far", "company account" -> "company account / account number"), IndoNLU 4, ASAP 1, Japanese 2 ("景色" -> "景色 /
  眺め", scenery / view), SmSA 3, Wisesight 2, NSMC none; 0.95 sits between (NPS 0.669, NSMC 0.660, ASAP 0.727).
- the largest claimed-minus-said gap per set: NPS 0.50 -> 0.33, NSMC 0.56 -> 0.23, NusaX 0.77 -> 0.38.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import numpy as np  # noqa: E402
import themes_real  # noqa: E402
import vocnlp  # noqa: E402
from vocnlp.themes import labels  # noqa: E402
from vocnlp.themes.phrases import covers  # noqa: E402


def said(got, themes) -> dict[int, float]:  # type: ignore[no-untyped-def]
    """Per theme: the share of its comments with a clause of the theme that says (a part of) its label."""
    lab = dict(zip(themes["theme_id"], themes["label"]))
    per: dict[int, dict[int, bool]] = {}
    for r, (cl, lang) in enumerate(zip(got["clauses"], got["language"])):
        if not isinstance(cl, list):
            continue
        for c in cl:
            t = c.get("theme_id", -1)
            if t in lab:
                hit = any(covers(p, c["text"], lang) for p in lab[t].split(" / "))
                per.setdefault(t, {})[r] = per.get(t, {}).get(r, False) or hit
    return {t: float(np.mean(list(d.values()))) for t, d in per.items()}


def main() -> None:
    keys = (sys.argv[1] if len(sys.argv) > 1 else "nps,id,zh,ko,ja,nusax3k").split(",")
    settings = [None if x == "None" else float(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "None,0.99").split(",")]
    for key in keys:
        out = themes_real.outputs(key)
        first = None
        for q in settings:
            labels.VARIANT_OUTSIDE_QUANTILE = q
            tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
            got = tm.transform(out, text_col="text")
            th = tm.themes_
            s = said(got, th)
            size = th.set_index("theme_id")["size"]
            lit = float(np.average([s.get(t, 0.0) for t in size.index], weights=size.to_numpy()))
            st = tm.fit_stats_
            print(f"{key} q={q}: {st['themes']} themes, label coverage {st['label_coverage']:.3f}, said word for word "
                  f"{lit:.3f}, mixed {st.get('mixed_themes')}, unassigned {st['comments_unassigned']:.1%}")
            rows = th.set_index("theme_id")
            gaps = sorted(((rows.loc[t, "label_coverage"] - s.get(t, 0.0), t) for t in rows.index), reverse=True)[:4]
            print("   largest gaps: " + "; ".join(f"{rows.loc[t, 'label']} {rows.loc[t, 'label_coverage']:.2f} vs "
                                                 f"{s.get(t, 0.0):.2f} ({rows.loc[t, 'size']})" for _, t in gaps))
            now = dict(zip(th["theme_id"], th["label"]))
            if first is None:
                first = now
            else:
                changed = [f"{first[t]} -> {now[t]}" for t in now if t in first and first[t] != now[t]]
                print(f"   labels changed ({len(changed)}): " + "; ".join(changed[:20]))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
