"""Plots evaluation time against records at 1x, 10x and 100x (county, city, province), log-log,
from the province bench's own output, and writes the figures it plotted next to the image.

    cargo build --release -p kaoping-benches
    python benches/plot_scaling.py --runs 3 --out docs/bench-scaling.png   # needs matplotlib

The generated data must exist (python3 benches/generate.py --scale ... --out target/bench-data/...).
"""

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCALES = ["county", "city", "province"]


def run(scale, runs):
    out = subprocess.run(
        [str(ROOT / "target/release/province"), str(ROOT / "target/bench-data" / scale), str(runs)],
        capture_output=True, text=True, check=True,
    ).stdout
    fig = {"scale": scale, "records": int(re.search(r"(\d+) records", out).group(1))}
    for key, pat in [
        ("parse_validate_s", r"parse \+ validate\s+([\d.]+) s"),
        ("full_s", r"evaluate \(full\s*\), 1 core\s+([\d.]+) s"),
        ("scores_s", r"evaluate \(scores\), 1 core\s+([\d.]+) s"),
        ("full_rayon_s", r"evaluate \(full\s*\), rayon\s+([\d.]+) s"),
        ("peak_mib", r"peak memory\s+([\d.]+) MiB"),
    ]:
        fig[key] = float(re.search(pat, out).group(1))
    print(out, end="", flush=True)
    return fig


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "docs/bench-scaling.png"))
    args = ap.parse_args(argv)
    figs = [run(s, args.runs) for s in SCALES]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    x = [f["records"] for f in figs]
    fig, ax = plt.subplots(figsize=(6, 4.2), dpi=120)
    for key, label in [("full_s", "evaluate, full text (1 core)"), ("scores_s", "evaluate, scores only (1 core)"),
                       ("parse_validate_s", "parse + validate")]:
        ax.loglog(x, [f[key] for f in figs], marker="o", label=label)
    # a line of slope 1 through the county point: linear growth
    ax.loglog(x, [figs[0]["full_s"] * r / x[0] for r in x], linestyle=":", color="grey", label="linear (slope 1)")
    for f in figs:
        ax.annotate(f["scale"], (f["records"], f["full_s"]), textcoords="offset points", xytext=(4, 6), fontsize=8)
    ax.set_xlabel("records in the year")
    ax.set_ylabel("seconds (median)")
    ax.set_title("kaoping: time against records, 1 / 10 / 100 halls")
    ax.grid(True, which="both", linewidth=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(args.out)
    Path(args.out).with_suffix(".json").write_text(json.dumps(figs, indent=2) + "\n")
    print("wrote", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
