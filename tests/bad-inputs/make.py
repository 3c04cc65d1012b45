"""Writes the bad-input corpus: one file per case and `expected.json`, the error each must give.

Every case names its document (dataset or policy) and the FIRST problem the validator must report:
its kind, its path and its message (exactly), and, where it applies, the record id and rule code.
Rust (core/tests/bad_inputs.rs), the C ABI (ffi/tests/bad_inputs.rs) and Python read the same
manifest. Cases marked "ok" must be accepted (and a dataset must then evaluate). A dataset is checked
against the built-in policy (core/policies/county.json), or, when its entry names one ("policy":
FILE), against that policy file of the corpus — itself a case of its own, marked ok (issue 20,
item 1: a policy and a dataset that both validate and together once panicked). Run from anywhere:
python3 tests/bad-inputs/make.py (`--check` verifies the committed files are what this script
writes).
"""
import copy
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
POLICY = json.loads((ROOT / "core/policies/county.json").read_text(encoding="utf-8"))

GOOD = {
    "hall": {"id": "H", "name": "测试大厅"},
    "year": 2026,
    "departments": [{"id": "D01", "name": "县市场监督管理局"}, {"id": "D02", "name": "县税务局"}],
    "windows": [
        {"id": "W01", "name": "市场准入窗口", "department": "D01", "heads": [{"staff": "S001"}]},
        {"id": "W02", "name": "税费窗口", "department": "D02", "opened": "2026-03-01", "closed": "2026-10-31", "heads": [{"staff": "S002", "from": "2026-03-01"}]},
    ],
    "staff": [
        {"id": "S001", "name": "张三", "assignments": [{"window": "W01"}]},
        {"id": "S002", "name": "李四", "assignments": [{"window": "W02", "from": "2026-03-01", "to": "2026-10-31"}]},
    ],
    "targets": {"online_full_process": "90", "online_available": "95", "one_network": "85"},
    "metrics": [{"window": "W01", "month": "2026-10", "cases": 1200, "rates": {"online_full_process": "92", "online_available": "96", "one_network": "80"}}],
    "records": [{"id": "R1", "rule": "S1.1", "subject": "S001", "date": "2026-10-09", "minutes": 45}],
}

cases = {}


def case(name, doc, kind=None, path=None, message=None, record=None, rule=None, document="dataset", raw=None, ok=False, policy=None):
    """doc: a JSON value (or None with raw bytes; with both, raw is written and doc names the record).
    policy: for a dataset, the corpus's policy file to check it against instead of the built-in one."""
    assert name not in cases, name
    data = raw if raw is not None else (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    exp = {"document": document, "ok": ok}
    if policy is not None:
        assert document == "dataset", name
        exp["policy"] = policy
    # a format problem in a record names the record's id when it has one (issue 20, item 3)
    if not ok and record is None and kind == "syntax" and doc is not None and path and path.startswith("records["):
        i = int(path[len("records["):path.index("]")])
        recs = doc.get("records") if isinstance(doc, dict) else None
        if isinstance(recs, list) and i < len(recs) and isinstance(recs[i], dict) and isinstance(recs[i].get("id"), str):
            record = recs[i]["id"]
    if not ok:
        exp["first"] = {"kind": kind, "path": path, "message": message}
        if record is not None:
            exp["first"]["record"] = record
        if rule is not None:
            exp["first"]["rule"] = rule
    cases[name] = (data, exp)


def ds(**changes):
    d = copy.deepcopy(GOOD)
    for k, v in changes.items():
        d[k] = v
    return d


def rec(**fields):
    r = {"id": "X1", "rule": "S1.2", "subject": "S001", "date": "2026-10-09"}
    r.update(fields)
    return r


def with_records(*rs):
    return ds(records=list(rs))


def pol(mutate):
    p = copy.deepcopy(POLICY)
    mutate(p)
    return p


def rule_index(code):
    return next(i for i, r in enumerate(POLICY["rules"]) if r["code"] == code)


# A value echoed in a message is cut (core/src/error.rs, Problem::MAX_MESSAGE_BYTES): its first bytes, at a
# character, then its length in characters (issue 20, item 5).
MAX_MESSAGE_BYTES = 2048
LONG = "X" * 5000


def cut(s, max_bytes):
    b = s.encode("utf-8")
    if len(b) <= max_bytes:
        return s
    head = b[:max_bytes].decode("utf-8", errors="ignore")
    return f"{head}… (cut: {len(s)} characters in all)"


# ---- accepted
case("ok-good.json", GOOD, ok=True)
case("ok-bom.json", None, raw=b"\xef\xbb\xbf" + json.dumps(GOOD, ensure_ascii=False).encode("utf-8"), ok=True)
case("ok-numbers-as-decimals.json", with_records(rec(rule="S2.3", points=4.5)), ok=True)
# issue 20, item 8: the schema's form of a decimal (^-?\d+(\.\d+)?([eE]\d+)?$) allows a leading zero
case("ok-points-leading-zero.json", with_records(rec(rule="S2.3", points="04")), ok=True)

# ---- not JSON, or not a dataset
case("empty.json", None, raw=b"", kind="syntax", path="", message="the dataset is empty: expected a JSON object")
case("whitespace.json", None, raw=b" \n\t\n", kind="syntax", path="", message="the dataset is empty: expected a JSON object")
case("bom-only.json", None, raw=b"\xef\xbb\xbf", kind="syntax", path="", message="the dataset is empty: expected a JSON object")
case("invalid-utf8.json", None, raw=b'{"hall": {"id": "\xff\xfe", "name": "x"}}', kind="syntax", path="", message="the dataset is not valid UTF-8 (at byte 17)")
case("not-json.json", None, raw=b"hello", kind="syntax", path="", message="not valid JSON: expected value at line 1 column 1")
case("truncated.json", None, raw=b'{"hall": {"id": "H", "name": "x"}, "year": 20', kind="syntax", path="", message="not valid JSON: EOF while parsing an object at line 1 column 45")
case("trailing-garbage.json", None, raw=json.dumps(GOOD).encode() + b" }", kind="syntax", path="", message="not valid JSON: trailing characters at line 1 column " + str(len(json.dumps(GOOD)) + 2))
case("array-root.json", [], kind="syntax", path="", message="expected a JSON object (the dataset), got an array")
case("missing-hall.json", {"year": 2026}, kind="syntax", path="", message="missing field `hall`")
case("missing-year.json", {"hall": {"id": "H", "name": "x"}}, kind="syntax", path="", message="missing field `year`")
case("year-as-string.json", ds(year="2026"), kind="syntax", path="year", message='invalid type: string "2026", expected a whole number (a year such as 2026)')
case("year-out-of-range.json", ds(year=99999), kind="invalid", path="year", message="year 99999 is not a calendar year this library handles (1900–9999)")
case("unknown-top-field.json", dict(GOOD, hal={"id": "H"}), kind="syntax", path="hal", message="unknown field `hal`, expected one of `hall`, `year`, `departments`, `windows`, `staff`, `targets`, `metrics`, `records`, `inputs`")
case("deep-nesting.json", None, raw=b'{"hall": {"id": "H", "name": "x"}, "year": 2026, "records": ' + b"[" * 300 + b"]" * 300 + b"}", kind="syntax", path="records[0][0]", message="invalid type: sequence, expected a string")

# ---- records: shapes
case("record-missing-rule.json", with_records({"id": "X1", "subject": "S001", "date": "2026-10-09"}), kind="syntax", path="records[0]", message="missing field `rule`")
case("record-unknown-field.json", with_records(rec(minute=5)), kind="syntax", path="records[0].minute", message="unknown field `minute`, expected one of `id`, `rule`, `subject`, `date`, `count`, `minutes`, `points`, `units`, `level`, `key`, `aggravated`, `status`, `evidence`, `note`")
case("points-as-object.json", with_records(rec(rule="S2.3", points={"v": 4})), kind="syntax", path="records[0].points", message='invalid type: map, expected a decimal number, written as a string ("2.5") or a number')
case("points-not-a-number.json", with_records(rec(rule="S2.3", points="four")), kind="syntax", path="records[0].points", message='"four" is not a decimal written as the schema says (digits, a point and digits: "2.5", "-1")')
# issue 20: forms the schema excludes
case("points-plus-sign.json", with_records(rec(rule="S2.3", points="+4")), kind="syntax", path="records[0].points", message='"+4" is not a decimal written as the schema says (digits, a point and digits: "2.5", "-1")')
case("points-huge.json", with_records(rec(rule="S2.3", points="1e40")), kind="syntax", path="records[0].points", message='"1e40" is not a decimal this library holds exactly (at most 28 digits after the point)')
# issue 20: more digits than a decimal holds are refused, not rounded (2.999… would pass S2.3's 3–5 as 3)
case("points-too-many-digits.json", with_records(rec(rule="S2.3", points="2.999999999999999999999999999999")), kind="syntax", path="records[0].points", message='"2.999999999999999999999999999999" has more digits than a decimal holds exactly (28 after the point, 28–29 in all); it would be rounded')
case("count-negative.json", with_records(rec(count=-1)), kind="syntax", path="records[0].count", message="-1 is not a whole number from 0 to 4294967295")
case("count-as-float.json", with_records(rec(count=1.5)), kind="syntax", path="records[0].count", message="1.5 is not a whole number from 0 to 4294967295: write a whole number as digits alone, without a point or an exponent")
case("minutes-huge.json", with_records(rec(rule="S1.1", minutes=10**20)), kind="syntax", path="records[0].minutes", message="1e+20 is not a whole number from 0 to 4294967295: write a whole number as digits alone, without a point or an exponent")
case("date-invalid-day.json", with_records(rec(date="2026-02-30")), kind="syntax", path="records[0].date", message='"2026-02-30" is not a day of the calendar (a date is written YYYY-MM-DD)')
case("date-wrong-format.json", with_records(rec(date="2026/10/09")), kind="syntax", path="records[0].date", message='"2026/10/09" is not a date written YYYY-MM-DD ("2026-10-09")')
# issue 20: forms chrono took but the schema excludes
case("date-unpadded.json", with_records(rec(date="2026-3-9")), kind="syntax", path="records[0].date", message='"2026-3-9" is not a date written YYYY-MM-DD ("2026-10-09")')
# issue 20: null for a field with named values
case("status-null.json", with_records(rec(status=None)), kind="syntax", path="records[0].status", message="null is not a value for this field: leave the field out, or give one of its values")
case("date-signed-year.json", with_records(rec(date="+2026-03-09")), kind="syntax", path="records[0].date", message='"+2026-03-09" is not a date written YYYY-MM-DD ("2026-10-09")')
case("date-leading-space.json", with_records(rec(date=" 2026-03-09")), kind="syntax", path="records[0].date", message='" 2026-03-09" is not a date written YYYY-MM-DD ("2026-10-09")')
case("points-trailing-point.json", with_records(rec(rule="S2.3", points="4.")), kind="syntax", path="records[0].points", message='"4." is not a decimal written as the schema says (digits, a point and digits: "2.5", "-1")')
# issue 20, item 2: a JSON number is read from its text, exactly, too
NUMBER_DIGITS = with_records(rec(rule="S2.3", points=4))
case("points-number-too-many-digits.json", NUMBER_DIGITS, raw=json.dumps(NUMBER_DIGITS, indent=1).replace('"points": 4', '"points": 2.999999999999999999999999999999').encode() + b"\n",
     kind="syntax", path="records[0].points", message='"2.999999999999999999999999999999" has more digits than a decimal holds exactly (28 after the point, 28–29 in all); it would be rounded')
# issue 20, item 4: 1e30 as a number said `records[0].points.$serde_json::private::Number: Scale exceeds…`
# (serde_json keeps a number's text, writing its exponent's sign: 1e+30)
case("points-number-huge.json", NUMBER_DIGITS, raw=json.dumps(NUMBER_DIGITS, indent=1).replace('"points": 4', '"points": 1e30').encode() + b"\n",
     kind="syntax", path="records[0].points", message='"1e+30" is not a decimal this library holds exactly (at most 28 digits after the point)')
# issue 20, item 5: a value echoed in a problem is cut, with its length said (a 50 MB rule code gave 100 MB of messages)
case("long-rule-code.json", with_records(rec(rule="X" * 100_000)), kind="invalid", path="records[0].rule", message="an id or code is at most 128 characters, got 100000", record="X1")
case("long-status-cut.json", with_records(rec(status=LONG)), kind="syntax", path="records[0].status",
     message=cut(f"unknown variant `{LONG}`, expected one of `confirmed`, `pending`, `revoked`", MAX_MESSAGE_BYTES))
# (the path within a record is cut at 120 bytes, with "…", as a deeply nested one is)
case("long-field-name-cut.json", with_records(rec(**{LONG: 1})), kind="syntax", path="records[0]." + LONG[:120] + "…",
     message=cut(f"unknown field `{LONG}`, expected one of `id`, `rule`, `subject`, `date`, `count`, `minutes`, `points`, `units`, `level`, `key`, `aggravated`, `status`, `evidence`, `note`", MAX_MESSAGE_BYTES))
case("date-as-number.json", with_records(rec(date=20261009)), kind="syntax", path="records[0].date", message='invalid type: integer `20261009`, expected a date written YYYY-MM-DD ("2026-10-09")')
case("status-unknown.json", with_records(rec(status="maybe")), kind="syntax", path="records[0].status", message="unknown variant `maybe`, expected one of `confirmed`, `pending`, `revoked`")
case("level-unknown.json", with_records(rec(rule="S5.3", level="planet")), kind="syntax", path="records[0].level", message="unknown variant `planet`, expected one of `county`, `city`, `province`, `national`")
case("aggravated-as-string.json", with_records(rec(rule="S3.2", aggravated="yes")), kind="syntax", path="records[0].aggravated", message='invalid type: string "yes", expected a boolean')

# ---- records: meaning
case("points-out-of-range.json", with_records(rec(rule="S2.3", points="6")), kind="invalid", path="records[0].points", message="points 6 outside 3–5 for S2.3", record="X1", rule="S2.3")
case("points-below-range.json", with_records(rec(rule="S5.1", points="1.5")), kind="invalid", path="records[0].points", message="points 1.5 outside 2–5 for S5.1", record="X1", rule="S5.1")
case("points-negative.json", with_records(rec(rule="W4.1", subject="W01", points="-3")), kind="invalid", path="records[0].points", message="points -3 outside 2–5 for W4.1", record="X1", rule="W4.1")
case("points-missing.json", with_records(rec(rule="S2.3")), kind="invalid", path="records[0].points", message="points missing: S2.3 needs the points stated, 3–5 (C7)", record="X1", rule="S2.3")
case("points-stated-wrong.json", with_records(rec(rule="S1.2", points="5")), kind="invalid", path="records[0].points", message="S1.2 is worth 3 here (fixed by the measure); the record states 5", record="X1", rule="S1.2")
case("count-zero.json", with_records(rec(count=0)), kind="invalid", path="records[0].count", message="count must be at least 1, got 0", record="X1", rule="S1.2")
case("count-over-limit.json", with_records(rec(count=5000)), kind="invalid", path="records[0].count", message="count 5000 is beyond the limit of 1000 occurrences a record", record="X1")
case("keyed-count-2.json", with_records(rec(rule="SB.2", level="city", key="A", count=2)), kind="invalid", path="records[0].count", message="a record with an achievement key stands for one achievement: count must be 1, got 2 (E4)", record="X1", rule="SB.2")
case("date-outside-year.json", with_records(rec(date="2025-12-31")), kind="invalid", path="records[0].date", message="date 2025-12-31 is outside the dataset's year 2026", record="X1", rule="S1.2")
case("unknown-rule.json", with_records(rec(rule="S9.9")), kind="unknown_reference", path="records[0].rule", message='unknown rule code "S9.9" (not in policy xx-county-2026)', record="X1", rule="S9.9")
case("unknown-staff.json", with_records(rec(subject="S999")), kind="unknown_reference", path="records[0].subject", message='unknown staff member "S999"', record="X1", rule="S1.2")
case("unknown-window.json", with_records(rec(rule="W1.2", subject="W99")), kind="unknown_reference", path="records[0].subject", message='unknown window "W99"', record="X1", rule="W1.2")
case("staff-rule-on-window.json", with_records(rec(rule="S1.1", subject="W01")), kind="unknown_reference", path="records[0].subject", message='unknown staff member "W01"; W01 is a window, but S1.1 is a staff item', record="X1", rule="S1.1")
case("window-rule-on-staff.json", with_records(rec(rule="W1.2", subject="S001")), kind="unknown_reference", path="records[0].subject", message='unknown window "S001"; S001 is a staff member, but W1.2 is a window item', record="X1", rule="W1.2")
case("derived-w2.json", with_records(rec(rule="W2", subject="W01")), kind="invalid", path="records[0].rule", message="W2 cannot be recorded directly: it is derived from staff S1 scores (E3)", record="X1", rule="W2")
case("derived-s5-2.json", with_records(rec(rule="S5.2")), kind="invalid", path="records[0].rule", message="S5.2 cannot be recorded directly: it is derived from the count of S5.1 records (E3)", record="X1", rule="S5.2")
case("derived-sb-3.json", with_records(rec(rule="SB.3")), kind="invalid", path="records[0].rule", message="SB.3 cannot be recorded directly: it is derived from window metric cases (E3)", record="X1", rule="SB.3")
case("derived-w1-1.json", with_records(rec(rule="W1.1", subject="W01")), kind="invalid", path="records[0].rule", message="W1.1 cannot be recorded directly: it is derived from the roster (window heads / chief representatives) (E3)", record="X1", rule="W1.1")
case("derived-w6-1.json", with_records(rec(rule="W6.1", subject="W01")), kind="invalid", path="records[0].rule", message="W6.1 cannot be recorded directly: it is derived from S5.1 records (charged to the window the member was assigned to on the record's date) (E3)", record="X1", rule="W6.1")
case("level-missing.json", with_records(rec(rule="S5.3")), kind="invalid", path="records[0].level", message="level missing: S5.3 needs one of county, city, province, national", record="X1", rule="S5.3")
case("level-not-listed.json", with_records(rec(rule="SB.2", level="county", key="A")), kind="invalid", path="records[0].level", message="level county is not listed for SB.2 (E3); expected one of city, province, national", record="X1", rule="SB.2")
case("aggravated-without-variant.json", with_records(rec(rule="S1.2", aggravated=True)), kind="invalid", path="records[0].aggravated", message="S1.2 has no aggravated variant", record="X1", rule="S1.2")
case("staff-record-unassigned.json", with_records(rec(subject="S002", date="2026-02-10")), kind="invalid", path="records[0].date", message="staff S002 has no window assignment on 2026-02-10 (E9): the window to charge is unknown", record="X1", rule="S1.2")
case("window-record-closed.json", with_records(rec(rule="W1.2", subject="W02", date="2026-11-02")), kind="invalid", path="records[0].date", message="window W02 is not open on 2026-11-02", record="X1", rule="W1.2")
case("duplicate-record-ids.json", with_records(rec(), rec(rule="S3.1")), kind="duplicate", path="records[1].id", message='record id "X1" is also used by records[0]', record="X1")
case("long-id.json", with_records(rec(id="X" * 200)), kind="invalid", path="records[0].id", message="an id or code is at most 128 characters, got 200")
case("long-note.json", with_records(rec(note="很" * 5000)), kind="invalid", path="records[0].note", message="a text is at most 4096 characters, got 5000", record="X1")
case("empty-record-id.json", with_records(rec(id=" ")), kind="invalid", path="records[0].id", message="a record id cannot be empty")

# ---- roster
case("duplicate-window-ids.json", ds(windows=[GOOD["windows"][0], dict(GOOD["windows"][0], name="again")]), kind="duplicate", path="windows[1].id", message='window id "W01" is also used by windows[0]')
case("duplicate-staff-ids.json", ds(staff=[GOOD["staff"][0], GOOD["staff"][0]]), kind="duplicate", path="staff[1].id", message='staff id "S001" is also used by staff[0]')
case("duplicate-department-ids.json", ds(departments=[GOOD["departments"][0], GOOD["departments"][0], GOOD["departments"][1]]), kind="duplicate", path="departments[1].id", message='department id "D01" is also used by departments[0]')
case("window-unknown-department.json", ds(windows=[dict(GOOD["windows"][0], department="D99"), GOOD["windows"][1]]), kind="unknown_reference", path="windows[0].department", message='window W01 names department "D99", which is not in departments')
case("window-closes-before-opening.json", ds(windows=[GOOD["windows"][0], dict(GOOD["windows"][1], opened="2026-05-01", closed="2026-04-01")]), kind="invalid", path="windows[1].closed", message="window W02 closes (2026-04-01) before it opens (2026-05-01)")
case("head-unknown-staff.json", ds(windows=[dict(GOOD["windows"][0], heads=[{"staff": "S404"}]), GOOD["windows"][1]]), kind="unknown_reference", path="windows[0].heads[0].staff", message='staff "S404" is not in staff')
case("head-without-person.json", ds(windows=[dict(GOOD["windows"][0], heads=[{"from": "2026-01-01"}]), GOOD["windows"][1]]), kind="invalid", path="windows[0].heads[0]", message="give the person's staff id or name")
case("heads-overlap.json", ds(windows=[dict(GOOD["windows"][0], heads=[{"staff": "S001", "to": "2026-06-30"}, {"name": "王五", "from": "2026-06-01"}]), GOOD["windows"][1]]), kind="invalid", path="windows[0].heads[1]", message="window W01: two heads terms overlap")
case("assignment-unknown-window.json", ds(staff=[{"id": "S001", "name": "张三", "assignments": [{"window": "W77"}]}, GOOD["staff"][1]]), kind="unknown_reference", path="staff[0].assignments[0].window", message='staff S001 is assigned to window "W77", which is not in windows')
case("assignments-overlap.json", ds(staff=[{"id": "S001", "name": "张三", "assignments": [{"window": "W01", "to": "2026-06-30"}, {"window": "W02", "from": "2026-06-15"}]}, GOOD["staff"][1]]), kind="invalid", path="staff[0].assignments[1]", message="staff S001: assignments[0] (W01) and assignments[1] (W02) overlap")
case("assignments-open-ended-twice.json", ds(staff=[{"id": "S001", "name": "张三", "assignments": [{"window": "W01"}, {"window": "W02", "from": "2026-06-15"}]}, GOOD["staff"][1]]), kind="invalid", path="staff[0].assignments[1]", message="staff S001: assignments[0] (W01) and assignments[1] (W02) overlap")
case("assignment-ends-before-start.json", ds(staff=[{"id": "S001", "name": "张三", "assignments": [{"window": "W01", "from": "2026-06-15", "to": "2026-06-01"}]}, GOOD["staff"][1]]), kind="invalid", path="staff[0].assignments[0].to", message="the assignment ends (2026-06-01) before it starts (2026-06-15)")
case("assignments-missing.json", ds(staff=[{"id": "S001", "name": "张三"}]), kind="syntax", path="staff[0]", message="missing field `assignments`")
case("staff-unknown-department.json", ds(staff=[dict(GOOD["staff"][0], department="D42"), GOOD["staff"][1]]), kind="unknown_reference", path="staff[0].department", message='staff S001 names department "D42", which is not in departments')
# issue 20, item 8: a staff member may not share a window's id (`explain W01` would pick the window)
case("staff-id-is-window-id.json", ds(staff=GOOD["staff"] + [{"id": "W01", "name": "王五", "assignments": [{"window": "W01"}]}]), kind="duplicate", path="staff[2].id",
     message='staff id "W01" is also the id of windows[0]: a record\'s subject would be ambiguous')
# issue 20, item 4: no Rust type name in the message
case("assignment-as-string.json", ds(staff=[{"id": "S001", "name": "张三", "assignments": ["W01"]}, GOOD["staff"][1]]), kind="syntax", path="staff[0].assignments[0]",
     message='invalid type: string "W01", expected a JSON object')

# ---- metrics and targets
case("metrics-unknown-window.json", ds(metrics=[{"window": "W55", "month": "2026-10", "cases": 1}]), kind="unknown_reference", path="metrics[0].window", message='no window "W55"')
case("metrics-duplicate.json", ds(metrics=[GOOD["metrics"][0], GOOD["metrics"][0]]), kind="duplicate", path="metrics[1]", message="window W01 has two metrics entries for 2026-10")
case("metrics-other-year.json", ds(metrics=[dict(GOOD["metrics"][0], month="2025-10")]), kind="invalid", path="metrics[0].month", message="month 2025-10 is outside the dataset's year 2026")
case("metrics-bad-month.json", ds(metrics=[dict(GOOD["metrics"][0], month="2026-1")]), kind="syntax", path="metrics[0].month", message='expected a month written YYYY-MM (like 2026-10), got "2026-1"')
case("metrics-rate-over-100.json", ds(metrics=[dict(GOOD["metrics"][0], rates={"one_network": "101"})]), kind="invalid", path="metrics[0].rates.one_network", message="a rate is a percentage 0–100, got 101")
case("metrics-negative-cases.json", ds(metrics=[dict(GOOD["metrics"][0], cases=-5)]), kind="syntax", path="metrics[0].cases", message="-5 is not a whole number from 0 to 18446744073709551615")
# 2^64 is past u64: serde_json reads it as floating point, and the message says how to write the field
case("metrics-cases-2-64.json", ds(metrics=[dict(GOOD["metrics"][0], cases=2**64)]), kind="syntax", path="metrics[0].cases", message="1.8446744073709552e+19 is not a whole number from 0 to 18446744073709551615: write a whole number as digits alone, without a point or an exponent")
case("metrics-huge-value.json", ds(metrics=[dict(GOOD["metrics"][0], values={"votes": "1e15"})]), kind="invalid", path="metrics[0].votes", message="1000000000000000 is beyond the limit of ±1000000000")
case("target-negative.json", ds(targets={"one_network": "-1"}), kind="invalid", path="targets.one_network", message="a target is a percentage 0–100, got -1")
# issue 20, item 2: more digits than a decimal holds are refused, not rounded (89.99… would meet a target of 90;
# 100.00…1 would pass as a rate)
case("rate-too-many-digits.json", ds(metrics=[dict(GOOD["metrics"][0], rates={"online_full_process": "89.999999999999999999999999999999"})]), kind="syntax", path="metrics[0].rates.online_full_process",
     message='"89.999999999999999999999999999999" has more digits than a decimal holds exactly (28 after the point, 28–29 in all); it would be rounded')
case("rate-over-100-too-many-digits.json", ds(metrics=[dict(GOOD["metrics"][0], rates={"one_network": "100.0000000000000000000000000001"})]), kind="syntax", path="metrics[0].rates.one_network",
     message='"100.0000000000000000000000000001" has more digits than a decimal holds exactly (28 after the point, 28–29 in all); it would be rounded')
case("target-too-many-digits.json", ds(targets={"one_network": "84.999999999999999999999999999999"}), kind="syntax", path="targets.one_network",
     message='"84.999999999999999999999999999999" has more digits than a decimal holds exactly (28 after the point, 28–29 in all); it would be rounded')

# ---- policies
P = "policy"
i_s11 = rule_index("S1.1")
i_s25 = rule_index("S2.5")
case("policy-empty.json", None, raw=b"", document=P, kind="syntax", path="", message="the policy is empty: expected a JSON object")
case("policy-not-object.json", "xx-county", document=P, kind="syntax", path="", message='invalid type: string "xx-county", expected a JSON object (the policy)')
case("policy-unknown-kind.json", pol(lambda p: p["rules"][i_s11].update(kind="per_minute")), document=P, kind="unknown_kind", path=f"rules[{i_s11}].kind",
     message='unknown rule kind "per_minute"; registered kinds: count_threshold, derived_from_staff, discretionary, level_points, linked, metric_below_target, metric_shortfall, metric_tiers, monthly_state, per_occurrence, per_unit, rating_mean', rule="S1.1")
case("policy-negative-points.json", pol(lambda p: p["rules"][i_s11]["params"].update(points="-1")), document=P, kind="invalid", path=f"rules[{i_s11}].params.points", message="points must be greater than 0, got -1", rule="S1.1")
case("policy-unknown-param.json", pol(lambda p: p["rules"][i_s11]["params"].update(point="1")), document=P, kind="invalid", path=f"rules[{i_s11}].params.point",
     message="unknown field `point`, expected one of `points`, `aggravated_points`, `aggravated_label`, `aggravated_label_zh`, `minute_tiers`", rule="S1.1")
case("policy-huge-points.json", pol(lambda p: p["rules"][i_s25]["params"].update(points="1e12")), document=P, kind="invalid", path=f"rules[{i_s25}].params.points", message="points 1000000000000 is beyond the limit of ±1000000000", rule="S2.5")
case("policy-item-exceeds-category.json", pol(lambda p: p["rules"][i_s25]["params"].update(points="25")), document=P, kind="invalid", path=f"rules[{i_s25}].params", message="S2.5 can take 25 points at once but its category S2 holds 20", rule="S2.5")
case("policy-base-mismatch.json", pol(lambda p: p["staff"].update(base="110")), document=P, kind="invalid", path="staff.base", message="the base 110 must equal the sum of the deduction categories' maxima, 100 (C1)")
case("policy-duplicate-code.json", pol(lambda p: p["rules"].append(copy.deepcopy(p["rules"][i_s11]))), document=P, kind="duplicate", path=f"rules[{len(POLICY['rules'])}].code", message="rule code S1.1 appears twice", rule="S1.1")
case("policy-unknown-category.json", pol(lambda p: p["rules"][i_s11].update(category="S9")), document=P, kind="unknown_reference", path=f"rules[{i_s11}].category", message='no staff category "S9"; expected one of S1, S2, S3, S4, S5, SB', rule="S1.1")
case("policy-linked-unknown-source.json", pol(lambda p: p["rules"][rule_index("W6.1")]["params"].update(source="S5.9")), document=P, kind="unknown_reference", path=f"rules[{rule_index('W6.1')}].params.source", message='no rule item "S5.9" to link to', rule="W6.1")
case("policy-grades-out-of-order.json", pol(lambda p: p["grades"]["bands"][1].update(min="95")), document=P, kind="invalid", path="grades.bands[1].min", message="bands go from the highest down, each below the one before: 95 is not below 90")
case("policy-grades-no-floor.json", pol(lambda p: p["grades"]["bands"][-1].update(min="0")), document=P, kind="invalid", path="grades.bands[3].min", message="the last band must have no lower bound")
case("policy-award-share-and-count.json", pol(lambda p: p["awards"]["awards"][0].update(count=2)), document=P, kind="invalid", path="awards.awards[0]", message="award model_window: give exactly one of share (a fraction) or count")
case("policy-award-share-over-1.json", pol(lambda p: p["awards"]["awards"][0].update(share="10")), document=P, kind="invalid", path="awards.awards[0].share", message="a share is a fraction between 0 and 1 (0.10 for 10%), got 10")
case("policy-threshold-empty.json", pol(lambda p: p["rules"][rule_index("S5.2")]["params"].update(any_of=[])), document=P, kind="invalid", path=f"rules[{rule_index('S5.2')}].params.any_of", message="give at least one condition", rule="S5.2")
case("policy-negative-cap.json", pol(lambda p: p["rules"][rule_index("SB.1")]["caps"].update(year="-2")), document=P, kind="invalid", path=f"rules[{rule_index('SB.1')}].caps.year", message="a cap cannot be negative, got -2", rule="SB.1")
case("policy-deep-nesting.json", None, raw=json.dumps(POLICY, ensure_ascii=False).replace('"params": {"points": "3"}', '"params": ' + "[" * 200 + "]" * 200, 1).encode("utf-8"),
     document=P, kind="syntax", path=f"rules[{rule_index('S1.2')}].params" + "[0]" * 35 + "…", message="not valid JSON: recursion limit exceeded at line 1 column 2912")
case("policy-missing-rules.json", pol(lambda p: p.pop("rules")), document=P, kind="syntax", path="", message="missing field `rules`")
# issue 20, item 2: a policy's decimals are read exactly too (0.5000…1 would be read as 0.5)
case("policy-too-many-digits.json", pol(lambda p: p["rules"][rule_index("SB.1")]["params"].update(points="0.50000000000000000000000000001")), document=P, kind="invalid",
     path=f"rules[{rule_index('SB.1')}].params.points", message='"0.50000000000000000000000000001" has more digits than a decimal holds exactly (28 after the point, 28–29 in all); it would be rounded', rule="SB.1")
# issue 20, item 1: a linked factor is bounded (limits::MAX_FACTOR) so that no sum of points can overflow
case("policy-linked-factor-over-limit.json", pol(lambda p: p["rules"][rule_index("W6.1")]["params"].update(factor="1000000000")), document=P, kind="invalid",
     path=f"rules[{rule_index('W6.1')}].params.factor", message="factor 1000000000 is beyond the limit of 1000", rule="W6.1")
# issue 20, item 4: a link's via is named as the policy writes it (the message said "via AssignedWindow")
case("policy-linked-source-wrong-subject.json", pol(lambda p: p["rules"][rule_index("W6.1")]["params"].update(source="W1.2")), document=P, kind="invalid",
     path=f"rules[{rule_index('W6.1')}].params.source", message="W1.2 is a window item but via assigned_window reads staff records", rule="W6.1")
case("policy-linked-charges-wrong-subject.json", pol(lambda p: p["rules"][rule_index("S1.3")].update(kind="linked", params={"source": "S1.2", "via": "assigned_window", "factor": "1"})),
     document=P, kind="invalid", path=f"rules[{rule_index('S1.3')}].params.via", message="via assigned_window charges a window, but S1.3 is a staff item", rule="S1.3")
# issue 20, item 6: a policy's ids, codes and texts are held to the dataset's limits (128; 4,096)
case("policy-long-id.json", pol(lambda p: p.update(id="x" * 200)), document=P, kind="invalid", path="id", message="an id or code is at most 128 characters, got 200")
case("policy-long-rule-code.json", pol(lambda p: p["rules"][i_s11].update(code="S" * 200)), document=P, kind="invalid", path=f"rules[{i_s11}].code", message="an id or code is at most 128 characters, got 200")
case("policy-long-name-zh.json", pol(lambda p: p["rules"][i_s11].update(name_zh="字" * 5000)), document=P, kind="invalid", path=f"rules[{i_s11}].name_zh", message="a text is at most 4096 characters, got 5000")
# issue 20, item 5: a value echoed in a policy's problem is cut too
case("policy-long-status-cut.json", pol(lambda p: p["settings"].update(counted_statuses=["confirmed", LONG])), document=P, kind="syntax", path="settings.counted_statuses[1]",
     message=cut(f"unknown variant `{LONG}`, expected one of `confirmed`, `pending`, `revoked`", MAX_MESSAGE_BYTES))
# issue 20, item 8: policies that could not mean what they say
case("policy-counted-statuses-empty.json", pol(lambda p: p["settings"].update(counted_statuses=[])), document=P, kind="invalid", path="settings.counted_statuses",
     message='the statuses that count must include "confirmed" (C10), got []')
case("policy-counted-statuses-pending.json", pol(lambda p: p["settings"].update(counted_statuses=["pending"])), document=P, kind="invalid", path="settings.counted_statuses",
     message='the statuses that count must include "confirmed" (C10), got ["pending"]')
case("policy-params-as-array.json", pol(lambda p: p["rules"][rule_index("S1.2")].update(params=["3"])), document=P, kind="invalid", path=f"rules[{rule_index('S1.2')}].params",
     message='the params of per_occurrence are named, in an object ({"name": value, …}), not a list', rule="S1.2")
case("policy-link-to-linked.json", pol(lambda p: p["rules"][rule_index("W6.2")]["params"].update(source="W6.1")), document=P, kind="invalid", path=f"rules[{rule_index('W6.2')}].params.source",
     message="W6.1 is itself a linked item: it has no records of its own to read; link to the item it reads", rule="W6.2")
case("policy-threshold-counts-itself.json", pol(lambda p: p["rules"][rule_index("S5.2")]["params"].update(counts="S5.2")), document=P, kind="invalid", path=f"rules[{rule_index('S5.2')}].params.counts",
     message="S5.2 would count itself, which has no records: name the item whose occurrences it counts", rule="S5.2")
case("policy-threshold-at-least-0.json", pol(lambda p: p["rules"][rule_index("S5.2")]["params"]["any_of"][0].update(at_least=0)), document=P, kind="invalid",
     path=f"rules[{rule_index('S5.2')}].params.any_of[0].at_least", message="at_least 0 is met by every subject every month: give 1 or more", rule="S5.2")
case("policy-max-total-below-base.json", pol(lambda p: p["staff"].update(max_total="90")), document=P, kind="invalid", path="staff.max_total",
     message="max_total 90 is below the base 100 (C1, C3): a subject with no record could not score its base")
case("policy-grades-equal-minimums.json", pol(lambda p: p["grades"]["bands"][1].update(min=p["grades"]["bands"][0]["min"])), document=P, kind="invalid", path="grades.bands[1].min",
     message="bands go from the highest down, each below the one before: 90 is not below 90")


# ---- a policy and a dataset together (issue 20, item 1): each validated, then the dataset against the policy
def tiny_source_max(value):
    return pol(lambda p: p["rules"][rule_index("W2")]["params"].update(source_max=value))


def per_unit_linked(p):
    # S1.2 at 1e9 points a half day, W6.1 reading it at the largest factor allowed
    p["rules"][rule_index("S1.2")].update(kind="per_unit", params={"points_per_unit": "1000000000", "unit": "half_day"})
    p["rules"][rule_index("W6.1")]["params"].update(source="S1.2", factor="1000")


S1_RECORDS = with_records(GOOD["records"][0], rec(id="R2", date="2026-03-09"))
# W2 = S1's deductions / source_max × W2's max: 1e-28 overflowed a division, 1e-27 a multiplication
case("pair-tiny-source-max-1e-28.policy.json", tiny_source_max("0.0000000000000000000000000001"), document=P, ok=True)
case("pair-tiny-source-max-1e-28.json", S1_RECORDS, policy="pair-tiny-source-max-1e-28.policy.json", ok=True)
case("pair-tiny-source-max-1e-27.policy.json", tiny_source_max("0.000000000000000000000000001"), document=P, ok=True)
case("pair-tiny-source-max-1e-27.json", S1_RECORDS, policy="pair-tiny-source-max-1e-27.policy.json", ok=True)
case("pair-per-unit.policy.json", pol(per_unit_linked), document=P, ok=True)
# 1e9 half days × 1e9 points is one occurrence past the limit: refused naming the record (80 of them overflowed a sum)
case("pair-per-unit-overflow.json", with_records(rec(units="1000000000", count=80)), policy="pair-per-unit.policy.json",
     kind="invalid", path="records[0].units", message="1000000000 half_day × 1000000000 points is beyond the limit of 1000000000 points for one occurrence", record="X1", rule="S1.2")
# at the limits (1e9 points an occurrence, 1,000 occurrences a record, factor 1,000) every sum fits
case("pair-per-unit-at-limits.json", with_records(rec(units="1", count=80), rec(id="X2", units="1", count=1000, date="2026-10-10"), rec(id="X3", units="1", count=1000, date="2026-03-09")),
     policy="pair-per-unit.policy.json", ok=True)


def main():
    check = "--check" in sys.argv
    expected = {}
    stale = []
    for name, (_, exp) in cases.items():
        # a dataset's own policy is a case of the corpus, and one that is accepted
        if "policy" in exp:
            pexp = cases.get(exp["policy"], (None, {}))[1]
            assert pexp.get("document") == "policy" and pexp.get("ok"), f"{name}: its policy {exp['policy']} is not an accepted policy case"
    for name, (data, exp) in sorted(cases.items()):
        expected[name] = exp
        path = HERE / name
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
    manifest = (json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    if check:
        if (HERE / "expected.json").read_bytes() != manifest:
            stale.append("expected.json")
        if stale:
            sys.exit(f"stale corpus files (run python3 tests/bad-inputs/make.py): {stale}")
        print(f"ok: {len(cases)} corpus files up to date")
    else:
        (HERE / "expected.json").write_bytes(manifest)
        print(f"wrote {len(cases)} corpus files and expected.json")


main()
