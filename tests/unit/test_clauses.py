"""Clause splitting across scripts; offsets always index the original text."""

from __future__ import annotations

import pytest

from vocnlp.clauses import split_clauses

CASES = [
    ("The staff were lovely but the app keeps crashing.", ["The staff were lovely", "but the app keeps crashing."]),
    ("Das Personal war nett, aber die Wartezeit war lang.", ["Das Personal war nett,", "aber die Wartezeit war lang."]),
    ("Le personnel était adorable mais le wifi ne marchait jamais.", ["Le personnel était adorable", "mais le wifi ne marchait jamais."]),
    ("Obsługa była miła, ale jedzenie przyszło zimne.", ["Obsługa była miła,", "ale jedzenie przyszło zimne."]),
    ("Персонал приятный, но ждали еду больше часа.", ["Персонал приятный,", "но ждали еду больше часа."]),
    ("Personalen var trevlig men vi fick vänta länge.", ["Personalen var trevlig", "men vi fick vänta länge."]),
    ("服务员很热情，但是菜上得太慢了。", ["服务员很热情，", "但是菜上得太慢了。"]),
    ("店員さんは親切でしたが、料理が遅すぎました。", ["店員さんは親切でしたが、", "料理が遅すぎました。"]),
    ("직원은 친절했지만 음식이 늦게 나왔어요.", ["직원은 친절했지만", "음식이 늦게 나왔어요."]),
    ("الموظفون لطفاء لكن الانتظار كان طويلاً.", ["الموظفون لطفاء", "لكن الانتظار كان طويلاً."]),
    ("Great service. Fast delivery! Will order again?", ["Great service.", "Fast delivery!", "Will order again?"]),
    ("Nothing but praise", ["Nothing", "but praise"]),
    ("ok", ["ok"]),
    ("Butter was fine", ["Butter was fine"]),                 # a contrast word inside another word
    ("快递很快。东西很好！", ["快递很快。", "东西很好！"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(text: str, expected: list[str]) -> None:
    got = split_clauses(text)
    assert [c.text for c in got] == expected
    for c in got:
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_blank_gives_no_clause(text: str) -> None:
    assert split_clauses(text) == []


def test_tiny_pieces_are_glued_and_count_capped() -> None:
    got = split_clauses("Good! :) But slow.")
    assert [c.text for c in got] == ["Good! :)", "But slow."]
    many = " ".join(f"Sentence {i} is here." for i in range(50))
    got = split_clauses(many, max_clauses=8)
    assert len(got) == 8 and got[-1].end == len(many)
