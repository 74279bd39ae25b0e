"""Probe (issue 15, 2026-12-06, night; measurement only): what do the NSMC reviews that no theme takes say?

11.6% of the 5,000 NSMC reviews get no theme (target: 10%). The default fit on the cached Pipeline output of
benchmarks/themes_real.py "ko"; its unassigned reviews are split into those with no clause of two content words
(`themes_real.said_something`) and the rest, and the words Kiwi reads in them are counted against all reviews.

    python benchmarks/probes/nsmc_unassigned.py

Result (2026-12-06, night, Intel Xeon): 582 unassigned, 305 of them with no clause of two content words ("아쉽다", a pity;
"최고!!", best; "별로", not great), 277 with one. Their most frequent words are evaluations spread thin: 굿 (good, 18
of its 47 reviews), 잼 (fun, slang, 17 of 89), 짱 (great, 14 of 48), 재밋 (fun, misspelt, 11 of 31), 웃기 (funny, 11 of
61); 54 of the 582 hold a form of 재미 (fun: 재밌, 재밋, 잼), which the theme 재미 takes when said with its noun. No
subject a theme could take; reading 재밌다 as 재미 was tried on 2026-12-06 and lost the fun theme (RESULTS.md,
"Themes on real data", ko_have_nouns.py).
"""

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
import vocnlp  # noqa: E402


def main() -> None:
    from kiwipiepy import Kiwi

    out = themes_real.outputs("ko")
    tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
    got = tm.transform(out, text_col="text")
    unassigned = (got["theme_id"].fillna(-1).astype(int) < 0).to_numpy()
    topical = themes_real.said_something(out)
    print(f"{unassigned.sum()} of {len(out)} unassigned: {(unassigned & ~topical).sum()} without a clause of two "
          f"content words, {(unassigned & topical).sum()} with one")
    fun = re.compile("재미|재밌|재밋|잼")
    print("holding a form of 재미:", sum(bool(fun.search(t)) for t, u in zip(out["text"], unassigned) if u))
    kiwi = Kiwi(load_multi_dict=False)
    tags = ("VA", "XR", "VV", "NNG", "MAG")
    in_all, in_un = Counter(), Counter()
    for text, u in zip(out["text"], unassigned):
        words = {(t.form, t.tag) for t in kiwi.tokenize(text) if t.tag in tags}
        in_all.update(words)
        if u:
            in_un.update(words)
    for (form, tag), n in in_un.most_common(25):
        print(f"  {form}/{tag}: {n} of {in_all[(form, tag)]}")


if __name__ == "__main__":
    main()
