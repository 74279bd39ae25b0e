"""Content words: stop words per language (with accent-free spellings), CJK segmentation, masking."""

from __future__ import annotations

import pytest

from vocnlp.words import content_words, fold, segment


def test_stop_words_and_their_accent_free_spellings_are_dropped() -> None:
    assert content_words("Ürün çok güzel ama kargo için çok bekledim", "tr") == ["ürün", "güzel", "kargo", "bekledim"]
    assert "cok" not in content_words("urun cok guzel ama kargo icin cok bekledim", "tr")
    assert fold("não") == "nao" and fold("için") == "icin"


def test_masked_tokens_are_not_content() -> None:
    assert content_words("Engineer: 0800 123 456, https://x.example/a @acme_help #fail", "en") == ["engineer"]


def test_chinese_and_japanese_are_segmented_into_words() -> None:
    pytest.importorskip("rjieba")
    pytest.importorskip("fugashi")
    assert content_words("服务员很热情，但是菜上得太慢了。", "zh") == ["服务员", "热情", "菜", "太慢"]
    assert content_words("お風呂が広くて清潔でした", "ja") == ["風呂", "広く", "清潔"]
    words = segment("スタッフの対応", "ja")
    assert words is not None and [w.text for w in words if w.content] == ["スタッフ", "対応"]


def test_cjk_label_candidates_are_whole_words() -> None:
    pytest.importorskip("rjieba")
    pytest.importorskip("fugashi")
    from vocnlp.themes.labels import candidates

    zh = candidates("服务员很热情，但是菜上得太慢了。", "zh")
    assert "服务员" in zh and "务员" not in zh and "太慢" in zh
    ja = candidates("朝食が美味しかったです。スタッフの対応も良かった", "ja")
    assert "スタッフの対応" in ja and not any(c.endswith("美味しかっ") for c in ja)
