"""One-off probe (2026-12-04, issue 21 item 2): ThemeModel.fit on the first 5,000 clauses of the NSMC Korean
reviews (cached Pipeline outputs of benchmarks/themes_real.py, language column present, so the default
discovery is anchored phrases), in a fresh process: imports and the encoder load for label phrases included.
Result (2026-12-04, two runs): 7.1 s and 6.3 s (target 10 s). The clustered path (a frame without a language
column: benchmarks/themes.py --scale-one 5000) took 11.2 and 11.4 s the same hour.
2026-12-05: with --no-language the frame has no language column: before, every clause was "und" and the fit
clustered; now each comment's language is detected first (as the Pipeline does), so the fit is anchored.
Result (2026-12-05, fresh processes, alternated): see RESULTS.md "Cold start" notes.
Run: python benchmarks/probes/fit_5k.py [--no-language]
"""
import sys, time, pickle
t0 = time.perf_counter()
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
import themes_real as R
out, _ = R.tagged("ko")
n = 0; k = 0
for k, cl in enumerate(out["clauses"]):
    n += len(cl) if isinstance(cl, list) else 0
    if n >= 5000: break
df = out.iloc[: k + 1]
if "--no-language" in sys.argv:
    df = df.drop(columns=["language"])
t1 = time.perf_counter()
import vocnlp
tm = vocnlp.ThemeModel(seed=0).fit(df, text_col="text")
print(f"{n} clauses of {k+1} comments: fit {time.perf_counter() - t1:.1f} s (data loaded in {t1 - t0:.1f} s); discovery {tm.fit_stats_['discovery']}")
