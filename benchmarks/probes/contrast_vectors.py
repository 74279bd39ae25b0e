"""Probe (issue 15, 2026-12-06; measurement only): do the contrast words a clause starts or ends with pull its vector?

The clause splitter cuts at a contrast word and keeps it in the clause ("but the others I spoke to...", "하지만 조금
지루함", "처음에는 적응하기 힘들었지만"). On short clauses the encoder may group clauses by that word rather than by what
they say (NSMC's theme 지루, boring, holds "안타깝지만", "심각한 단점은 없지만", "하지만 견딜만하다"). Here the clauses that
start with a contrast word of their language (or end with a Korean / Japanese contrast ending) are embedded again
without it and the rows of benchmarks/themes_real.py compared, same run, cached Pipeline outputs.

Result (2026-12-06, Intel Xeon with AVX-512; one default fit per set, refit over three pairs of 90% fits, seed 1):
- NSMC (ko): 516 of 7,259 clauses re-embedded (7.1%); 38 -> 39 themes, unassigned 11.7% -> 11.4%, label coverage
  0.72 -> 0.72, refit 0.829 / 0.832 -> 0.824 / 0.825, the same top labels (지루 224 -> 206 clauses);
- NPS (en): 256 of 3,734 (6.9%); 41 themes both ways, unassigned 6.1% both, coverage 0.69 both, refit 0.864 / 0.829
  -> 0.866 / 0.836.
So the contrast word does not steer the vectors; NSMC's 지루 theme groups its "...지만" clauses by what they say
(mild faults, boredom), and nothing is changed.
Run: python benchmarks/probes/contrast_vectors.py ko,nps
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import numpy as np  # noqa: E402
import themes_real  # noqa: E402
from vocnlp import clauses as C  # noqa: E402
from vocnlp.encoders import get_encoder  # noqa: E402

END = {"ko": [("지만", "다")], "ja": [("けれども", ""), ("けれど", ""), ("けど", ""), ("が、", "。"), ("が", "")]}


def stripped(text: str, lang: str) -> str | None:
    t = text.strip()
    words = sorted([*C.CONTRAST_WORDS.get(lang, ()), *C._CJK_BEFORE], key=len, reverse=True)
    for w in words:
        m = re.match(rf"{re.escape(w)}(?:\b|(?=\W)|$)[\s,、，:;-]*", t, flags=re.I) if w.isascii() or lang not in {"zh", "ja", "ko"} else (
            re.match(rf"{re.escape(w)}[\s,、，]*", t))
        if m and m.end() < len(t):
            return t[m.end():]
    core = t.rstrip(" .!?。！？~")
    for end, put in END.get(lang, []):
        if core.endswith(end) and len(core) > len(end) + 1:
            return core[: -len(end)] + put
    return None


def rewritten(out):  # type: ignore[no-untyped-def]
    out = out.copy()
    enc = get_encoder("auto", None)
    jobs = []
    for r, (cl, lang) in enumerate(zip(out["clauses"], out["language"])):
        if isinstance(cl, list):
            for k, c in enumerate(cl):
                s = stripped(c["text"], lang)
                if s:
                    jobs.append((r, k, s))
    vec = enc.encode([s for *_, s in jobs]).embeddings if jobs else None
    emb = [None if e is None else np.array(e, copy=True) for e in out["clause_embeddings"]]
    for (r, k, _), v in zip(jobs, vec if vec is not None else []):
        emb[r][k] = v.astype(emb[r].dtype)
    out["clause_embeddings"] = emb
    n = sum(len(cl) for cl in out["clauses"] if isinstance(cl, list))
    print(f"  re-embedded {len(jobs)} of {n} clauses ({len(jobs) / n:.1%}); e.g. {[s for *_, s in jobs[:4]]}", flush=True)
    return out


for key in sys.argv[1].split(","):
    out = themes_real.outputs(key)
    for name, data in [("as cut", out), ("contrast word left out of the vector", rewritten(out))]:
        row, top = themes_real.theme_model_row(data, key, "ThemeModel", {}, lambda p: ("-", "-"), rng_seed=1)
        print(f"{key} {name}: " + " | ".join(map(str, row[2:])), flush=True)
        print("   ", top[:15] if isinstance(top, list) else top, flush=True)
