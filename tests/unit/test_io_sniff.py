"""CSV reading: encodings (BOMs, UTF-8, cp1252, Shift-JIS, UTF-16) and delimiters are sniffed, chunks too."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from vocnlp.io import read_batches, read_table, sniff_csv

ROWS = [("1", "Très cher, mais livraison rapide"), ("2", "Zu teuer; Lieferung schnell"), ("3", "配達が遅い"),
        ("4", 'Said "ok" | fine'), ("5", "línea\ncon salto")]


def _write(path: Path, delimiter: str, encoding: str, rows: list[tuple[str, str]] = ROWS) -> Path:
    pd.DataFrame(rows, columns=["id", "comment"]).to_csv(path, sep=delimiter, index=False, encoding=encoding)
    return path


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_delimiters_and_unicode_encodings_round_trip(tmp_path: Path, delimiter: str, encoding: str) -> None:
    path = _write(tmp_path / "x.csv", delimiter, encoding)
    dialect = sniff_csv(path)
    assert dialect.delimiter == delimiter
    df = read_table(path)
    assert list(df.columns) == ["id", "comment"]
    assert df["comment"].tolist() == [c for _, c in ROWS]
    chunks = list(read_batches(path, rows=2))
    assert [len(c) for c in chunks] == [2, 2, 1]
    assert pd.concat(chunks)["comment"].tolist() == [c for _, c in ROWS]


@pytest.mark.parametrize("encoding", ["cp1252", "shift_jis", "gb18030"])
def test_legacy_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    rows = ([(str(i), f"Très cher, à revoir {i} — déçu") for i in range(40)] if encoding == "cp1252"
            else [(str(i), f"配達が遅いです。サポートの対応は丁寧でした {i}") for i in range(40)] if encoding == "shift_jis"
            else [(str(i), f"送货太慢了，客服态度很好 {i}") for i in range(40)])
    path = _write(tmp_path / "x.csv", ";", encoding, rows)
    assert read_table(path)["comment"].tolist() == [c for _, c in rows]


def test_one_column_file_and_wrong_column_message(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("comment\ngood\nbad\n", encoding="utf-8")
    assert read_table(path)["comment"].tolist() == ["good", "bad"]
    semi = _write(tmp_path / "semi.csv", ";", "utf-8")
    with pytest.raises(Exception, match="nope"):
        read_table(semi, columns=["nope"])


def test_utf8_sniff_sample_cut_inside_a_character(tmp_path: Path) -> None:
    # a 290 kB Chinese export whose 256 KiB sample ended one byte into a 3-byte character was read as
    # latin-1 (mojibake in every theme label): the cut must not be mistaken for invalid UTF-8
    from vocnlp.io import _SNIFF_BYTES, read_table, sniff_csv

    for shift in range(3):
        path = tmp_path / f"zh{shift}.csv"
        body = "text,rating\n" + "x" * shift + "".join(f"位于河西路的酒店服务很好{i},5\n" for i in range(9000))
        data = body.encode("utf-8")
        assert len(data) > _SNIFF_BYTES
        path.write_bytes(data)
        assert sniff_csv(path).encoding == "utf-8", shift
    assert read_table(path)["text"].iloc[0].endswith("位于河西路的酒店服务很好0")
