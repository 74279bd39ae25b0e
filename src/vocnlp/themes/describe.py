"""Describing themes: keywords (c-TF-IDF, per language too), phrase labels, examples, sentiment mix, parents.

Example:
    >>> pick_label(["engineer", "engineer visit", "appointment", "missed"], taken=set())
    'engineer, appointment'
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .casing import written_form
from .labels import choose_labels
from .phrases import _negated, candidates, said_negated
from .state import Theme

if TYPE_CHECKING:
    import numpy as np

    from .units import Units

__all__ = [
    "class_tfidf",
    "clause_vote",
    "comment_sentiment",
    "ctfidf_terms",
    "describe_themes",
    "example_quota",
    "first_seen",
    "parent_groups",
    "parent_labels",
    "pick_label",
]

_DENSE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")  # kana, ideographs, Hangul

MIN_UNITS_PER_LANGUAGE = 3
#: a language gets its own label in a theme when it holds this share of the theme's clauses (and 5+)
LANGUAGE_LABEL_SHARE = 0.2


def class_tfidf(counts: Any) -> np.ndarray:
    """c-TF-IDF of a class x term count matrix (dense rows), as BERTopic's
    ``ClassTfidfTransformer(reduce_frequent_words=True)`` computes it: term frequency L1-normalised per
    class, square-rooted, times ``log(1 + A / f)`` with ``A`` the mean number of words per class (whole
    number) and ``f`` the term's count over all classes. Written out so that a theme fit needs no
    BERTopic import (1.6 s with torch and scikit-learn loaded); tests hold it to BERTopic's numbers.

    Example:
        >>> class_tfidf([[2, 0, 1], [0, 3, 1]]).round(3).tolist()
        [[0.748, 0.0, 0.529], [0.0, 0.6, 0.458]]
    """
    import numpy as np
    import scipy.sparse as sp
    from sklearn.preprocessing import normalize

    x = sp.csr_matrix(counts, dtype=np.float64)
    f = np.asarray(x.sum(axis=0)).ravel()
    avg = int(np.asarray(x.sum(axis=1)).mean())
    with np.errstate(divide="ignore"):
        idf = np.log(avg / f + 1)
    tf = normalize(x, norm="l1", axis=1)
    tf.data = np.sqrt(tf.data)
    return np.asarray((tf @ sp.diags(idf)).toarray())


def ctfidf_terms(tokens: Sequence[str], labels: Sequence[int], ids: Sequence[int], top_n: int) -> dict[int, list[str]]:
    """Top c-TF-IDF terms (words and word pairs) of each theme id, from space-separated tokens."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    docs: dict[int, list[str]] = {i: [] for i in ids}
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
    weights = class_tfidf(counts)
    vocab = np.asarray(cv.get_feature_names_out())
    out: dict[int, list[str]] = {i: [] for i in ids}
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


#: the sentiment labels, in the order the report shows them
POLES = ("negative", "neutral", "positive")


def clause_vote(labels: Sequence[str]) -> str:
    """How one comment reads on a theme, from the sentiment of its clauses of the theme: as most of them do; as
    many positive as negative, or a tie with neutral, reads neutral.

    Example:
        >>> clause_vote(["negative", "negative", "positive"]), clause_vote(["negative", "positive"])
        ('negative', 'neutral')
    """
    c = Counter(labels)
    if c["positive"] == c["negative"] and c["positive"]:
        return "neutral"
    return max(POLES, key=lambda p: (c[p], p == "neutral"))


def comment_sentiment(rows: Sequence[int], labels: Sequence[str | None]) -> dict[str, float]:
    """A theme's share of negative / neutral / positive comments, each comment read from its clauses of the theme
    (:func:`clause_vote`).

    ``rows``: each of the theme's clauses' comment; ``labels``: its sentiment (None: unknown). Counted per
    comment, as the report says: a review that returns to the waiters three times counts once. On ASAP's gold
    aspect polarity this is nearer the truth than a share of clauses (benchmarks/aspect_sentiment.py). NaN
    shares when no clause has a label.

    Example:
        >>> comment_sentiment([0, 0, 1, 2], ["negative", "negative", "positive", "negative"])
        {'negative': 0.6667, 'neutral': 0.0, 'positive': 0.3333}
        >>> comment_sentiment([0, 0], ["negative", "positive"])["neutral"]
        1.0
    """
    per: dict[int, list[str]] = {}
    for r, lab in zip(rows, labels):
        if lab is not None:
            per.setdefault(int(r), []).append(lab)
    if not per:
        return dict.fromkeys(POLES, math.nan)
    votes = Counter(clause_vote(labs) for labs in per.values())
    return {p: round(votes[p] / len(per), 4) for p in POLES}


def _same_stem(a: str, b: str) -> bool:
    """'engineer' / 'engineers', 'charge' / 'charged': one is the other plus a short ending."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3


def _examples(
    units: Units,
    z: np.ndarray,
    labels: np.ndarray,
    centroid: np.ndarray,
    theme: int,
    k: int = 3,
    label: str = "",
    lang: str | None = None,
    mix: Mapping[str, float] | None = None,
) -> list[str]:
    """The theme's ``k`` clauses closest to its centre (15-200 characters where there are such), distinct, and
    not saying its plain ``label`` negated while others do not: "not boring" is near "boring" to the encoder,
    and two of the three examples of the NSMC theme 지루 (boring) had read "지루하진 않았다" (it was not boring).

    ``mix``: the theme's shares of negative / neutral / positive comments; the examples then follow it
    (:func:`example_quota`), as read by the sentiment head: the three clauses nearest the centre can all praise
    while most of the theme's comments complain (IndoNLU's "pelayanan", service, 57% negative, had shown three
    praising clauses)."""
    import numpy as np

    idx = np.nonzero(labels == theme)[0]
    if len(idx) == 0:
        return []
    sims = z[idx] @ centroid
    ranked = list(idx[np.argsort(-sims, kind="stable")])
    parts = [p for p in label.split(" / ") if p and not _negated(p, lang)]
    if parts:
        plain = [i for i in ranked if not any(said_negated(p, units.texts[i], units.language[i]) for p in parts)]
        ranked = plain if len(plain) >= k else ranked
    good = [i for i in ranked if 15 <= len(units.texts[i]) <= 200]
    pool = good or ranked
    seen: set[str] = set()
    picked: list[int] = []

    def take(candidates: Sequence[int], n: int) -> None:
        for i in candidates:
            if n <= 0 or len(picked) == k:
                return
            key = units.texts[i].strip().lower()
            if key not in seen:
                seen.add(key)
                picked.append(i)
                n -= 1

    for pole, n in example_quota(mix, k).items():
        take([i for i in pool if units.sentiment[i] == pole], n)
    take(pool, k)  # too few clauses of a sentiment (or none known): the nearest others fill in
    order = {i: r for r, i in enumerate(pool)}
    return [units.texts[i] for i in sorted(picked, key=order.__getitem__)]


def example_quota(mix: Mapping[str, float] | None, k: int) -> dict[str, int]:
    """How many of ``k`` examples each sentiment gets, in proportion to a theme's shares (largest remainders);
    empty without shares.

    Example:
        >>> example_quota({"negative": 0.57, "neutral": 0.09, "positive": 0.33}, 3)
        {'negative': 2, 'neutral': 0, 'positive': 1}
        >>> example_quota({"negative": 0.91, "neutral": 0.01, "positive": 0.08}, 3)
        {'negative': 3, 'neutral': 0, 'positive': 0}
    """
    if not mix or any(math.isnan(v) for v in mix.values()):
        return {}
    exact = {p: float(mix.get(p, 0.0)) * k for p in POLES}
    quota = {p: int(exact[p]) for p in POLES}
    for p in sorted(POLES, key=lambda p: (-(exact[p] - quota[p]), POLES.index(p)))[: k - sum(quota.values())]:
        quota[p] += 1
    return quota


def _dominant(values: Sequence[str]) -> str | None:
    counts = Counter(v for v in values if v != "und")
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def describe_themes(
    units: Units,
    z: np.ndarray,
    labels: np.ndarray,
    tokens: Sequence[str],
    centroids: np.ndarray,
    ids: Sequence[int],
    *,
    top_n: int,
    fixed_labels: Mapping[int, str],
    taken: set[str],
    embed: Callable[[list[str]], np.ndarray],
    clause_phrases: Sequence[Sequence[str]] | None = None,
) -> dict[int, Theme]:
    """A :class:`Theme` record per id: label, phrases, keywords (overall and per language), examples, stats.

    Each theme is labelled in its own dominant language; languages holding a fifth or more of a theme's
    clauses get a label of their own in ``labels_by_language``. ``clause_phrases``: each clause's label
    candidates (:func:`.phrases.candidates`), where the caller has them already.
    """
    import numpy as np

    ids = list(ids)
    if clause_phrases is None:
        clause_phrases = [candidates(t, lang) for t, lang in zip(units.texts, units.language)]
    vectors: dict[str, np.ndarray] = {}

    def embed_once(phrases: list[str]) -> np.ndarray:
        # the label of each language is chosen from many of the same phrases: each is embedded once
        new = [p for p in phrases if p not in vectors]
        if new:
            vectors.update(zip(new, embed(new)))
        return np.stack([vectors[p] for p in phrases])

    terms = ctfidf_terms(tokens, labels.tolist(), ids, top_n)
    lang_arr = np.asarray(units.language)
    by_lang: dict[int, dict[str, list[str]]] = {i: {} for i in ids}
    langs = [lang for lang, c in Counter(units.language).items() if c >= 10 and lang != "und"]
    if len(langs) > 1:
        for lang in sorted(langs):
            mask = lang_arr == lang
            sub_ids = [i for i in ids if int(((labels == i) & mask).sum()) >= MIN_UNITS_PER_LANGUAGE]
            if not sub_ids:
                continue
            sub = ctfidf_terms([t for t, m in zip(tokens, mask) if m], labels[mask].tolist(), sub_ids, 5)
            for i in sub_ids:
                if sub[i]:
                    by_lang[i][lang] = sub[i]
    language_of = {i: _dominant(lang_arr[labels == i].tolist()) for i in ids}
    # labels are chosen in lower case (the words they are made of); a label written "TV" takes "tv" too
    taken = {t.lower() for t in taken} | {v.lower() for v in fixed_labels.values() if v}
    choice = choose_labels(
        units.texts,
        units.language,
        units.row,
        z,
        labels,
        centroids,
        ids,
        embed=embed_once,
        fallback=terms,
        taken=taken,
        fixed=dict(fixed_labels),
        language_of=language_of,
        clause_phrases=clause_phrases,
    )
    # a label per other language that holds a fifth of the theme (never shared with another theme's label)
    own_labels: dict[int, dict[str, str]] = {i: {} for i in ids}
    for lang in sorted(langs):
        sub_ids = [
            i
            for i in ids
            if language_of[i] != lang
            and ((labels == i) & (lang_arr == lang)).sum() >= max(5, LANGUAGE_LABEL_SHARE * (labels == i).sum())
        ]
        if not sub_ids:
            continue
        mask = (lang_arr == lang) | ~np.isin(labels, sub_ids)
        picked = choose_labels(
            [t for t, m in zip(units.texts, mask) if m],
            lang_arr[mask].tolist(),
            units.row[mask],
            z[mask],
            labels[mask],
            centroids[[ids.index(i) for i in sub_ids]],
            sub_ids,
            embed=embed_once,
            fallback={i: by_lang[i].get(lang, []) for i in sub_ids},
            taken=set(),
            fixed={},
            language_of={i: lang for i in sub_ids},
            clause_phrases=[c for c, m in zip(clause_phrases, mask) if m],
        )
        for i in sub_ids:
            own_labels[i][lang] = written_form(
                picked[i].label, [t for t, m in zip(units.texts, (labels == i) & (lang_arr == lang)) if m]
            )
    rows_with_units = len(set(units.row.tolist())) or 1
    out: dict[int, Theme] = {}
    for k, i in enumerate(ids):
        member = labels == i
        n_comments = len(set(units.row[member].tolist()))
        at = np.nonzero(member)[0]
        shares = comment_sentiment(units.row[at].tolist(), [units.sentiment[j] for j in at])
        scores = units.sentiment_score[member]
        scores = scores[~np.isnan(scores)]
        c = choice[i]
        dominant = language_of[i]
        label = (
            c.label if fixed_labels.get(i) else written_form(c.label, [units.texts[j] for j in np.nonzero(member)[0]])
        )
        out[i] = Theme(
            id=i,
            label=label,
            size=n_comments,
            share=round(n_comments / rows_with_units, 4),
            clauses=int(member.sum()),
            language=language_of[i],
            terms=terms[i],
            terms_by_language=by_lang[i],
            labels_by_language={**({dominant: label} if dominant else {}), **own_labels[i]},
            phrases=c.phrases,
            label_coverage=round(c.coverage, 4) if c.coverage == c.coverage else math.nan,
            examples=_examples(units, z, labels, centroids[k], i, label=c.label, lang=dominant, mix=shares),
            negative=shares["negative"],
            neutral=shares["neutral"],
            positive=shares["positive"],
            mean_sentiment=round(float(scores.mean()), 4) if len(scores) else math.nan,
            user_label=bool(fixed_labels.get(i)),
        )
    return out


def first_seen(dates: Sequence[Any] | None, labels: np.ndarray, theme: int) -> str | None:
    """The earliest date among a theme's clauses (``labels``: each clause's theme), None without dates.

    Example:
        >>> import numpy as np, pandas as pd
        >>> first_seen(list(pd.to_datetime(["2026-03-02", "2026-01-05", "2025-12-01"])), np.array([4, 4, 1]), 4)
        '2026-01-05'
    """
    import pandas as pd

    ds = [d for d, lab in zip(dates or [], labels.tolist()) if lab == theme and not pd.isna(d)]
    if not ds:
        return None
    first = min(ds)
    return str(first.date() if hasattr(first, "date") else first)


def parent_groups(
    centroids: np.ndarray, ids: Sequence[int], sizes: Sequence[int], *, min_similarity: float | None = None
) -> dict[int, int]:
    """Parent of each theme: themes are grouped by average linkage on centroids and each group's parent
    is its largest theme. Groups are cut where the mean centred cosine between members falls below
    ``min_similarity``; without it, into about sqrt(k) groups."""
    from scipy.cluster.hierarchy import fcluster, linkage

    ids = list(ids)
    if len(ids) < 3:
        return {i: i for i in ids}
    tree = linkage(centroids, method="average", metric="cosine")
    if min_similarity is None:
        groups = fcluster(tree, t=max(2, round(math.sqrt(len(ids)))), criterion="maxclust")
    else:
        groups = fcluster(tree, t=1.0 - min_similarity, criterion="distance")
    parent: dict[int, int] = {}
    for g in set(groups.tolist()):
        members = [(s, i) for i, s, gg in zip(ids, sizes, groups) if gg == g]
        head = max(members, key=lambda t: (t[0], -t[1]))[1]
        for _, i in members:
            parent[i] = head
    return parent


#: a parent whose best shared noun names an earlier parent is named by its two largest children, not by a lesser
#: word; False turns the rule off (benchmarks/probes/parent_labels.py)
ONE_NOUN_ONE_PARENT = True
#: in a language without a tagger (outside :data:`~vocnlp.words.TAGGED_LANGUAGES`) a shared word names a parent only
#: when a child's label holds it; False turns the rule off (benchmarks/probes/parent_labels.py)
UNTAGGED_IN_LABEL = True


def parent_labels(themes: Mapping[int, Theme], parents: Mapping[int, int], taken: set[str]) -> dict[int, str]:
    """A label per parent with two or more children: the noun most of its children share in their phrases
    and keywords, first one that is in a child's label, and that no theme or other parent is called; else its
    two largest children's labels ("works perfectly / good value"), so a parent never reads as a theme;
    unique among parents. A shared adjective does not name a group: on the NPS verbatims "quick" stood over
    "easy" and "fast service", "poor" over "customer service" and "service has been poor"; nor a lesser word
    where the best one names an earlier parent."""
    from ..words import TAGGED_LANGUAGES, content_words, names_something

    taken_low = {t.lower() for t in taken}
    groups: dict[int, list[int]] = {}
    for i, p in parents.items():
        groups.setdefault(p, []).append(i)
    out: dict[int, str] = {}
    used: set[str] = set()
    for p, kids in sorted(groups.items()):
        if len(kids) < 2:
            continue
        votes: Counter[str] = Counter()
        in_label: Counter[str] = Counter()
        context: dict[str, list[str]] = {}
        for k in kids:
            lang = themes[k].language
            said = [themes[k].label, *themes[k].phrases, *themes[k].terms[:5]]
            # 味道, 연기: two characters say a lot. In the order said (not a set's): votes tied
            # between words are then ranked the same in every process (str hashes are salted per process)
            words = dict.fromkeys(
                w for ph in said for w in content_words(ph, lang) if len(w) >= (2 if _DENSE.search(w) else 3)
            )
            votes.update(list(words))
            in_label.update(set(content_words(themes[k].label, lang)) & words.keys())
            for ph in said[: 1 + len(themes[k].phrases)]:  # labels and phrases, as the tagger's context
                for w in content_words(ph, lang):
                    context.setdefault(w, []).append(ph)
        # a shared word that is a theme's label (a child's, or another theme's) or another parent's would read
        # as that theme: "好吃 (2)" above 牛肉 and 烤肉 while 好吃 is a theme elsewhere
        own = {themes[k].label.lower() for k in kids}
        common = [
            w
            for w, c in votes.most_common()
            if c >= max(2, (len(kids) + 1) // 2) and w not in own and w not in taken_low
        ]
        lang = themes[max(kids, key=lambda k: (themes[k].size, -k))].language
        if common:
            nouns = names_something({w: context.get(w, [w]) for w in common}, lang, nouns_only=True)
            common = sorted((w for w in common if w in nouns), key=lambda w: -in_label[w])  # stable: votes next
            if UNTAGGED_IN_LABEL and lang not in TAGGED_LANGUAGES:
                # no tagger to tell a noun: a word that a child's label holds was chosen as naming something;
                # one only their phrases share may be a verb or an adverb (IndoNLU "dibanding", compared, over
                # "brio" and "fortuner"; "pakai", use, over "xenia" and "xpander"; "pas", just when)
                common = [w for w in common if in_label[w]]
        if common and common[0] in used:
            # the noun that names this group names an earlier parent: a lesser shared word would read as a third
            # thing (NPS: "customer" over "poor service", "customer service", "service is appalling", as "service"
            # stood over "good service"), so the two largest children name it
            common = [] if ONE_NOUN_ONE_PARENT else [w for w in common if w not in used]
        biggest = sorted(kids, key=lambda k: (-themes[k].size, k))[:2]
        # a mixed child is itself named "A / B": its first part stands for it, so a parent reads "A / C"
        # a shared word as the children's labels write it ("TV" over "TV box" and "TV signal")
        written = {w.lower(): w for k in kids for w in themes[k].label.split(" ")}
        label = (
            written.get(common[0], common[0])
            if common
            else " / ".join(dict.fromkeys(themes[k].label.split(" / ")[0] for k in biggest))
        )
        base, k = label, 2
        while label in used or (label.lower() in taken_low and label not in {themes[c].label for c in kids}):
            label = f"{base} ({k})"
            k += 1
        out[p] = label
        used.add(label)
    return out
