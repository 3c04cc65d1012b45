#!/usr/bin/env bash
# The Python package: build the wheel on this machine (pip install ./python, through maturin),
# run its tests (python/tests) and execute the notebook examples/notebooks/monthly_review.ipynb.
# Run from anywhere: bash scripts/test_python.sh
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo "+ $*"; "$@"; }

venv=target/venv-python
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1

# The expected outputs come from the kaoping command, built from the same core.
run cargo build --locked -p kaoping-cli
export KAOPING_BIN="$PWD/target/debug/kaoping"

# A fresh venv. Debian's own python3 needs python3-venv for ensurepip; without it (and without a
# way to install it), make the venv without pip and let the host's pip install into it.
run rm -rf "$venv"
pip=("$venv/bin/python" -m pip)
if ! run python3 -m venv "$venv"; then
  rm -rf "$venv"
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    pyver=$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    run apt-get update -qq
    run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "python$pyver-venv" ||
      run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv || true
  fi
  if ! run python3 -m venv "$venv"; then
    rm -rf "$venv"
    run python3 -m venv --without-pip "$venv"
    pip=(python3 -m pip --python "$venv/bin/python")
  fi
fi
py="$venv/bin/python"

# Versions from shared/toolchain.md (pandas 2.3 and unpinned plotting/kernel on Python < 3.11).
if "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  deps=("pytest>=8" "pandas==3.1.*" "jsonschema==4.26.*" "nbclient==0.11.*" "nbformat==5.11.*" "ipykernel==7.4.*" "matplotlib==3.11.*")
else
  deps=("pytest>=8" "pandas==2.3.*" "jsonschema==4.26.*" "nbclient>=0.10" "nbformat>=5.10" "ipykernel>=6.29" "matplotlib>=3.8")
fi
run "${pip[@]}" install --quiet "${deps[@]}" "mypy==2.4.*"
# The wheel, built here by maturin (pyproject's build-system) from python/ and the workspace.
run "${pip[@]}" install --quiet ./python
run "$py" -c 'import kaoping, kaoping._kaoping as n; print("kaoping", kaoping.__version__, "from", n.__file__)'

# Types: the package passes mypy --strict, and the native module's stubs match it (stubtest).
export MYPY_CACHE_DIR="$PWD/target/mypy-cache"
run "$py" -m mypy --strict --ignore-missing-imports -p kaoping
run "$py" -m mypy.stubtest kaoping._kaoping

# pytest, from the repository root. Exit code 5 means no test ran: a failure here, never a pass.
pytest_run() { # PYTHON REPORT
  local rc=0
  echo "+ $1 -m pytest python/tests -p no:cacheprovider --junitxml=$2"
  "$1" -m pytest python/tests -p no:cacheprovider --junitxml="$2" || rc=$?
  if [ "$rc" -eq 5 ]; then
    echo "pytest collected no tests in python/tests" >&2
    exit 1
  elif [ "$rc" -ne 0 ]; then
    exit "$rc"
  fi
  run "$1" - "$2" <<'EOF_PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else list(root)
ran = sum(int(s.get("tests", 0)) - int(s.get("skipped", 0)) for s in suites)
if ran < 40:
    sys.exit(f"only {ran} Python tests ran (expected at least 40)")
print(f"python {sys.version.split()[0]}: {ran} tests ran")
EOF_PY
}
pytest_run "$py" target/python-tests.xml

# The abi3 floor: the same wheel (cp39-abi3) on CPython 3.9, when this machine has one.
py39=""
for c in python3.9 "$(pyenv root 2>/dev/null || echo /nonexistent)"/versions/3.9*/bin/python3.9; do
  if "$c" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 9))' 2>/dev/null; then py39=$c; break; fi
done
if [ -n "$py39" ]; then
  run rm -rf target/wheels "$venv-3.9"
  run "${pip[@]}" wheel --quiet --no-deps --wheel-dir target/wheels ./python
  wheel=$(ls target/wheels/kaoping-*-cp39-abi3-*.whl)
  run "$py39" -m venv "$venv-3.9"
  run "$venv-3.9/bin/python" -m pip install --quiet "pytest>=8" "pandas==2.3.*" "jsonschema>=4.23" "matplotlib>=3.8" "$wheel"
  pytest_run "$venv-3.9/bin/python" target/python-tests-3.9.xml
else
  echo "python 3.9: not on this machine; the cp39-abi3 wheel was tested on $("$py" -V) only"
fi

# The notebook runs start to end and its ranking cell draws a chart.
run "$py" python/tests/run_notebook.py examples/notebooks/monthly_review.ipynb target/monthly_review.executed.ipynb
echo "python: wheel, tests and notebook passed"
