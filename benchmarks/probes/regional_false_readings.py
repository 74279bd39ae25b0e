"""Probe (issue 15, 2026-12-06): how often language ID reads a text as a language of `vocnlp.regional` (Indonesia's
regional languages; Nigerian Pidgin, Hausa, Igbo, Yoruba) when it is not, and how often it reads those languages'
own texts right. Per set: the default `LanguageDetector` with the set's prior (as the Pipeline reads a data set),
the counts of each such language, and the three most frequent readings.

Sets: AfriSenti (2,000 tweets a language, seed 0, for the rates of pcm/hau/ibo/yor; the first 2,000 of every
language for the cross-language count), the English sets of ../shared/data (up to 6,000 texts each), IndoNLU and
SmSA (Indonesian reviews), the lingua sentences (13 languages).

    python benchmarks/probes/regional_false_readings.py

Result (2026-12-06, Intel Xeon with AVX-512 BF16; summarised in RESULTS.md, "Indonesia's regional languages, one
set each" and "Theme labels on African-language tweets"): AfriSenti read as itself: Pidgin 1,872 of 2,000, Hausa
1,520, Igbo 1,592, Yoruba 1,852; of 27,261 AfriSenti tweets (the first 2,000 of each language) 116 as another
language of `vocnlp.regional` (pcm 45, yo 31, ha 23, ig 14, ace, su, bbc 1 each; the seed-0 sample of 2,000 Twi
tweets: 58, 36 of them as Pidgin). The session after, with a data set mostly in a language no detector names keeping
its texts (`regional.UNNAMED`) and Kinyarwanda, Oromo, Twi and Tsonga added: Pidgin 1,880, Hausa 1,902, Igbo 1,866,
Yoruba 1,940, Kinyarwanda 1,962, Oromo 1,968, Twi 1,774, Tsonga 394 of 1,261 (500 as English), Swahili 0 (1,956
sw); 99 of the 27,261 as another such language than their own (yo 32, pcm 31, ha 11, rw 10, ig 7, tw 3; ts, ace, su,
bbc 1 each; a first try without the majority condition had read 412 of the first 2,000 Hausa tweets as Sundanese);
the rest below unchanged. English sets
(19,965 texts: banking77, Bitext, CLINC150, NPS verbatims, UCI) 0; IndoNLU 2 of 3,468 (ha, jv), SmSA 1 of 5,000
(min); lingua sentences 0 of 12,141. The two-word rule alone (`regional.regional_language`, as its docstring
cites it): NusaX 57-81% of each language (Buginese to Sundanese), 0 of its Indonesian; IndoNLU + SmSA 2 of 8,468;
English sets 0 of 35,499; AfriSenti Pidgin 75.8%.
"""

import collections
import glob
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
from vocnlp import regional  # noqa: E402
from vocnlp.langid import LanguageDetector  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def run(name: str, texts: list[str]) -> collections.Counter:
    det = LanguageDetector()
    got = collections.Counter(g.lang for g in det.detect(texts, prior=det.estimate_prior(texts)))
    print(name, len(texts), {k: v for k, v in got.items() if k in regional.BASE}, got.most_common(3), flush=True)
    return got


afri = pd.read_csv(DATA / "sentiment_afrisenti" / "data.csv")
for lang in ["pcm", "hau", "ibo", "yor", "kin", "orm", "twi", "tso", "swa", "por"]:
    t = afri[afri["lang"] == lang]["text"].astype(str)
    run(f"afrisenti {lang}", t.sample(min(2000, len(t)), random_state=0).tolist())
own = {"pcm": "pcm", "hau": "ha", "ibo": "ig", "yor": "yo", "kin": "rw", "orm": "om", "twi": "tw", "tso": "ts"}
total, n = collections.Counter(), 0
for lang, g in afri.groupby("lang"):
    texts = g["text"].astype(str).head(2000).tolist()
    n += len(texts)
    det = LanguageDetector()
    got = collections.Counter(x.lang for x in det.detect(texts, prior=det.estimate_prior(texts)))
    total.update({k: v for k, v in got.items() if k in regional.BASE and k != own.get(lang)})
print(f"afrisenti, first 2,000 of each language ({n}): read as another language of vocnlp.regional", dict(total))
english = 0
for f in sorted(glob.glob(str(DATA / "*_en" / "*.csv"))):
    got = run(Path(f).parent.name, pd.read_csv(f)["text"].dropna().astype(str).tolist()[:6000])
    english += sum(v for k, v in got.items() if k in regional.BASE)
print("English sets: read as a language of vocnlp.regional", english)
for f in ["themes_indonlu_absa/data.csv", "sentiment_indonlu_smsa/data.csv"]:
    run(f, pd.read_csv(DATA / f)["text"].dropna().tolist())
run("lingua sentences", pd.read_csv(DATA / "langid_lingua_sentences" / "lingua_sentences_target13.csv")["text"].astype(str).tolist())

# the two-word rule alone (`regional.regional_language` without the data set's share), as its docstring cites it
nusax = pd.read_csv(DATA / "sentiment_nusax_senti" / "data.csv")
rates = {lang: sum(regional.regional_language(t) == lang for t in g["text"]) / len(g) for lang, g in nusax.groupby("lang")}
print("NusaX, two words alone:", {k: round(v, 3) for k, v in rates.items()})
indonesian = [t for f in ["themes_indonlu_absa/data.csv", "sentiment_indonlu_smsa/data.csv"]
              for t in pd.read_csv(DATA / f)["text"].dropna()]
print("IndoNLU + SmSA, two words alone:", sum(regional.regional_language(t) is not None for t in indonesian), len(indonesian))
eng = [t for f in sorted(glob.glob(str(DATA / "*_en" / "*.csv"))) for t in pd.read_csv(f)["text"].dropna().astype(str)]
print("English sets, two words alone:", sum(regional.regional_language(t, base="en") is not None for t in eng), len(eng))
pcm = afri[afri["lang"] == "pcm"]["text"].astype(str)
print("AfriSenti Pidgin, two words alone:", round(sum(regional.regional_language(t, base="en") == "pcm" for t in pcm) / len(pcm), 3))
