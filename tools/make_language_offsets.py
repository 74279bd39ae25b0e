"""Write models/themes/language_offsets.safetensors from the project's multilingual set (see themes/reference.py).

    .venv/bin/python tools/make_language_offsets.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from safetensors.numpy import save_file

import vocnlp

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    rows = list(csv.DictReader((ROOT / "models" / "training" / "voc_multilingual.csv").open(encoding="utf-8")))
    emb = vocnlp.embed([r["text"] for r in rows])
    langs = np.array([r["lang"] for r in rows])
    # the mean over languages (each language weighted equally), so no language dominates the centre
    per_lang = {lang: emb[langs == lang].mean(axis=0) for lang in sorted(set(langs))}
    centre = np.mean(list(per_lang.values()), axis=0)
    offsets = {lang: (v - centre).astype(np.float32) for lang, v in per_lang.items()}
    out = ROOT / "models" / "themes" / "language_offsets.safetensors"
    out.parent.mkdir(parents=True, exist_ok=True)
    save_file(offsets, str(out), metadata={"source": "models/training/voc_multilingual.csv",
                                           "encoder": "multilingual-e5-small", "languages": ",".join(offsets)})
    print(f"wrote {out}: {len(offsets)} languages, mean |offset| {np.mean([np.linalg.norm(v) for v in offsets.values()]):.3f}")


if __name__ == "__main__":
    main()
