"""PII redaction quality on tests/data/pii_eval.jsonl (written for this project: tools/make_pii_set.py).

A finding is a true positive when it has the planted span's kind and overlaps it by at least half of the
planted span; a planted span with no such finding is a miss. "Leaked characters" is the share of planted
personal-data characters still readable after `redact`.

    python benchmarks/pii.py [--no-write]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, md_table, write_section  # noqa: E402

DATA = ROOT / "tests" / "data" / "pii_eval.jsonl"


def evaluate(rows: list[dict]) -> dict:
    from vocnlp.pii import KINDS, find_pii

    tp, fp, fn = Counter(), Counter(), Counter()
    by_lang = {}
    leaked = total = 0
    false_alarms = []
    t0 = time.perf_counter()
    for r in rows:
        found = find_pii(r["text"], language=r["lang"])
        gold = r["spans"]
        matched_gold = set()
        for f in found:
            hit = next((i for i, g in enumerate(gold) if g["kind"] == f.kind and i not in matched_gold
                        and min(f.end, g["end"]) - max(f.start, g["start"]) >= (g["end"] - g["start"]) / 2), None)
            if hit is None:
                fp[f.kind] += 1
                false_alarms.append((r["id"], f.kind, f.text))
                by_lang.setdefault(r["lang"], Counter())["fp"] += 1
            else:
                matched_gold.add(hit)
                tp[f.kind] += 1
                by_lang.setdefault(r["lang"], Counter())["tp"] += 1
        for i, g in enumerate(gold):
            total += g["end"] - g["start"]
            covered = sum(max(0, min(f.end, g["end"]) - max(f.start, g["start"])) for f in found)
            leaked += max(0, (g["end"] - g["start"]) - covered)
            if i not in matched_gold:
                fn[g["kind"]] += 1
                by_lang.setdefault(r["lang"], Counter())["fn"] += 1
    seconds = time.perf_counter() - t0
    return {"tp": tp, "fp": fp, "fn": fn, "by_lang": by_lang, "leaked": leaked / max(total, 1),
            "false_alarms": false_alarms, "kinds": KINDS, "seconds": seconds}


def real_data_findings() -> dict | None:
    import csv

    from _common import SHARED_DATA

    from vocnlp.pii import find_pii

    files = [("nps_verbatims_en/nps_verbatims.csv", "NPS verbatims"),
             ("sentiment_uci_labelled_sentences_en/uci_sentiment_labelled_sentences.csv", "UCI review sentences")]
    texts: list[str] = []
    names = []
    for rel, name in files:
        path = SHARED_DATA / rel
        if path.exists():
            texts += [r["text"] for r in csv.DictReader(path.open(encoding="utf-8")) if r["text"].strip()]
            names.append(name)
    if not texts:
        return None
    counts: Counter = Counter()
    person: list[str] = []
    for t in texts:
        for f in find_pii(t, language="en"):
            counts[f.kind] += 1
            if f.kind == "PERSON":
                person.append(f.text)
    return {"n": len(texts), "counts": dict(counts.most_common()), "person": person,
            "what": " and ".join(names) + " of ../shared/data, English"}


#: real, externally written comments in other languages: (file, language) -- 1,000 of each, no hint given
NON_ENGLISH = [("sentiment_indonlu_smsa", "id"), ("sentiment_nsmc_ratings", "ko"), ("sentiment_wisesight_sentiment", "th"),
               ("themes_asap_zh_sample", "zh"), ("reviews_quasi_japanese_reviews", "ja"), ("sentiment_nusax_senti", None),
               ("sentiment_afrisenti", None)]


def real_false_alarms(per_set: int = 1000) -> list[list[object]]:
    """Findings on real comments with (almost surely) no personal data, per set, as the library runs
    without a language hint: every finding is a false alarm unless the comment really holds one."""
    import glob

    import pandas as pd
    from _common import SHARED_DATA

    from vocnlp.pii import redact_many

    rows = []
    for folder, lang in NON_ENGLISH:
        files = sorted(glob.glob(str(SHARED_DATA / folder / "*.csv")))
        if not files:
            continue
        df = pd.concat([pd.read_csv(f) for f in files], ignore_index=True)
        texts = df["text"].dropna().astype(str).sample(frac=1.0, random_state=0).head(per_set).tolist()
        t0 = time.perf_counter()
        found = [spans for _, spans in redact_many(texts)]
        counts = Counter(s.kind for spans in found for s in spans)
        flagged = sum(1 for spans in found if spans)
        examples = [f"{s.kind} `{s.text}`" for spans in found for s in spans][:4]
        rows.append([folder, lang or "mixed", len(texts), f"{flagged / len(texts):.1%}",
                     ", ".join(f"{k} {v}" for k, v in counts.most_common()) or "none", "; ".join(examples) or "-",
                     f"{len(texts) / (time.perf_counter() - t0):.0f}"])
    return rows


def _prf(tp: int, fp: int, fn: int) -> tuple[str, str, str]:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * p * r / (p + r) if tp else 0.0
    return f"{p:.2f}", f"{r:.2f}", f"{f:.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    res = evaluate(rows)
    kind_rows = [[k, res["tp"][k] + res["fn"][k], *_prf(res["tp"][k], res["fp"][k], res["fn"][k])] for k in res["kinds"]]
    T = sum(res["tp"].values()), sum(res["fp"].values()), sum(res["fn"].values())
    kind_rows.append(["**all**", T[0] + T[2], *_prf(*T)])
    lang_rows = [[lang, c["tp"] + c["fn"], *_prf(c["tp"], c["fp"], c["fn"])] for lang, c in sorted(res["by_lang"].items())]
    body = (f"{len(rows)} comments in {len(res['by_lang'])} languages with {T[0] + T[2]} planted spans, "
            f"{sum(1 for r in rows if not r['spans'])} of them with look-alikes only (order numbers, prices, dates, "
            f"versions). Written for this project (tools/make_pii_set.py), so this is an in-domain check. "
            f"{len(rows) / res['seconds']:.0f} comments/s.\n\n"
            + md_table(["kind", "planted", "precision", "recall", "F1"], kind_rows) + "\n\n"
            + md_table(["language", "planted", "precision", "recall", "F1"], lang_rows)
            + f"\n\nPlanted characters still readable after `redact`: {res['leaked']:.1%}.\n")
    real = real_data_findings()
    if real:
        body += ("\nOn real comments with no planted data (" + real["what"] + "), what `find_pii` flags: "
                 + ", ".join(f"{k} {v}" for k, v in real["counts"].items()) + f" in {real['n']} comments"
                 + (". PERSON examples: " + "; ".join(f"`{t}`" for t in real["person"][:10]) if real["person"] else "")
                 + ". These are over-redactions unless the comment really names someone.\n")
    fa = real_false_alarms()
    if fa:
        body += ("\nOn 1,000 real comments per non-English set of ../shared/data (no language hint: the language is "
                 "detected per comment; dates are never phones; English NER only on English text), the share of "
                 "comments with any finding, which are false alarms unless a comment really holds personal data:\n\n"
                 + md_table(["set", "language", "comments", "with a finding", "findings", "examples", "comments/s"], fa)
                 + "\n")
    if res["false_alarms"]:
        body += "\nFalse alarms: " + "; ".join(f"{i} {k} `{t}`" for i, k, t in res["false_alarms"][:12]) + "\n"
    print(body)
    if not args.no_write:
        write_section("PII redaction (benchmarks/pii.py)", body)


if __name__ == "__main__":
    main()
