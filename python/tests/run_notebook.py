"""Executes a notebook with nbclient and checks it: no cell fails, and the cell tagged
``ranking-chart`` shows an image (image/png). Used by scripts/test_python.sh:

    python python/tests/run_notebook.py examples/notebooks/monthly_review.ipynb [OUT.ipynb]
"""

from __future__ import annotations

import pathlib
import sys

import nbformat
from nbclient import NotebookClient


def main(argv: list) -> int:
    path = pathlib.Path(argv[1])
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError (naming the cell) when a cell fails
    if len(argv) > 2:
        nbformat.write(nb, argv[2])
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    errors = [o for c in code_cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    if errors:
        print(f"{path}: {len(errors)} cell(s) raised", file=sys.stderr)
        return 1
    charts = [c for c in code_cells if "ranking-chart" in c.metadata.get("tags", [])]
    if len(charts) != 1:
        print(f"{path}: expected one cell tagged ranking-chart, found {len(charts)}", file=sys.stderr)
        return 1
    images = [o for o in charts[0].get("outputs", []) if "image/png" in o.get("data", {})]
    if not images:
        kinds = [o.get("output_type") for o in charts[0].get("outputs", [])]
        print(f"{path}: the ranking-chart cell produced no image/png output (outputs: {kinds})", file=sys.stderr)
        return 1
    png = images[0]["data"]["image/png"]
    print(f"{path}: {len(code_cells)} code cells ran; the ranking chart is a {len(png) * 3 // 4 // 1024} KiB PNG")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
