"""One-off probe (issue 6, RESULTS 'predicted and measured'): clause vectors pooled from the comment's own
token states vs clauses embedded separately, on held-out pairs of real sentences joined into one comment.
Run: python benchmarks/probes/span_pooling.py [bfloat16|float32]
"""
import sys, random, time
import numpy as np, torch
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "tools"))
import heads_data
from vocnlp.encoders.torch_backend import TorchEncoder
from vocnlp.config import RuntimeConfig
from vocnlp.clauses import split_clauses
from vocnlp.heads.sentiment import SentimentStage

dtype = sys.argv[1] if len(sys.argv) > 1 else "bfloat16"
enc = TorchEncoder(config=RuntimeConfig(device="cpu", dtype=dtype))
stage = SentimentStage()
src = heads_data.load()
rng = random.Random(0)

def pairs(df, labcol):
    rows = df[["text", labcol]].values.tolist()
    out = []
    for i, (a, la) in enumerate(rows):
        j = rng.randrange(len(rows))
        if j == i: continue
        b, lb = rows[j]
        a = a.strip(); b = b.strip()
        if a[-1] not in ".!?。！？": a = a + "."
        t = a + " " + b
        cl = split_clauses(t)
        if len(cl) == 2 and cl[0].text == a and cl[1].text == b:
            out.append((t, [(c.start, c.end) for c in cl], [la, lb]))
    return out

def span_vectors(texts, spans, variant):
    """variant: 'span' = clause tokens only, 'ctx' = clause tokens + prefix + special tokens"""
    p = len(enc.prefix)
    encs = enc.tokenizer.encode_batch([enc.prefix + t for t in texts], add_special_tokens=False)
    out = []
    H = len(enc._head_ids)
    for k in range(0, len(texts), 64):
        batch = encs[k:k+64]
        seqs = [enc._head_ids + e.ids + enc._tail_ids for e in batch]
        W = max(map(len, seqs))
        ids = torch.full((len(seqs), W), enc._pad_id); m = torch.zeros((len(seqs), W), dtype=torch.long)
        for r, s in enumerate(seqs): ids[r,:len(s)] = torch.tensor(s); m[r,:len(s)] = 1
        with torch.inference_mode():
            h = enc.model(input_ids=ids, attention_mask=m).last_hidden_state.float()
        for r, e in enumerate(batch):
            sp = spans[k + r]
            n = len(e.ids)
            prefix_pos = [H + j for j, (a, b) in enumerate(e.offsets) if a < p]
            special = list(range(H)) + list(range(H + n, H + n + len(enc._tail_ids)))
            vecs = []
            for (s, t) in sp:
                pos = [H + j for j, (a, b) in enumerate(e.offsets) if a >= p and s + p <= a < t + p]
                if variant == "ctx": pos = pos + prefix_pos + special
                v = h[r, pos].mean(0).numpy()
                vecs.append(v / np.linalg.norm(v))
            out.append(np.stack(vecs))
    return out

def evaluate(name, prs, binary):
    texts = [t for t, _, _ in prs]; spans = [s for _, s, _ in prs]; labels = [l for _, _, ls in prs for l in ls]
    clause_texts = [texts[i][a:b] for i, sp in enumerate(spans) for a, b in sp]
    sep = enc.encode(clause_texts).embeddings
    res = {}
    for variant in ("separate", "span", "ctx"):
        if variant == "separate": v = sep
        else: v = np.concatenate(span_vectors(texts, spans, variant))
        p = stage.proba(v)
        if binary: pred = np.where(p[:, 2] >= p[:, 0], "positive", "negative")
        else: pred = np.array(["negative", "neutral", "positive"])[p.argmax(1)]
        acc = float((pred == np.array(labels)).mean())
        cos = float((v * sep).sum(1).mean())
        res[variant] = (round(acc, 4), round(cos, 4))
    print(name, len(prs), "pairs", res, flush=True)

uci = src["uci"][src["uci"]["split"] == "test"]
evaluate("UCI test pairs", pairs(uci, "label"), True)
hand = src["hand"][src["hand"]["split"] == "test"]
hand = hand[~hand["mixed"]]
evaluate("multilingual test pairs", pairs(hand, "sentiment"), False)
