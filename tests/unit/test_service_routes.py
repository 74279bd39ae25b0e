"""The routes against a fake pipeline: no model loads, so every limit and flag is checked in milliseconds
(the real-server tests in tests/integration/test_service.py run the real pipeline)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from types import SimpleNamespace
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from vocnlp.service import ServiceSettings, create_app  # noqa: E402


class FakeEncoder:
    dim = 4

    def encode(self, texts: Sequence[str]) -> Any:
        import numpy as np

        return SimpleNamespace(embeddings=np.array([[len(t), 1.0, 0.0, 0.0] for t in texts], dtype=np.float32))

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        return [len(t.split()) for t in texts]          # one token per word

    def describe(self) -> dict[str, str]:
        return {"model": "fake-encoder", "location": "/secret/cache/path"}


class FakePipeline:
    """The ServicePipeline shape: run() tags 'bad' texts as errors, the rest positive."""

    def __init__(self) -> None:
        self.encoder = FakeEncoder()
        self.calls: list[list[Any]] = []

    def run(self, data: Any) -> Any:
        import pandas as pd

        texts = list(data)
        self.calls.append(texts)
        ok = [isinstance(t, str) and "bad" not in t for t in texts]
        return pd.DataFrame({"text": texts, "sentiment": ["positive" if o else None for o in ok],
                             "status": ["ok" if o else "error" for o in ok],
                             "error": [None if o else "V500 stage_failed: fake" for o in ok]})

    def describe(self) -> dict[str, Any]:
        return {"encoder": self.encoder.describe(), "stages": ["fake"]}


@pytest.fixture()
def client() -> Iterator[tuple[TestClient, FakePipeline]]:
    fake = FakePipeline()
    app = create_app(fake, settings=ServiceSettings(api_key="k", max_comments=5, max_chars=50, max_tokens=4))
    with TestClient(app) as c:
        yield c, fake


def test_analyze_keeps_order_ids_and_passed_fields(client: tuple[TestClient, FakePipeline]) -> None:
    c, fake = client
    r = c.post("/v1/analyze", headers={"x-api-key": "k"},
               json={"comments": [{"id": "a", "text": "fine", "nps": 9}, {"id": 2, "text": "bad one"}]})
    assert r.status_code == 200
    res = r.json()["results"]
    assert [x["id"] for x in res] == ["a", 2] and res[0]["nps"] == 9 and res[1]["status"] == "error"
    assert "location" not in str(r.json()["models"])                  # no server paths


def test_token_and_character_bounds_flag_v103(client: tuple[TestClient, FakePipeline]) -> None:
    c, fake = client
    r = c.post("/v1/analyze", headers={"x-api-key": "k"},
               json={"comments": [{"text": "one two three four five six seven"}, {"text": "x" * 60}]})
    first, second = r.json()["results"]
    assert first["status"] == "warning" and first["error"].startswith("V103 too_long_truncated: 7 tokens")
    assert len(fake.calls[-1][0].split()) <= 4 and fake.calls[-1][0].startswith("one two three")   # cut to fit
    assert second["status"] == "warning" and "60 characters" in second["error"]
    e = c.post("/v1/embed", headers={"x-api-key": "k"}, json={"texts": ["a b c d e f", "", "ok"]}).json()
    assert e["status"] == ["warning", "error", "ok"] and e["error"][0].startswith("V103")


def test_limits_and_keys(client: tuple[TestClient, FakePipeline]) -> None:
    c, _ = client
    assert c.post("/v1/analyze", json={"comments": []}).status_code == 401
    assert c.post("/v1/analyze", content=b"{oops", headers={"content-type": "application/json"}).status_code == 401
    assert c.post("/v1/analyze", headers={"x-api-key": "k"}, json={"comments": [{"text": "x"}] * 6}).status_code == 422
    unknown = c.post("/v1/analyze", headers={"x-api-key": "k"}, json={"comments": [], "options": {"fast": True}})
    assert unknown.status_code == 422                                   # options are checked, not ignored
    assert c.get("/healthz").json() == {"status": "up"}
    assert c.get("/v1/themes", headers={"x-api-key": "k"}).status_code == 404
    text = c.get("/metrics").text
    assert 'endpoint="/v1/analyze",status="401"' in text and "vocnlp_batch_comments" in text


def test_create_app_is_a_uvicorn_factory() -> None:
    # `uvicorn --factory vocnlp.service:create_app` calls it with no arguments; nothing loads until start-up
    app = create_app()
    assert {"/v1/analyze", "/v1/embed", "/metrics"} <= set(app.openapi()["paths"])


def test_openai_compatible_embeddings_and_bad_json_is_400(client: tuple[TestClient, FakePipeline]) -> None:
    c, _ = client
    r = c.post("/v1/embeddings", headers={"x-api-key": "k"}, json={"input": ["hi there", "ok"], "model": "any"})
    body = r.json()
    assert r.status_code == 200 and body["object"] == "list" and [d["index"] for d in body["data"]] == [0, 1]
    assert len(body["data"][0]["embedding"]) == 4 and body["usage"]["prompt_tokens"] == 3
    single = c.post("/v1/embeddings", headers={"x-api-key": "k"}, json={"input": "one"}).json()
    assert len(single["data"]) == 1
    assert c.post("/v1/embeddings", headers={"x-api-key": "k"}, json={"input": [" "]}).status_code == 422
    assert c.post("/v1/embeddings", headers={"x-api-key": "k"}, json={"input": ["x"] * 6}).status_code == 422
    bad = c.post("/v1/analyze", headers={"x-api-key": "k", "content-type": "application/json"}, content=b"{oops")
    assert bad.status_code == 400                                   # documented 400, was 422
    shape = c.post("/v1/analyze", headers={"x-api-key": "k"}, json={"comment": []})
    assert shape.status_code == 422


def test_result_fields_are_documented_in_the_schema(client: tuple[TestClient, FakePipeline]) -> None:
    c, _ = client
    schema = c.get("/openapi.json").json()["components"]["schemas"]
    fields = schema["AnalyzeResult"]["properties"]
    assert {"language", "sentiment", "sentiment_score", "intents", "theme", "status", "error"} <= set(fields)
    assert "/v1/embeddings" in c.get("/openapi.json").json()["paths"]
