"""Describing themes: distinctive words (c-TF-IDF, per language too), unique labels, examples, sentiment mix.

Example:
    >>> pick_label(["engineer", "engineer visit", "appointment", "missed"], taken=set())
    'engineer, appointment'
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from .units import Units

__all__ = ["describe_themes", "ctfidf_terms", "pick_label", "parent_groups"]

MIN_UNITS_PER_LANGUAGE = 3


def ctfidf_terms(tokens: Sequence[str], labels: Sequence[int], ids: Sequence[int], top_n: int) -> dict[int, list[str]]:
    """Top c-TF-IDF terms (words and word pairs) of each theme id, from space-separated tokens."""
    import numpy as np
    from bertopic.vectorizers import ClassTfidfTransformer
    from sklearn.feature_extraction.text import CountVectorizer

    docs = {i: [] for i in ids}
    for t, lab in zip(tokens, labels):
        if lab in docs and t:
            docs[lab].append(t)
    present = [i for i in ids if docs[i]]
    if not present:
        return {i: [] for i in ids}
    cv = CountVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2))
    try:
        counts = cv.fit_transform([" ".join(docs[i]) for i in present])
    except ValueError:  # no tokens at all
        return {i: [] for i in ids}
    weights = ClassTfidfTransformer(reduce_frequent_words=True).fit_transform(counts).toarray()
    vocab = np.asarray(cv.get_feature_names_out())
    out = {i: [] for i in ids}
    for row, i in enumerate(present):
        order = np.argsort(-weights[row], kind="stable")
        out[i] = [str(vocab[j]) for j in order[:top_n] if weights[row, j] > 0]
    return out


def pick_label(terms: Sequence[str], taken: set[str], *, n: int = 2) -> str:
    """2 (or more, to be unique) distinctive terms, skipping terms that repeat words already used."""
    chosen: list[str] = []
    words: set[str] = set()
    for t in terms:
        parts = t.split()
        if len(set(parts)) < len(parts) or set(parts) & words or any(_same_stem(p, w) for p in parts for w in words):
            continue
        chosen.append(t)
        words |= set(t.split())
        label = ", ".join(chosen)
        if len(chosen) >= n and label not in taken:
            return label
    label = ", ".join(chosen) or "theme"
    k = 2
    base = label
    while label in taken:
        label = f"{base} ({k})"
        k += 1
    return label


def _same_stem(a: str, b: str) -> bool:
    """'engineer' / 'engineers', 'charge' / 'charged': one is the other plus a short ending."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3


def _examples(units: Units, z: np.ndarray, labels: np.ndarray, centroid: np.ndarray, theme: int, k: int = 3) -> list[str]:
    import numpy as np

    idx = np.nonzero(labels == theme)[0]
    if len(idx) == 0:
        return []
    sims = z[idx] @ centroid
    good = [i for i in idx[np.argsort(-sims, kind="stable")] if 15 <= len(units.texts[i]) <= 200]
    pool = good or list(idx[np.argsort(-sims, kind="stable")])
    seen, out = set(), []
    for i in pool:
        key = units.texts[i].strip().lower()
        if key not in seen:
            seen.add(key)
            out.append(units.texts[i])
        if len(out) == k:
            break
    return out


def describe_themes(units: Units, z: np.ndarray, labels: np.ndarray, tokens: Sequence[str], centroids: np.ndarray,
                    ids: Sequence[int], *, top_n: int, fixed_labels: Mapping[int, str],
                    previous: Mapping[int, str] | None) -> dict[str, dict[int, Any]]:
    """Labels, terms (overall and per language), examples and size / sentiment stats per theme."""
    import numpy as np

    terms = ctfidf_terms(tokens, labels.tolist(), list(ids), top_n)
    by_lang: dict[int, dict[str, list[str]]] = {i: {} for i in ids}
    langs = [lang for lang, c in _counts(units.language).items() if c >= 10 and lang != "und"]
    if len(langs) > 1:
        lang_arr = np.asarray(units.language)
        for lang in langs:
            mask = lang_arr == lang
            sub_ids = [i for i in ids if int(((labels == i) & mask).sum()) >= MIN_UNITS_PER_LANGUAGE]
            if not sub_ids:
                continue
            sub = ctfidf_terms([t for t, m in zip(tokens, mask) if m], labels[mask].tolist(), sub_ids, 5)
            for i in sub_ids:
                if sub[i]:
                    by_lang[i][lang] = sub[i]
    taken = {v for k, v in (previous or {}).items() if k not in ids}
    out_labels: dict[int, str] = {}
    for i in ids:  # user labels first, so generated ones avoid them
        if fixed_labels.get(i):
            out_labels[i] = fixed_labels[i]
            taken.add(fixed_labels[i])
    # labels in the corpus's main language when the theme has words in it: a multilingual team reads one
    # language, and a theme that holds German and English comments is better named in the main one
    main_lang = max(_counts(units.language).items(), key=lambda kv: kv[1])[0] if len(units) else None
    for i in ids:
        if i not in out_labels:
            own = by_lang[i].get(main_lang) if main_lang else None
            out_labels[i] = pick_label(own if own and len(own) >= 2 else terms[i], taken)
            taken.add(out_labels[i])
    rows_with_units = len(set(units.row[labels >= -1].tolist())) or 1
    stats: dict[int, dict[str, Any]] = {}
    for k, i in enumerate(ids):
        member = labels == i
        n_comments = len(set(units.row[member].tolist()))
        sent = [units.sentiment[j] for j in np.nonzero(member)[0] if units.sentiment[j] is not None]
        scores = units.sentiment_score[member]
        scores = scores[~np.isnan(scores)]
        stats[i] = {
            "size": n_comments, "clauses": int(member.sum()), "share": round(n_comments / rows_with_units, 4),
            "negative": round(sent.count("negative") / len(sent), 4) if sent else math.nan,
            "neutral": round(sent.count("neutral") / len(sent), 4) if sent else math.nan,
            "positive": round(sent.count("positive") / len(sent), 4) if sent else math.nan,
            "mean_sentiment": round(float(scores.mean()), 4) if len(scores) else math.nan,
        }
    examples = {i: _examples(units, z, labels, centroids[k], i) for k, i in enumerate(ids)}
    return {"labels": out_labels, "terms": terms, "terms_by_language": by_lang, "examples": examples, "stats": stats}


def _counts(values: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


def parent_groups(centroids: np.ndarray, ids: Sequence[int], sizes: Sequence[int]) -> dict[int, int]:
    """Parent of each theme: themes are grouped (average linkage on centroids, about sqrt(k) groups) and
    each group's parent is its largest theme."""
    from scipy.cluster.hierarchy import fcluster, linkage

    ids = list(ids)
    if len(ids) < 3:
        return {i: i for i in ids}
    groups = fcluster(linkage(centroids, method="average", metric="cosine"), t=max(2, round(math.sqrt(len(ids)))),
                      criterion="maxclust")
    parent: dict[int, int] = {}
    for g in set(groups.tolist()):
        members = [(s, i) for i, s, gg in zip(ids, sizes, groups) if gg == g]
        head = max(members, key=lambda t: (t[0], -t[1]))[1]
        for _, i in members:
            parent[i] = head
    return parent
