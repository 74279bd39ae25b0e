"""Execute the notebooks in ``notebooks/`` and save them with their outputs, so they read on GitHub.

Tables are kept as HTML; plotly figures are kept as PNG images (kaleido with the system Chromium), since
GitHub runs no JavaScript. The PNG renderer is set in a cell added for the run and removed before saving,
so a user who opens a notebook gets plotly's interactive figures. Files written by a notebook (the
report) go to a temporary folder.

Run: make notebooks  (or python tools/run_notebooks.py [NAME.ipynb ...])
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETUP = (
    "import plotly.io as pio\n"
    'pio.renderers.default = "png"\n'
    "pio.renderers['png'].width, pio.renderers['png'].height = 900, 500"
)


def run(path: Path, work: Path) -> None:
    import nbclient
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.cells.insert(0, nbformat.v4.new_code_cell(SETUP))
    nbclient.NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(work)}}).execute()
    del nb.cells[0]
    for k, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        cell.metadata.pop("execution", None)  # timestamps: noise in every diff
        cell.execution_count = k + 1  # numbered from 1, as if run top to bottom without the set-up cell
        for out in cell.get("outputs", []):
            if "execution_count" in out:
                out["execution_count"] = k + 1
    nbformat.write(nb, path)
    print(f"{path.relative_to(ROOT)}: {sum(len(c.get('outputs', [])) for c in nb.cells if c.cell_type == 'code')} outputs")


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser:
        os.environ.setdefault("BROWSER_PATH", browser)  # kaleido draws the PNGs with it
    names = sys.argv[1:] or sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            run(ROOT / "notebooks" / name, Path(tmp))


if __name__ == "__main__":
    main()
