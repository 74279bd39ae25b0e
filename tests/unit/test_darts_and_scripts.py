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
