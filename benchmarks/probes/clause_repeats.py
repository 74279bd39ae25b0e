"""One-off probe (2026-12-04, issue 21 item 6): would a cache of clause vectors across chunks pay? Share of
the clauses of multi-clause comments (the extra texts the encoder embeds) and of whole comments that
repeat, word for word, a text of an earlier chunk (500-row chunks, 8x fewer rows than the default 4,096, so
this overstates it), on the real sets of benchmarks/themes_real.py (its cached Pipeline outputs).

Result (2026-12-04): comments / clauses repeated from earlier chunks: NPS verbatims 2.7% / 0.4%, IndoNLU
0.4% / 1.0%, NSMC 0.6% / 0.4%, Japanese reviews 0.0% / 0.2%. Repeats within a chunk are embedded once
already (the encoder dedupes each call), so a cross-chunk cache would save under 1% of the encoder's work
on these sets: not built.
Run: python benchmarks/probes/clause_repeats.py
"""
import sys

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
import themes_real as R
for k in ["nps", "id", "ko", "ja"]:
    out, _ = R.tagged(k)
    seen = set(); total = rep = 0; ctexts = 0; crep = 0; seen_c = set()
    for i, (t, cl) in enumerate(zip(out["text"], out["clauses"])):
        if i % 500 == 0: chunk = set(); chunk_c = set()
        key = " ".join(str(t).lower().split())
        ctexts += 1
        if key in seen_c and key not in chunk_c: crep += 1
        seen_c.add(key); chunk_c.add(key)
        if isinstance(cl, list) and len(cl) > 1:
            for c in cl:
                ck = c["text"].strip()
                total += 1
                if ck in seen and ck not in chunk: rep += 1
                seen.add(ck); chunk.add(ck)
    print(k, "comments repeated from earlier chunks", f"{crep/ctexts:.1%}", "| clauses of multi-clause comments", total, "repeated from earlier chunks", f"{rep/max(total,1):.1%}")
