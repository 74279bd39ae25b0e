"""One-off probe: RSS over a long run, encoder alone vs pipeline without themes, chunks of 4,096 comments
that never repeat (a random number appended).
Run: python benchmarks/probes/memory_by_stage.py encoder|pipeline 61440
"""
import sys, time, random, os
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
from encode import load_texts
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"): return int(line.split()[1]) // 1024
pool = load_texts(8000)
mode = sys.argv[1]; n = int(sys.argv[2])
rng = random.Random(0)
if mode == "encoder":
    from vocnlp.encoders.torch_backend import TorchEncoder
    from vocnlp.config import RuntimeConfig
    enc = TorchEncoder(config=RuntimeConfig(device="cpu"))
    run = lambda xs: enc.encode(xs)
else:
    from vocnlp.pipeline import Pipeline
    nlp = Pipeline.default(device="cpu")
    run = lambda xs: nlp.run(xs)
done = 0; t0 = time.time(); marks = []
while done < n:
    # perturb texts so dedupe/caches cannot help: a random suffix number
    xs = [rng.choice(pool) + f" {rng.randint(0, 10**6)}" for _ in range(4096)]
    run(xs); done += len(xs)
    marks.append((done, rss()))
    print(mode, os.environ.get("TAG", ""), done, marks[-1][1], round(time.time() - t0), flush=True)
import numpy as np
d = np.array(marks[3:], float)
print("slope MB per 1k rows after warm-up:", np.polyfit(d[:, 0] / 1000, d[:, 1], 1)[0])
