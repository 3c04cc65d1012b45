#!/usr/bin/env python3
"""Monthly staff scores with pandas: the baseline kaoping is compared against.

What a capable data engineer would write instead of kaoping for the subset "monthly staff scores" of
the county measure (spec/rules.md, built-in policy core/policies/county.json):

* categories S1-S5 with their maxima (C2: a category never goes below 0);
* S1.1 (-1; -2 above 30 minutes or when ``aggravated``), S3.2 / S3.4 (-5 when ``aggravated``),
  S5.3 by level (county 3, city 5, province 10, national 10), the stated points of S2.3 / S5.1;
* S5.2: S5 scores 0 in a month with 2 or more counted S5.1, or with at least one when the year's count
  through the month reaches 3;
* SB.1 (+0.5 each, at most +2 a year, taken occurrence by occurrence in date then record-id order:
  E6, E7), SB.2 (+1 / +2 / +3 by level; achievement keys per E4: the highest of a key in a month, in a
  later month only the top-up over what was counted before), SB.4 (+2 each), and the 10-point monthly
  bonus cap (C3);
* only confirmed records count (C10); ``count`` > 1 is that many occurrences (C8); a staff member is
  scored in every month in which an assignment covers at least one day.

Not in the subset: **SB.3** (+0.3 when the window's cases per staff member reach 100).  kaoping adds
it; the equality test compares S1-S5, the base, and kaoping's bonus *without its SB.3 lines* (and the
total likewise).  That is exact as long as C3 does not cut a month in which SB.3 applies (kaoping
takes SB.3 first under the cap); the test checks that no compared month comes near the cap with SB.3.

How it is made fast (and exact)
-------------------------------
Two phases, timed apart: *ingest* (``load_frames``: parsed JSON documents -> typed columns, what a
data team would keep in its warehouse) and *score* (``score``: frames -> the result).  ``score`` is
the counterpart of kaoping's evaluation after parsing; ``json.load`` + ingest that of its parse.

* All arithmetic is in int64 hundredths of a point (points x 100); stated points are parsed from
  their decimal text, never through a float (more than 2 decimal places is refused).  Only the few
  distinct texts are parsed ("2", "2.5", ...), then taken back by code.
* One pass over all halls at once: the records of every document are concatenated and a staff member
  is a (hall, staff id) pair mapped to a dense integer code.  Scoring hall by hall (``--per-hall``)
  pays pandas' fixed cost per call (about 20 ms) a hundred times: 8x slower at province scale.
* Strings are factorised once, as Python objects, into categoricals (rule, level, key, status) or
  integer codes (staff, date: at most 366 distinct dates are parsed); pandas 3's default string dtype
  (Python-backed without pyarrow) is kept out of the way, as converting a million ids to it cost more
  than the whole scoring.  Rules are mapped once per *category* of the rule column, then by code.
* Points per record come from lookup arrays indexed by the rule code, with ``np.where`` for the
  variants (S1.1 minutes, aggravated S3.2/S3.4, S5.3/SB.2 levels).
* The year is a dense grid staff x 12 months: sums per staff-month(-category) are scattered with
  ``np.add.at`` on int64 (17x faster than ``groupby().sum()`` on the same composite key, same exact
  integers); the yearly rules are ``cumsum`` along the month axis (S5.2 year count; SB.1's yearly cap:
  counted through month m = min(0.5 x occurrences through m, 2), the month's share is the
  difference); SB.2 keys are a ``groupby().max()`` per (staff, key, month) followed by a grouped
  ``cummax`` / ``shift`` for the top-up.
* No Python loop over records, staff or keys in scoring.  The only loop is over the 12 months, in
  ``_sb2_exact``, and it runs only when it is needed: E4 counts "what was counted", after C3, so a
  keyed SB.2 line cut by the 10-point cap lowers the base of later top-ups.  The fast path assumes no
  such cut; it checks the assumption (any staff-month over the cap holding a keyed SB.2 top-up whose
  key comes again later) and otherwise recomputes SB.2 month by month, vectorised across staff within
  each month.  On realistic data (the generated benchmark data, the sample) it never runs.
  (Ingest flattens the nested staff assignments with one comprehension, which is what
  ``json_normalize`` does, without its deep copy of every staff member.)
* Input is assumed valid (``kaoping validate``): rule codes, ranges, levels, dates within the year.

Usage
-----
    python benches/baseline/staff_scores.py target/bench-data/province        # all hall-*.json there
    python benches/baseline/staff_scores.py FILE.json ... --repeat 3 --per-hall

prints the phases' times (json.load once; ingest and score as the median of ``--repeat`` runs),
records per second and peak memory (RSS of the whole process, parsed JSON included).
"""

import argparse
import glob
import json
import os
import resource
import statistics
import sys
import time
from typing import NamedTuple

import numpy as np
import pandas as pd

# ----------------------------------------------------------------------------- the subset's rules
CATS = ["S1", "S2", "S3", "S4", "S5"]
CAT_MAX = np.array([2000, 2000, 3000, 1000, 2000], dtype=np.int64)  # hundredths
BONUS_CAP = 1000  # C3
SB1_EACH, SB1_YEAR_CAP = 50, 200
# rule code -> (category index or -1 for a bonus, fixed points per occurrence in hundredths, aggravated points)
RULES = {
    "S1.1": (0, 100, 200), "S1.2": (0, 300, 0), "S1.3": (0, 300, 0), "S1.4": (0, 300, 0),
    "S2.1": (1, 200, 0), "S2.2": (1, 200, 0), "S2.3": (1, 0, 0), "S2.4": (1, 300, 0), "S2.5": (1, 1000, 0),
    "S3.1": (2, 100, 0), "S3.2": (2, 200, 500), "S3.3": (2, 200, 0), "S3.4": (2, 300, 500), "S3.5": (2, 300, 0),
    "S4.1": (3, 100, 0), "S4.2": (3, 100, 0), "S4.3": (3, 100, 0),
    "S5.1": (4, 0, 0), "S5.3": (4, 0, 0),
    "SB.1": (-1, SB1_EACH, 0), "SB.2": (-1, 0, 0), "SB.4": (-1, 200, 0),
}
CODES = list(RULES)
R = {c: i for i, c in enumerate(CODES)}
RULE_CAT = np.array([RULES[c][0] for c in CODES], dtype=np.int8)
RULE_PTS = np.array([RULES[c][1] for c in CODES], dtype=np.int64)
RULE_AGG = np.array([RULES[c][2] for c in CODES], dtype=np.int64)
DISCRETIONARY = [R["S2.3"], R["S5.1"]]  # points stated on the record
S11_ABOVE, S11_TIER = 30, 200  # S1.1: more than 30 minutes (C6)
LEVELS = ["county", "city", "province", "national"]
LEVEL_PTS = {  # rule -> points by level index
    R["S5.3"]: np.array([300, 500, 1000, 1000], dtype=np.int64),
    R["SB.2"]: np.array([0, 100, 200, 300], dtype=np.int64),  # county is invalid for SB.2 (E3)
}
REC_COLS = ["id", "rule", "subject", "date", "count", "minutes", "points", "level", "key", "aggravated", "status"]


# ----------------------------------------------------------------------------- frames (ingest)
class Frames(NamedTuple):
    """The input as typed columns: what a data team would keep in its warehouse (one row per record)."""

    halls: pd.Categorical  # hall id of each hall, by hall index
    staff: pd.DataFrame  # one row per (hall, staff member): hall (index), id; its row number is the staff code
    evaluated: np.ndarray  # bool (staff, 12): an assignment covers a day of the month
    records: pd.DataFrame  # hall, staff (code, -1 for a window), rule, date, count, minutes (-1: none),
    #                        aggravated, points (text as given), level, key, status, id


def load_frames(datasets):
    """Typed frames of one or more parsed dataset documents (the "ingest" phase)."""
    datasets = list(datasets)
    # staff: one row per (hall, staff id); staff ids repeat across halls (S001 ...).  The nested
    # assignment lists are flattened by a comprehension: json_normalize does the same with a deep copy
    # of every staff member, about 15 times slower
    staff = pd.DataFrame({
        "hall": np.concatenate([np.full(len(ds.get("staff", [])), h, dtype=np.int64) for h, ds in enumerate(datasets)]
                               or [np.zeros(0, np.int64)]),
        "id": pd.Series([s["id"] for ds in datasets for s in ds.get("staff", [])], dtype=object),
    })
    asg = pd.DataFrame([(h, s["id"], a.get("from"), a.get("to"))
                        for h, ds in enumerate(datasets) for s in ds.get("staff", []) for a in s["assignments"]],
                       columns=["hall", "id", "from", "to"], dtype=object)
    ids = pd.Index(pd.unique(staff["id"].to_numpy()))
    key_index = pd.Index(staff["hall"].to_numpy(np.int64) * len(ids) + ids.get_indexer(staff["id"].to_numpy()))

    # months in which each staff member has an assignment day
    a_code = key_index.get_indexer(asg["hall"].to_numpy(np.int64) * len(ids) + ids.get_indexer(asg["id"].to_numpy()))
    mfrom = pd.to_datetime(asg["from"], format="%Y-%m-%d").dt.month.fillna(1).to_numpy(np.int64)
    mto = pd.to_datetime(asg["to"], format="%Y-%m-%d").dt.month.fillna(12).to_numpy(np.int64)
    months = np.arange(1, 13)
    evaluated = np.zeros((len(staff), 12), dtype=bool)
    np.logical_or.at(evaluated, a_code, (mfrom[:, None] <= months) & (months <= mto[:, None]))

    # records of every hall in one frame; strings stay Python objects until factorised
    recs, hall_of = [], []
    for h, ds in enumerate(datasets):
        r = ds.get("records", [])
        recs.extend(r)
        hall_of.append(np.full(len(r), h, dtype=np.int16))
    raw = pd.DataFrame(recs, columns=REC_COLS, dtype=object)
    hall = np.concatenate(hall_of) if hall_of else np.zeros(0, np.int16)
    subj, subj_uniques = pd.factorize(raw["subject"].to_numpy())
    sidx = ids.get_indexer(subj_uniques)[subj]  # -1: not a staff id (window records)
    code = np.where(sidx >= 0, key_index.get_indexer(hall.astype(np.int64) * len(ids) + sidx), -1)
    day, day_uniques = pd.factorize(raw["date"].to_numpy())  # at most 366 distinct dates
    date = np.asarray(day_uniques.astype(str), dtype="datetime64[D]")[day]

    def categorical(col, categories=None):
        """Categorical from Python strings: factorise the object array (no string-dtype detour)."""
        codes, uniques = pd.factorize(raw[col].to_numpy())  # -1: missing
        if categories is None:
            return pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object))
        to_cat = np.append(pd.Index(categories).get_indexer(uniques), -1)  # [-1] maps -1 to -1
        return pd.Categorical.from_codes(to_cat[codes], categories=pd.Index(categories, dtype=object))

    records = pd.DataFrame({
        "hall": hall,
        "staff": code.astype(np.int32),
        "rule": categorical("rule"),
        "date": date,
        "count": np.where(raw["count"].isna(), 1, raw["count"]).astype(np.int32),
        "minutes": np.where(raw["minutes"].isna(), -1, raw["minutes"]).astype(np.int32),
        "aggravated": raw["aggravated"].eq(True).to_numpy(),
        "points": raw["points"],  # object: decimal text as given, parsed where a rule needs it
        "level": categorical("level", LEVELS),
        "key": categorical("key"),
        "status": categorical("status", ["confirmed", "pending", "revoked"]),
        "id": raw["id"],  # object
    })
    halls = pd.Categorical([ds["hall"]["id"] for ds in datasets])
    return Frames(halls, staff, evaluated, records)


def _hundredths(values):
    """Exact hundredths from decimal text (or a JSON number's shortest repr), without floats.

    Stated points take few distinct values ("2", "2.5", "3", ...): the distinct ones are parsed and
    the result is taken back by code.
    """
    codes, uniques = pd.factorize(pd.Series(values, dtype=object).astype(str).str.strip().to_numpy(dtype=object))
    txt = pd.Series(uniques, dtype=object)
    parts = txt.str.extract(r"^(\d+)(?:\.(\d*))?$")
    if parts[0].isna().any():
        raise ValueError("points not a plain positive decimal: %r" % txt[parts[0].isna()].iloc[0])
    frac = parts[1].fillna("").str.rstrip("0")
    if (frac.str.len() > 2).any():
        raise ValueError("points with more than 2 decimal places are not supported by this baseline: %r"
                         % txt[frac.str.len() > 2].iloc[0])
    parsed = parts[0].astype(np.int64).to_numpy() * 100 + frac.str.ljust(2, "0").astype(np.int64).to_numpy()
    return parsed[codes]


# ----------------------------------------------------------------------------- scoring
def score(fr, exact_c3=None):
    """Monthly staff scores from the frames (the "score" phase); see staff_scores_many."""
    rec = fr.records
    n = len(fr.staff)
    # the subset's confirmed records of staff members (C10); a rule is mapped once per category
    rule_of_cat = pd.Index(CODES).get_indexer(rec["rule"].cat.categories)
    rc_all = rule_of_cat[rec["rule"].cat.codes.to_numpy()]
    st_codes = rec["status"].cat.codes.to_numpy()
    keep = np.flatnonzero((rc_all >= 0) & (st_codes <= 0) & (rec["staff"].to_numpy() >= 0))  # -1: no status
    rc = rc_all[keep]
    staff = rec["staff"].to_numpy()[keep].astype(np.int64)
    date = rec["date"].to_numpy()[keep]
    month0 = date.astype("datetime64[M]").astype(np.int64) % 12  # 0-11
    sm = staff * 12 + month0  # staff-month cell
    cnt = rec["count"].to_numpy()[keep].astype(np.int64)

    # ---- points of one occurrence, in hundredths
    each = RULE_PTS[rc]
    minutes = rec["minutes"].to_numpy()[keep]
    each = np.where((rc == R["S1.1"]) & (minutes > S11_ABOVE), np.maximum(each, S11_TIER), each)
    agg = rec["aggravated"].to_numpy()[keep]
    each = np.where(agg & (RULE_AGG[rc] > 0), np.maximum(each, RULE_AGG[rc]), each)
    lv = rec["level"].cat.codes.to_numpy()[keep]
    for r, table in LEVEL_PTS.items():  # S5.3 and SB.2
        m = rc == r
        each[m] = table[lv[m]]
    disc = np.isin(rc, DISCRETIONARY)
    if disc.any():
        each[disc] = _hundredths(rec["points"].to_numpy()[keep[disc]])
    pts = each * cnt  # every occurrence of the record

    def grid(mask, values):
        """Sum per staff-month as a dense (staff, 12) int64 array."""
        out = np.zeros(n * 12, dtype=np.int64)
        np.add.at(out, sm[mask], values[mask])
        return out.reshape(n, 12)

    # ---- deductions per staff, month and category (C2 caps them at the category maximum)
    cat = RULE_CAT[rc]
    d = cat >= 0
    ded = np.zeros(n * 12 * 5, dtype=np.int64)
    np.add.at(ded, sm[d] * 5 + cat[d], pts[d])
    scores = CAT_MAX - np.minimum(ded.reshape(n * 12, 5), CAT_MAX)

    # ---- S5.2: complaints this month, and the year's count through this month
    s51 = grid(rc == R["S5.1"], cnt)
    s51_year = s51.cumsum(axis=1)
    zero = (s51 >= 2) | ((s51_year >= 3) & (s51 > 0))
    scores[zero.reshape(-1), 4] = 0

    # ---- SB.1 with its yearly cap (counted through month m = min(0.5 x occurrences through m, 2)), SB.4
    sb1 = np.diff(np.minimum(grid(rc == R["SB.1"], cnt).cumsum(axis=1) * SB1_EACH, SB1_YEAR_CAP), axis=1, prepend=0)
    sb4 = grid(rc == R["SB.4"], pts)

    # ---- SB.2: unkeyed records add up; keyed ones per E4
    is2 = rc == R["SB.2"]
    kcode = rec["key"].cat.codes.to_numpy()[keep]
    keyed = is2 & (kcode >= 0)
    sb2 = grid(is2 & ~keyed, pts)
    kd = pd.DataFrame({"sk": staff[keyed] * (len(rec["key"].cat.categories) + 1) + kcode[keyed],
                       "month0": month0[keyed], "sm": sm[keyed], "pts": pts[keyed]})
    win = kd.groupby(["sk", "month0"], sort=True).agg(sm=("sm", "first"), pts=("pts", "max")).reset_index()
    best_before = win.groupby("sk")["pts"].cummax().groupby(win["sk"]).shift(1, fill_value=0)
    win["topup"] = (win["pts"] - best_before).clip(lower=0)
    tk = win["sm"].to_numpy()
    sb2_keyed = np.zeros(n * 12, dtype=np.int64)
    np.add.at(sb2_keyed, tk, win["topup"].to_numpy(np.int64))
    sb2 = sb2 + sb2_keyed.reshape(n, 12)

    raw_bonus = sb1 + sb2 + sb4
    if exact_c3 is None:
        # the fast path is exact unless C3 cuts a month holding a keyed top-up whose key comes again later
        over = (raw_bonus > BONUS_CAP).reshape(-1)
        later = win.groupby("sk")["month0"].transform("max") > win["month0"]
        exact_c3 = bool((over[tk] & (win["topup"] > 0) & later).to_numpy().any())
    if exact_c3:
        sel = np.flatnonzero(is2 | (rc == R["SB.1"]) | (rc == R["SB.4"]))
        lines = pd.DataFrame({
            "id": rec["id"].to_numpy()[keep[sel]], "staff": staff[sel], "month0": month0[sel], "sm": sm[sel],
            "date": date[sel], "rule": rc[sel], "pts": pts[sel], "keyed": keyed[sel],
            "sk": np.where(keyed[sel], staff[sel] * (len(rec["key"].cat.categories) + 1) + kcode[sel], -1),
        })
        sb2 = _sb2_exact(lines, n)
        raw_bonus = sb1 + sb2 + sb4
    bonus = np.minimum(raw_bonus, BONUS_CAP).reshape(-1)

    # ---- the result: every evaluated staff-month
    rows = np.flatnonzero(fr.evaluated.reshape(-1))
    st = rows // 12
    out = pd.DataFrame({
        "hall": pd.Categorical.from_codes(fr.halls.codes[fr.staff["hall"].to_numpy()[st]], categories=fr.halls.categories),
        "staff": pd.Categorical(fr.staff["id"].to_numpy()[st]),
        "month": (rows % 12 + 1).astype(np.int8),
    })
    for j, c in enumerate(CATS):
        out[c] = scores[rows, j]
    out["base"] = scores.sum(axis=1)[rows]
    out["bonus"] = bonus[rows]
    out["total"] = out["base"] + out["bonus"]
    return out


def _sb2_exact(b, n):
    """SB.2 when C3 cuts keyed lines: E4's "already counted" is what a key counted after C3.

    ``b``: the month's bonus records of the subset (SB.1, SB.2, SB.4) with their points.  Months
    depend on each other through the value counted per (staff, key), so this loops over the 12
    months; within a month everything is vectorised across staff.  C3 consumes a staff member's bonus
    lines in date then record-id order (kaoping's order for the month's lines).
    """
    b = b.sort_values(["staff", "date", "id"], kind="stable").reset_index(drop=True)
    # SB.1 per record after the yearly cap (E6/E7: occurrence by occurrence, date then id, before C3)
    s1 = (b["rule"] == R["SB.1"]).to_numpy()
    raw1 = b["pts"].where(s1, 0)
    before = raw1.groupby(b["staff"]).cumsum() - raw1
    b["amount"] = np.where(s1, np.clip(SB1_YEAR_CAP - before, 0, raw1), b["pts"])
    # the month's winner of each key: highest points, then earliest date, then id (E4); the others count 0
    kw = b[b["keyed"]].sort_values(["sk", "month0", "pts", "date", "id"], ascending=[True, True, False, True, True])
    winner = np.zeros(len(b), dtype=bool)
    winner[kw.drop_duplicates(["sk", "month0"]).index.to_numpy()] = True
    b.loc[b["keyed"] & ~winner, "amount"] = 0
    best = pd.Series(0, index=pd.Index(np.unique(b.loc[b["keyed"], "sk"].to_numpy())), dtype=np.int64)
    sb2 = np.zeros(n * 12, dtype=np.int64)
    for m in range(12):  # the only loop: month m needs what the keys counted before it
        lines = b[b["month0"] == m]
        if lines.empty:
            continue
        amount = lines["amount"].to_numpy().copy()
        w = winner[lines.index.to_numpy()]
        sk = lines["sk"].to_numpy()[w]
        if w.any():
            amount[w] = np.maximum(lines["pts"].to_numpy()[w] - best.reindex(sk).to_numpy(), 0)
        used_before = pd.Series(amount).groupby(lines["staff"].to_numpy()).cumsum().to_numpy() - amount
        applied = np.clip(BONUS_CAP - used_before, 0, amount)  # C3, line by line
        if w.any():
            inc = pd.Series(applied[w]).groupby(sk).sum()
            best.loc[inc.index] += inc.to_numpy()
        s2 = (lines["rule"] == R["SB.2"]).to_numpy()
        # SB.2's part of the month before C3; the caller caps the month's sum, which is what cutting
        # line by line adds up to
        np.add.at(sb2, lines["sm"].to_numpy()[s2], amount[s2])
    return sb2.reshape(n, 12)


def staff_scores_many(datasets, exact_c3=None):
    """Monthly staff scores of several halls in one pass.

    Returns a DataFrame with one row per evaluated (hall, staff, month): ``hall`` (the hall id),
    ``staff``, ``month`` (1-12), ``S1`` ... ``S5``, ``base``, ``bonus`` (without SB.3), ``total``, all
    scores int64 in hundredths of a point.  ``exact_c3``: None decides by itself whether the month loop
    of the E4-after-C3 case is needed; True forces it (for tests); False skips it.
    """
    return score(load_frames(datasets), exact_c3=exact_c3)


def staff_scores(dataset, exact_c3=None):
    """Monthly staff scores of one hall's dataset (the parsed JSON document).

    One row per evaluated (staff, month): staff, month (1-12), S1..S5, base, bonus (without SB.3),
    total, as int64 hundredths of a point (8650 = 86.50).
    """
    return staff_scores_many([dataset], exact_c3=exact_c3).drop(columns="hall")


# ----------------------------------------------------------------------------- timing CLI
def _files(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            out.extend(sorted(glob.glob(os.path.join(p, "*.json"))))
        else:
            out.append(p)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description="Time the pandas baseline (monthly staff scores, a subset).")
    ap.add_argument("paths", nargs="+", help="dataset files, or folders of *.json (one hall each)")
    ap.add_argument("--repeat", type=int, default=3, help="runs; medians are reported (default 3)")
    ap.add_argument("--per-hall", action="store_true", help="score each hall by itself instead of all in one pass")
    ap.add_argument("--out", help="write the result of the last run as CSV")
    args = ap.parse_args(argv)
    files = _files(args.paths)
    t0 = time.perf_counter()
    datasets = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            datasets.append(json.load(fh))
    t_parse = time.perf_counter() - t0
    n_rec = sum(len(d.get("records", [])) for d in datasets)
    n_staff_rec = sum(1 for d in datasets for r in d.get("records", []) if r["rule"].startswith("S"))
    groups = [[d] for d in datasets] if args.per_hall else [datasets]
    t_ingest, t_score, res = [], [], None
    for _ in range(args.repeat):
        ti = ts = 0.0
        res = []
        for g in groups:
            t = time.perf_counter()
            fr = load_frames(g)
            t1 = time.perf_counter()
            res.append(score(fr))
            ti += t1 - t
            ts += time.perf_counter() - t1
        t_ingest.append(ti)
        t_score.append(ts)
    t_total = [a + b for a, b in zip(t_ingest, t_score)]
    rows = sum(len(r) for r in res)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    med = statistics.median
    print("pandas %s, numpy %s, python %s; %s" % (pd.__version__, np.__version__, sys.version.split()[0],
                                                 "hall by hall" if args.per_hall else "all halls in one pass"))
    print("%d hall(s), %d records (%d staff records), %d staff-months" % (len(datasets), n_rec, n_staff_rec, rows))
    print("json.load            %8.3f s" % t_parse)
    for name, ts in (("ingest (dicts->frames)", t_ingest), ("score (frames->result)", t_score), ("ingest + score", t_total)):
        print("%-22s %8.3f s  median of %s; %.2f M records/s" % (
            name, med(ts), " ".join("%.3f" % x for x in ts), n_rec / med(ts) / 1e6))
    print("peak RSS: %.0f MiB" % peak)
    if args.out:
        pd.concat(res).to_csv(args.out, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
