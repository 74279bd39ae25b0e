"""Request and response shapes of the HTTP API (pydantic, with examples for /openapi.json).

Example:
    >>> AnalyzeRequest(comments=[{"id": "1", "text": "Great!", "nps": 10}]).comments[0].model_extra
    {'nps': 10}
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    StringConstraints,
    create_model,
    model_validator,
)

MAX_DEPTH = 32  # nesting of a passed-through field; deeper is answered 422 (900 levels raised RecursionError, 500)

__all__ = [
    "AnalyzeResult",
    "OpenAIEmbeddingsRequest",
    "OpenAIEmbeddingsResponse",
    "MAX_DEPTH",
    "Comment",
    "AnalyzeRequest",
    "AnalyzeResponse",
    "EmbedRequest",
    "EmbedResponse",
    "request_models",
]


class Comment(BaseModel):
    """One comment; fields besides ``id`` and ``text`` are passed through to its result."""

    model_config = ConfigDict(
        extra="allow", json_schema_extra={"example": {"id": "r-1", "text": "Lovely staff, slow app", "nps": 6}}
    )
    # strict: pydantic would otherwise turn `"id": false` into 0 (found by schemathesis)
    id: StrictStr | StrictInt | None = Field(None, description="your id, returned with the result")
    text: Any = Field(..., description="the comment; non-strings and empty texts are flagged, not rejected")

    @model_validator(mode="after")
    def _shallow(self) -> Comment:
        for name, value in {"text": self.text, **(self.model_extra or {})}.items():
            if _depth(value) > MAX_DEPTH:
                raise ValueError(f"field {name!r} is nested more than {MAX_DEPTH} levels deep: flatten it")
        return self


def _depth(value: Any) -> int:
    """Nesting depth of lists and dicts, counted without recursion (stops once past MAX_DEPTH)."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        v, d = stack.pop()
        deepest = max(deepest, d)
        if deepest > MAX_DEPTH:
            return deepest
        if isinstance(v, dict):
            stack.extend((x, d + 1) for x in v.values())
        elif isinstance(v, list):
            stack.extend((x, d + 1) for x in v)
    return deepest


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AnalyzeRequest(BaseModel):
    comments: list[Comment] = Field(..., description="comments to analyse, results come back in this order")
    options: Options = Field(default_factory=Options)
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "comments": [
                    {"id": "1", "text": "The staff were lovely but the app keeps crashing."},
                    {"id": "2", "text": "Je vais résilier mon abonnement."},
                ]
            }
        }
    )


class AnalyzeResult(BaseModel):
    """One comment's result. Fields you sent besides ``text`` come back too, and a custom head adds its own
    columns (``<name>``, ``<name>_score``): both are allowed beyond the fields listed here."""

    model_config = ConfigDict(extra="allow")
    id: StrictStr | StrictInt | None = Field(None, description="your id, as sent")
    language: str | None = Field(None, description="ISO 639-1 code; und when undecided")
    language_score: float | None = Field(None, description="confidence of the language, 0..1")
    sentiment: str | None = Field(None, description="negative / neutral / positive")
    sentiment_score: float | None = Field(None, description="P(positive) - P(negative), -1..1")
    sentiment_mixed: bool | None = Field(None, description="clear positive and negative clauses both occur")
    intent: str | None = Field(None, description="the most probable intent")
    intent_score: float | None = Field(None, description="its calibrated probability")
    intents: list[str] | None = Field(None, description="every intent at or above its threshold")
    theme_id: int | None = Field(None, description="main theme (with a theme model loaded)")
    theme: str | None = Field(None, description="its label")
    themes: list[str] | None = Field(None, description="labels of every theme of the comment")
    theme_parent_id: int | None = Field(None, description="the main theme's parent")
    theme_parent: str | None = Field(None, description="the parent's label")
    theme_parents: list[str] | None = Field(None, description="labels of every parent theme of the comment")
    status: str = Field(..., description="ok / warning / error")
    error: str | None = Field(None, description="coded messages (V101 empty_text: ...), '; '-separated")


class AnalyzeResponse(BaseModel):
    results: list[AnalyzeResult] = Field(..., description="one per comment, in input order")
    models: dict[str, Any]


#: a text the embeddings endpoint accepts: at least one non-space character
Text = Annotated[StrictStr, StringConstraints(min_length=1, pattern=r"\S")]


class OpenAIEmbeddingsRequest(BaseModel):
    """OpenAI's ``POST /v1/embeddings`` request, so existing clients work unchanged."""

    input: Text | list[Text] = Field(..., description="a text or a list of texts (each with some non-space character)")
    model: str | None = Field(None, description="ignored: the service embeds with its own encoder")
    encoding_format: Literal["float"] | None = Field(None, description="only 'float' is supported")
    model_config = ConfigDict(
        extra="ignore", json_schema_extra={"example": {"input": ["Great support!"], "model": "multilingual-e5-small"}}
    )


class OpenAIEmbedding(BaseModel):
    object: str = "embedding"
    index: int
    embedding: list[float]


class OpenAIUsage(BaseModel):
    prompt_tokens: int
    total_tokens: int


class OpenAIEmbeddingsResponse(BaseModel):
    object: str = "list"
    data: list[OpenAIEmbedding]
    model: str
    usage: OpenAIUsage


class EmbedRequest(BaseModel):
    texts: list[StrictStr] = Field(..., description="texts to embed", json_schema_extra={"example": ["Great support!"]})


class EmbedResponse(BaseModel):
    embeddings: list[list[float]]
    model: str
    status: list[str] = Field(default_factory=list, description="ok / warning / error per text")
    error: list[str | None] = Field(default_factory=list, description="coded messages per text (V101 empty_text ...)")


def request_models(max_items: int) -> tuple[type[AnalyzeRequest], type[EmbedRequest]]:
    """The request models with the service's per-request limit in their schema (``maxItems``): more
    comments or texts than that are answered 422 with a message naming the limit."""
    analyze = create_model(
        "AnalyzeRequest",
        __base__=AnalyzeRequest,
        comments=(
            list[Comment],
            Field(
                ...,
                min_length=0,
                max_length=max_items,
                description="comments to analyse, results come back in this order",
            ),
        ),
    )
    embed = create_model(
        "EmbedRequest",
        __base__=EmbedRequest,
        texts=(
            list[StrictStr],
            Field(
                ...,
                max_length=max_items,
                description="texts to embed",
                json_schema_extra={"example": ["Great support!"]},
            ),
        ),
    )
    return analyze, embed


def embeddings_request_model(max_items: int) -> type[OpenAIEmbeddingsRequest]:
    """The OpenAI-compatible request with the per-request limit in its schema."""
    return create_model(
        "OpenAIEmbeddingsRequest",
        __base__=OpenAIEmbeddingsRequest,
        input=(Text | list[Text], Field(..., description="a text or a list of texts", max_length=max_items)),
    )
