"""The measurement behind the dtype of kaoping's decimal columns (docs/readme-python.md, "Numbers"):
which pandas operations work on a score column held as object Decimal, float64, Float64 (masked)
or ArrowDtype(decimal128). Not a test (pytest does not collect it); run it by hand in a venv with
pandas, matplotlib and pyarrow to measure again after a pandas release:

    python python/tests/measure_dtypes.py
"""
import warnings, sys, io
from decimal import Decimal
import pandas as pd, numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

vals = [Decimal("96.35"), Decimal("101"), Decimal("88.5"), Decimal("99.85"), Decimal("72.1"), Decimal("100")]
kinds = ["window", "window", "staff", "staff", "staff", "window"]

def make(choice):
    if choice == "object Decimal":
        s = pd.Series(vals, dtype=object)
    elif choice == "float64":
        s = pd.Series([float(v) for v in vals], dtype="float64")
    elif choice == "Float64 (masked)":
        s = pd.Series([float(v) for v in vals], dtype="Float64")
    else:
        import pyarrow as pa
        s = pd.Series(vals, dtype=pd.ArrowDtype(pa.decimal128(12, 2)))
    return pd.DataFrame({"subject": [f"X{i}" for i in range(len(vals))], "kind": kinds, "score": s})

def ops():
    def describe(df):
        d = df.describe()
        assert "score" in d.columns, f"describe columns {list(d.columns)}"
        return f"mean={d.loc['mean','score']}"
    def nsmallest(df):
        return list(df.nsmallest(2, "score")["subject"])
    def groupby_mean(df):
        m = df.groupby("kind")["score"].mean()
        assert m.dtype != object, f"dtype {m.dtype}"
        return f"{m.dtype}"
    def groupby_mean_frame(df):
        m = df.groupby("kind").mean(numeric_only=True)
        assert "score" in m.columns, "dropped"
        return "ok"
    def plot_barh(df):
        ax = df.plot.barh(x="subject", y="score"); plt.close("all"); return "ok"
    def plot_default(df):
        ax = df.plot(); plt.close("all"); return "ok"
    def hist(df):
        df["score"].plot.hist(); plt.close("all"); return "ok"
    def sort_values(df):
        return list(df.sort_values("score")["subject"])[:2]
    def rank(df):
        return str(df["score"].rank().dtype)
    def arithmetic(df):
        r = df["score"] - 100
        return f"{r.dtype}: {r.iloc[0]!r}"
    def sum_exact(df):
        s = df["score"].sum()
        return f"{s!r} exact={Decimal(str(s)) == sum(vals)}"
    def mean_exact(df):
        s = df["score"].mean()
        return f"{s!r}"
    def value_equals_decimal(df):
        v = df["score"].iloc[3]
        ok = (v == Decimal("99.85")) if not isinstance(v, float) else False
        return f"{v!r} == Decimal('99.85'): {ok}"
    def round2(df):
        return str(df["score"].round(1).dtype)
    def corr(df):
        df = df.assign(other=range(len(df)))
        return f"{df[['score','other']].corr().iloc[0,1]:.3f}"
    def pivot_table(df):
        p = pd.pivot_table(df, index="kind", values="score", aggfunc="mean")
        assert "score" in p.columns
        return str(p["score"].dtype)
    def to_csv(df):
        return df.to_csv(index=False).splitlines()[4]
    def astype_float(df):
        return str(df["score"].astype(float).dtype)
    def scalar_compare(df):
        return int((df["score"] < 90).sum())
    def numeric_cols(df):
        return list(df.select_dtypes("number").columns)
    return {k: v for k, v in locals().items()}

choices = ["object Decimal", "float64", "Float64 (masked)", "ArrowDtype decimal128(12,2)"]
results = {}
for choice in choices:
    for name, op in ops().items():
        try:
            df = make(choice)
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                r = op(df)
            note = f" [warn: {w[0].category.__name__}: {str(w[0].message)[:60]}]" if w else ""
            results[(name, choice)] = "works: " + str(r) + note
        except Exception as e:
            results[(name, choice)] = f"FAILS: {type(e).__name__}: {str(e)[:90]}"
print("python", sys.version.split()[0], "pandas", pd.__version__, "numpy", np.__version__, end=" ")
try:
    import pyarrow; print("pyarrow", pyarrow.__version__)
except ImportError: print()
for name in ops():
    print(f"\n## {name}")
    for c in choices:
        print(f"  {c:30} {results[(name, c)]}")
