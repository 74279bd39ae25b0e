from __future__ import annotations

import pytest

from vocnlp.encoders._darts import build_charsmap
from vocnlp.langid import dominant_script, script_of


def test_charsmap_drives_the_tokenizers_normaliser() -> None:
    normalizers = pytest.importorskip("tokenizers.normalizers")
    mapping = {0x09: " ", 0xFF21: "A", 0x01: "", 0x2460: "1", 0x00C5: "A\u030a", 0x3000: " "}
    norm = normalizers.Precompiled(build_charsmap(mapping))
    assert norm.normalize_str("a\tb\x01c\uff21\u2460") == "a bcA1"
    assert norm.normalize_str("plain text") == "plain text"
    assert norm.normalize_str("x\u3000y") == "x y"


def test_charsmap_handles_thousands_of_keys() -> None:
    normalizers = pytest.importorskip("tokenizers.normalizers")
    mapping = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    mapping.update({cp: "" for cp in range(0xE000, 0xE000 + 3000)})
    norm = normalizers.Precompiled(build_charsmap(mapping))
    assert norm.normalize_str("\uff28\uff49\ue005!") == "Hi!"


def test_scripts() -> None:
    assert script_of("a") == "Latin"
    assert script_of("ж") == "Cyrillic"
    assert script_of("한") == "Hangul"
    assert dominant_script("12 !!") == (None, 0.0, 0)
    assert dominant_script("東京に行く")[0] == "Hiragana"  # kana makes kanji Japanese
    assert dominant_script("很好")[0] == "Han"


def test_latin_fast_path_counts_as_the_letter_loop() -> None:
    # Latin-only texts are counted without reading each letter's script: the same result as the loop,
    # including punctuation from other blocks (curly quotes, dashes, emoji) that is not a letter
    import random

    def by_letter(text: str) -> tuple[str | None, float, int]:
        counts: dict[str, int] = {}
        for ch in text:
            if ch.isalpha():
                counts[script_of(ch)] = counts.get(script_of(ch), 0) + 1
        n = sum(counts.values())
        if not n:
            return None, 0.0, 0
        if (counts.get("Hiragana", 0) or counts.get("Katakana", 0)) and counts.get("Han", 0):
            counts["Hiragana"] = counts.pop("Hiragana", 0) + counts.pop("Katakana", 0) + counts.pop("Han", 0)
        best = max(counts, key=lambda k: counts[k])
        return best, counts[best] / n, n

    rng = random.Random(0)
    texts = ["It’s fine – really 👍", "Ｔｅｓｔ ½ ² x", "Ação rápida, ẞtraße", "mixed ж text", "", "_", "ß2"]
    texts += ["".join(chr(rng.randrange(0, 0x3100)) for _ in range(rng.randrange(0, 10))) for _ in range(3000)]
    for t in texts:
        assert dominant_script(t) == by_letter(t), t
