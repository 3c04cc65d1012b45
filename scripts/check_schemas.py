"""Validate the shipped documents against the published JSON Schemas (third-party jsonschema),
so the schemas and the Rust validator agree on what is valid."""
import json, pathlib, subprocess, sys
from jsonschema import Draft202012Validator

root = pathlib.Path(__file__).resolve().parent.parent
def schema(name):
    return json.loads((root / "schemas" / f"{name}.schema.json").read_text())

def check(name, paths):
    v = Draft202012Validator(schema(name))
    n = 0
    for p in paths:
        errs = sorted(v.iter_errors(json.loads(pathlib.Path(p).read_text())), key=lambda e: list(e.path))
        if errs:
            for e in errs[:10]:
                print(f"{p}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
            sys.exit(f"{p} does not validate against {name}.schema.json")
        n += 1
    print(f"{name}.schema.json: {n} document(s) valid")

check("policy", sorted(root.glob("core/policies/*.json")) + sorted(root.glob("examples/policies/*.json")))
check("dataset", sorted(root.glob("examples/data/*.json")))
kaoping = sys.argv[1] if len(sys.argv) > 1 else str(root / "target/debug/kaoping")
samples = sorted(root.glob("examples/data/*.json"))
if samples:
    out = subprocess.run([kaoping, "score", str(samples[0]), "--month", "2026-10", "--format", "json"], check=True, capture_output=True, text=True).stdout
    tmp = root / "target" / "sample-result.json"
    tmp.write_text(out)
    check("result", [tmp])
