"""One-off probe (2026-12-04, issue 21): what Kiwi's multi-word dictionary costs a process that meets Korean,
and which words it changes, on the Korean words of the first 2,000 NSMC reviews (the set of
benchmarks/analyze.py's comparison). Each setting in a fresh process: load, then the first analysis of all
the words in one batch (Kiwi builds part of its model on first use).
Run: python benchmarks/probes/kiwi_multi_dict.py
"""

import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import SHARED_DATA  # noqa: E402

CHILD = """
import json, re, sys, time
import pandas as pd
t0 = time.perf_counter()
from kiwipiepy import Kiwi
kiwi = Kiwi(**json.loads(sys.argv[1]))
load = time.perf_counter() - t0
texts = pd.read_csv(sys.argv[2])["text"].astype(str).head(2000)
words = sorted({w for t in texts for w in re.findall(r"[\\uac00-\\ud7a3]+", t)})
t0 = time.perf_counter()
out = [[(m.form, m.tag) for m in toks] for toks in kiwi.tokenize(words)]
print(json.dumps({"load": load, "first": time.perf_counter() - t0, "words": words, "morphs": out}))
"""

data = str(SHARED_DATA / "sentiment_nsmc_ratings" / "data.csv")
runs = {}
for name, opts in (("with", {}), ("without", {"load_multi_dict": False})):
    res = subprocess.run([sys.executable, "-c", CHILD, json.dumps(opts), data], capture_output=True, text=True,
                         check=True)
    runs[name] = json.loads(res.stdout.strip().splitlines()[-1])
    print(f"multi-word dictionary {name}: load {runs[name]['load']:.2f} s, first analysis of "
          f"{len(runs[name]['words']):,} words {runs[name]['first']:.2f} s", flush=True)
a, b = runs["with"], runs["without"]
changed = [(w, x, y) for w, x, y in zip(a["words"], a["morphs"], b["morphs"]) if x != y]
print(f"{len(changed)} of {len(a['words']):,} words analysed differently, e.g.:")
for w, x, y in changed[:8]:
    print(" ", w, x, "->", y)
