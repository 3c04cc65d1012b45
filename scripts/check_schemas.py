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

# The Java and .NET result classes mirror the result schemas by hand: every property a result
# schema names must be read by each of them (its name as a string literal in the library's
# sources). A field added to the Rust results, and so to the schemas, fails here until both
# bindings read it.
def properties(node, out):
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            out.update(node["properties"])
        for v in node.values():
            properties(v, out)
    elif isinstance(node, list):
        for v in node:
            properties(v, out)
    return out

bindings = {
    "Java": "".join(p.read_text() for p in sorted((root / "java/src/main/java").rglob("*.java"))),
    ".NET": "".join(p.read_text() for p in sorted((root / "dotnet/Kaoping").glob("*.cs"))),
}
unread = []
for name in ("result", "period_result", "year_result", "errors"):
    names = sorted(properties(schema(name), set()))
    for binding, text in bindings.items():
        unread += [f"{binding} does not read {name}.schema.json's {p!r}" for p in names if f'"{p}"' not in text]
    print(f"{name}.schema.json: its {len(names)} property names are read by {' and '.join(bindings)}")
if unread:
    sys.exit("\n".join(unread))
