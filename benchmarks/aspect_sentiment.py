"""A theme's sentiment against the polarity people gave that aspect: real gold, per (comment, aspect).

The report shows each theme's share of negative / neutral / positive, counted on the theme's clauses, and that
is what a reader acts on ("kamar kotor", dirty room: 58% negative?). Two real sets in ../shared/data carry gold
polarity per aspect:
- ASAP (zh): 300 Dianping restaurant reviews, 18 aspects, each mentioned one positive / neutral / negative;
  never trained any head;
- IndoNLU (id): hotel (HoASA) and car (CASA) reviews, aspects positive / negative / both; only the ``valid``
  split is scored here (375 reviews): tools/heads_data.py may train on the ``train`` rows.

One default ThemeModel fit per set on the cached Pipeline outputs of benchmarks/themes_real.py (all rows of the
set, as a user's report would). A theme is matched to the gold aspect whose mentions most exceed their base rate
among the theme's comments, where at least half of them mention it. For each comment carrying a matched theme
and mentioning its aspect, the gold polarity against
- clauses: the theme's clauses in that comment (their majority; as many positive as negative reads neutral),
- comment: the comment's own sentiment (what a comment-level tool gives each aspect of it),
each from vocnlp's sentiment head and from sentimentai-py's e5-small MLP head (the baseline of
benchmarks/quality.py) on the same vectors. Heads to compare: the shipped ones and any saved head folder or git
revision (``--heads rev:09a8982``), all in the same run. Metrics: accuracy, macro-F1 (zh: 3 classes; id: negative
/ positive, the 'both' pairs left out), and per theme the gap between the negative share the report shows and the
gold one (mean absolute error, weighted by pairs).

    python benchmarks/aspect_sentiment.py [--heads shipped rev:HEAD~1 path/to/head] [--no-write]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from _common import ROOT, md_table, write_section  # noqa: E402

from vocnlp.themes.describe import POLES  # noqa: E402
from vocnlp.themes.describe import clause_vote as vote  # noqa: E402

#: short clauses of IndoNLU hotel reviews, with a gloss: complaints the head before 2026-12-07 read positive,
#: and praise of the room that reads negative
PHRASES = {"kotor": "dirty", "Kamar kotor": "dirty room", "Wifi lemot.": "slow wifi",
           "AC tidak dingin": "the AC does not cool", "Nyaman banget kamar nya.": "the room is very comfortable",
           "Tapi nyamaaan banget kamarnya.": "but the room is sooo comfortable",
           "Kamarnya bersih dan nyaman.": "the room is clean and comfortable", "pelayanan ramah": "friendly service"}
SETS = {"zh": "ASAP restaurant reviews (zh, all 300)", "id": "IndoNLU hotel and car reviews (id, valid split)"}


def mentions(key: str, df) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    """Per comment: {aspect: gold polarity} of the aspects it mentions (IndoNLU's both-ways reads 'mixed')."""
    out = []
    for i, asp in enumerate(df["aspect"].fillna("")):
        d = {}
        for part in str(asp).split(";"):
            if ":" in part:
                a, p = part.rsplit(":", 1)
                d[f"{df['domain'].iloc[i]}:{a}" if key == "id" else a] = p
        out.append(d)
    return out


def macro_f1(gold: list[str], pred: list[str], classes: tuple[str, ...]) -> float:
    from sklearn.metrics import f1_score

    keep = [i for i, g in enumerate(gold) if g in classes]
    return float(f1_score([gold[i] for i in keep], [pred[i] for i in keep], labels=list(classes), average="macro"))


def head_folder(spec: str, tmp: Path) -> Path | None:
    """None for the shipped head; a folder; or ``rev:REV``: the sentiment head of that git revision."""
    if spec == "shipped":
        return None
    if not spec.startswith("rev:"):
        return Path(spec)
    rev = spec[4:]
    folder = tmp / rev.replace("/", "_").replace("~", "-")
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("head.json", "head.safetensors"):
        blob = subprocess.run(["git", "show", f"{rev}:models/heads/sentiment/{name}"], cwd=ROOT, capture_output=True,
                              check=True).stdout
        (folder / name).write_bytes(blob)
    return folder


def readings(out, proba) -> tuple[list[str], list[list[str]]]:  # type: ignore[no-untyped-def]
    """Comment labels and per-comment clause labels of a head ``proba(X) -> [neg, neu, pos]``, the way the
    Pipeline's sentiment stage reads them (a one-clause comment: the comment's own reading)."""
    from vocnlp.heads.sentiment import aggregate_sentiment

    doc = proba(np.stack(out["embedding"].to_numpy()))
    comments, clauses = [], []
    for i, ce in enumerate(out["clause_embeddings"]):
        pc = proba(np.asarray(ce)) if ce is not None and len(ce) else np.zeros((0, 3))
        p, _ = aggregate_sentiment(doc[i], pc)
        comments.append(POLES[int(p.argmax())])
        eff = doc[i : i + 1] if len(pc) <= 1 else pc
        clauses.append([POLES[int(j)] for j in eff.argmax(axis=1)])
    return comments, clauses


def main() -> None:
    import themes_real
    from train_heads import baseline_proba  # tools/: sentimentai-py's e5-small MLP head

    import vocnlp
    from vocnlp.heads.sentiment import SentimentStage

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--heads", nargs="+", default=["shipped"])
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="vocnlp_heads_"))
    models = {spec: SentimentStage(head=str(f) if (f := head_folder(spec, tmp)) else "sentiment").proba
              for spec in args.heads}
    models["sentimentai-py"] = baseline_proba
    rows, theme_rows = [], []
    for key, name in SETS.items():
        df, _ = themes_real.load(key)
        out = themes_real.outputs(key)
        gold = mentions(key, df)
        scored = np.ones(len(df), bool) if key == "zh" else (df["split"] == "valid").to_numpy()
        tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
        got = tm.transform(out, text_col="text")
        th = tm.themes_.set_index("theme_id")
        members: dict[int, dict[int, list[int]]] = {}  # theme -> row -> positions of its clauses
        for r, cl in enumerate(got["clauses"]):
            for j, c in enumerate(cl if isinstance(cl, (list, np.ndarray)) else []):
                if c.get("theme_id", -1) >= 0:
                    members.setdefault(int(c["theme_id"]), {}).setdefault(r, []).append(j)
        base = Counter(a for g in gold for a in g)
        matched = {}
        for t, rs in members.items():
            cnt = Counter(a for r in rs for a in gold[r])
            if not cnt:
                continue
            best = max(cnt, key=lambda a: cnt[a] / len(rs) - base[a] / len(gold))
            if cnt[best] / len(rs) >= 0.5 and cnt[best] / len(rs) > base[best] / len(gold):
                matched[t] = best
        pairs = [(t, r) for t, a in matched.items() for r in members[t] if scored[r] and a in gold[r]]
        g = [gold[r][matched[t]] for t, r in pairs]
        classes = POLES if key == "zh" else ("negative", "positive")
        print(f"== {key}: {len(th)} themes, {len(matched)} matched, {len(pairs)} pairs, gold {dict(Counter(g))}",
              flush=True)
        for model, proba in models.items():
            comments, clauses = readings(out, proba)
            by = {"clauses": [vote([clauses[r][j] for j in members[t][r]]) for t, r in pairs],
                  "comment": [comments[r] for t, r in pairs]}
            for how, pred in by.items():
                acc = float(np.mean([a == b for a, b in zip(g, pred)]))
                neg = float(np.mean([p == "negative" for p in pred]))
                rows.append([name, len(pairs), model, how, f"{acc:.3f}", f"{macro_f1(g, pred, classes):.3f}",
                             f"{neg:.1%}", f"{np.mean([x == 'negative' for x in g]):.1%}"])
                print(rows[-1], flush=True)
            # the negative share the report shows: all the theme's clauses, every comment
            err, err_c, w = [], [], []
            for t in sorted(matched, key=lambda t: -sum(tt == t for tt, _ in pairs)):
                ps = [i for i, (tt, _) in enumerate(pairs) if tt == t]
                if not ps:
                    continue
                gneg = np.mean([g[i] == "negative" for i in ps])
                # as the report counts them, on the scored rows only (IndoNLU's train rows may have taught the head)
                own = {r: js for r, js in members[t].items() if scored[r]}
                shown = np.mean([c == "negative" for r, js in own.items() for c in (clauses[r][j] for j in js)])
                per_comment = np.mean([vote([clauses[r][j] for j in js]) == "negative" for r, js in own.items()])
                err.append(abs(shown - gneg))
                err_c.append(abs(per_comment - gneg))
                w.append(len(ps))
                if model == args.heads[0] and len(w) <= 8:
                    theme_rows.append([name, th.loc[t, "label"], matched[t], len(ps), f"{gneg:.0%}", f"{shown:.0%}",
                                       f"{per_comment:.0%}"])
            rows[-2] += [f"{np.average(err, weights=w):.3f}", f"{np.average(err_c, weights=w):.3f}"]
            rows[-1] += ["", ""]
    enc = vocnlp.embed(list(PHRASES))
    phrase_rows = [[f"{text} ({gloss})", *(f"{float(p[2] - p[0]):+.2f}" for p in (m(enc[j : j + 1])[0] for m in
                                                                               models.values()))]
                   for j, (text, gloss) in enumerate(PHRASES.items())]
    header = ["set", "pairs", "head", "read from", "accuracy", "macro-F1", "predicted negative", "gold negative",
              "theme's negative share, error: by clause", "by comment"]
    body = (
        "Does a theme's sentiment say what people said of that aspect? Gold polarity per (comment, aspect) on "
        "ASAP (zh, never trained on) and IndoNLU's valid split (id); themes matched to the aspect most over-"
        "represented among their comments (at least half mention it). \"clauses\": the theme's own clauses in "
        "the comment (what the report's per-theme sentiment counts); \"comment\": the whole comment's reading. "
        "macro-F1: zh negative / neutral / positive, id negative / positive. Error: |a theme's negative share - "
        "gold negative share of its pairs|, mean weighted by pairs; the share counted over the theme's clauses "
        "(by clause) or over its comments, each read from its clauses of the theme (by comment), on the scored "
        "rows.\n\n"
        + md_table(header, rows)
        + "\n\nLargest matched themes (first head):\n\n"
        + md_table(["set", "theme", "gold aspect", "pairs", "gold negative", "negative by clause", "by comment"], theme_rows)
        + "\n\nShort Indonesian hotel clauses, P(positive) - P(negative) per head (clauses of the reviews above):\n\n"
        + md_table(["clause", *models], phrase_rows)
        + "\n\n" + NOTES
    )
    print(body)
    if not args.no_write:
        write_section("Theme sentiment against gold aspect polarity (benchmarks/aspect_sentiment.py)", body)


NOTES = """Heads: "shipped" is models/heads/sentiment of the commit measured; "rev:X" the head of commit X (rev:HEAD, run
before that commit: the head before it). Read (2026-12-07):
- IndoNLU: the head of a8e5082 read 72% of the theme clauses negative where 82% of the gold pairs are; "kotor"
  (dirty), "Kamar kotor", "Wifi lemot" (slow wifi) read positive, and "kamar kotor" showed 58% negative on the
  whole set against 99% gold. SmSA, its only Indonesian training set, has few hotel complaints. With IndoNLU's
  own train split in the training data: accuracy 0.769 -> 0.840 from the clauses, the theme's negative share
  off by 0.15 -> 0.08; ASAP (never trained on either way) unchanged, 0.624 -> 0.621, error 0.087 -> 0.082.
- Clauses against the whole comment: from the theme's own clauses macro-F1 is higher on both sets (zh 0.50 vs
  0.43, id 0.71 vs 0.63): the comment's reading misses the aspect that goes the other way (a positive review
  with a complaint about the waiters); accuracy on ASAP is a little lower (0.62 vs 0.65), as clause readings
  call ASAP's "neutral" mentions (a mild "服务员没什么笑脸", the waiters don't smile) negative.
- Counted per comment rather than per clause, a theme's negative share is nearer the gold one on ASAP (error
  0.070 vs 0.082; "服务员", waiters, 40% vs 47% against 28% gold): a review that comes back to a complaint in
  three clauses counts once. The report and `themes_` count per comment since this run.
- sentimentai-py on the same vectors reads 80% of ASAP's comments negative; from clauses it is nearer (30%).
- Left: alone, "kotor" and "Kamar kotor" now read about neutral (+0.21, -0.09; before +0.71, +0.66), not yet
  clearly negative; in the reviews' longer clauses they do. Praise of a hotel room reads negative ("Nyaman banget kamar nya.", the room is very comfortable), worse with
  the new head. IndoNLU's hotel reviews are nearly all complaints (train split: 1,601 negative, 24 positive, 658
  both ways), and comfort is none of their aspects, so a complaint review that also praises the room trains as
  negative (the table of short clauses above). A fix: clause-level training rows from the aspect labels, or
  praise from hotel reviews of another source."""


if __name__ == "__main__":
    main()
