"""kaoping.read_records: the clerk's filled sheet read from Python by the same importer as
``kaoping import`` (issue 22, "one importer"): what the command accepts, Python accepts with the
same records; what it refuses, Python refuses at the same cells."""

from __future__ import annotations

import json
import pathlib
import subprocess
from typing import Any, Dict, List, Tuple

import pytest

import kaoping
from conftest import SAMPLE, kaoping_bin, run_cli


def _subjects() -> Tuple[str, str, str]:
    ds = json.loads(SAMPLE.read_text(encoding="utf-8"))
    s = next(s for s in ds["staff"] if len(s["assignments"]) == 1 and "from" not in s["assignments"][0] and "to" not in s["assignments"][0])
    w = next(w for w in ds["windows"] if "opened" not in w and "closed" not in w)
    return s["id"], s["name"], w["id"]


def _sheet(sid: str, sname: str, wid: str) -> str:
    # the template's Chinese headers, an item picked from the drop-down with its name, a subject
    # as "id name", three date forms, a status and a level in Chinese
    return (
        "记录编号,考评项目,对象编号,日期,次数,分钟,分值,级别,情节加重,状态,佐证材料,备注\r\n"
        f",S1.1 迟到、早退、擅自离岗、窗口空岗,{sid} {sname},2026-10-09,,45,,,,,,\"迟到,45分钟\"\r\n"
        f"K2,S2.3,{sid},2026/10/12,,,3.5,,,,,与群众争执\r\n"
        f"K3,S5.3,{sid},2026年10月20日,,,,县级,,待核实,,通报\r\n"
        f"K4,WB.3 收到服务对象赠送锦旗或表扬信,{wid},2026-10-21,2,,,,,,锦旗照片,群众送锦旗\r\n"
    )


def _records(doc: Dict[str, Any]) -> List[Dict[str, Any]]:
    return list(doc["records"])


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_filled_sheet_reads_the_same_as_the_command(tmp_path: pathlib.Path, encoding: str) -> None:
    sid, sname, wid = _subjects()
    csv = tmp_path / "october.csv"
    csv.write_bytes(_sheet(sid, sname, wid).encode(encoding))
    roster = kaoping.Dataset.from_file(SAMPLE)
    got = json.loads(kaoping.read_records(csv, roster).to_json())
    want = json.loads(run_cli("import", str(csv), "--roster", str(SAMPLE)))
    assert got == want
    n = len(json.loads(SAMPLE.read_text(encoding="utf-8"))["records"])
    new = _records(got)[n:]
    # the sheet's four records after the roster's, read as the command reads them
    assert [(r["id"], r["rule"], r["subject"], r["date"]) for r in new] == [
        ("R20261009-2", "S1.1", sid, "2026-10-09"),
        ("K2", "S2.3", sid, "2026-10-12"),
        ("K3", "S5.3", sid, "2026-10-20"),
        ("K4", "WB.3", wid, "2026-10-21"),
    ]
    # replace: the sheet's records alone
    only = json.loads(kaoping.read_records(csv, roster, replace=True).to_json())
    assert [r["id"] for r in _records(only)] == ["R20261009-2", "K2", "K3", "K4"]


def test_a_bad_sheet_is_refused_at_the_same_cells(tmp_path: pathlib.Path) -> None:
    sid, sname, _ = _subjects()
    csv = tmp_path / "bad.csv"
    # row 2: a code with a look-alike letter; row 3: a name typed instead of the id; row 4: no such month
    csv.write_text(
        "考评项目,对象编号,日期\r\n"
        f"S1.l,{sid},2026-10-09\r\n"
        f"S1.1,{sname},2026-10-09\r\n"
        f"S1.1,{sid},2026-13-01\r\n",
        encoding="utf-8",
    )
    roster = kaoping.Dataset.from_file(SAMPLE)
    with pytest.raises(kaoping.ValidationError) as e:
        kaoping.read_records(csv, roster)
    assert e.value.document == "sheet"
    places = [p.path for p in e.value.problems]
    # the cells' messages are in the policy's language: English for the library's default policy,
    # as the command writes them with --lang en
    cli = subprocess.run([str(kaoping_bin()), "import", str(csv), "--roster", str(SAMPLE), "--lang", "en"], capture_output=True, text=True, encoding="utf-8")
    assert cli.returncode == 1
    lines = [l.strip() for l in cli.stderr.splitlines()[1:] if l.strip()]
    # the same cells, the same messages, in the same order
    assert [f"{p.path}: {p.message}" for p in e.value.problems] == lines
    assert places == ["bad.csv!A2", "bad.csv!B3", "bad.csv!C4"]
    # the name is not mapped: its id is suggested
    assert sid in e.value.problems[1].message
    # a Chinese policy: the command's default words (S1.l is S1.1 with a look-alike letter)
    with pytest.raises(kaoping.ValidationError) as zh:
        kaoping.read_records(csv, roster, kaoping.Policy.builtin().with_lang("zh-CN"))
    cli = subprocess.run([str(kaoping_bin()), "import", str(csv), "--roster", str(SAMPLE)], capture_output=True, text=True, encoding="utf-8")
    lines = [l.strip() for l in cli.stderr.splitlines()[1:] if l.strip()]
    assert [f"{p.path}: {p.message}" for p in zh.value.problems] == lines
    assert zh.value.problems[0].message.startswith("考评项目: 没有考评项目“S1.l”; 是 S1.1 (")


def test_a_csv_has_no_sheet_and_a_missing_file_names_itself(tmp_path: pathlib.Path) -> None:
    sid, sname, wid = _subjects()
    csv = tmp_path / "october.csv"
    csv.write_text(_sheet(sid, sname, wid), encoding="utf-8")
    roster = kaoping.Dataset.from_file(SAMPLE)
    with pytest.raises(kaoping.ValidationError) as e:
        kaoping.read_records(csv, roster, sheet="记录")
    assert e.value.document == "sheet"
    with pytest.raises(kaoping.ValidationError) as e:
        kaoping.read_records(tmp_path / "missing.xlsx", roster)
    assert "missing.xlsx" in e.value.problems[0].path



def test_other_measures_results_decode(tmp_path: pathlib.Path) -> None:
    # issue 23's city measure: its results carry fields the county's never do (a roll-up's
    # score_detail, 不定等次's grade_detail); they decode into the types, equal to the command's
    from conftest import ROOT

    city = ROOT / "examples" / "policies" / "city.json"
    staff = [{"id": f"S0{i}", "name": f"S0{i}", "assignments": [{"window": "W01"}]} for i in range(1, 3)]
    # S03 in post from September: 4 months, fewer than the measure's 6 for a grade
    staff.append({"id": "S03", "name": "S03", "assignments": [{"window": "W01", "from": "2026-09-01"}]})
    doc = {
        "hall": {"id": "ZZ", "name": "ZZ市政务服务中心"}, "year": 2026,
        "departments": [{"id": "D1", "name": "市场监管局"}],
        "windows": [{"id": "W01", "name": "W01", "department": "D1"}], "staff": staff, "records": [],
        "inputs": [{"subject": "S01", "period": "2026", "name": "annual_appraisal", "value": "80"}],
    }
    path = tmp_path / "city-hall.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    want = json.loads(run_cli("score", str(path), "--period", "2026", "--format", "json", "--lang", "en", "--policy", str(city)))
    got = kaoping.evaluate(kaoping.Policy.from_file(city).with_lang("en"), kaoping.Dataset.from_file(path), "2026")
    assert [(s.subject, str(s.score), s.grade, s.score_detail, s.grade_detail) for s in got.staff] == [
        (s["subject"], s["score"], s["grade"], s.get("score_detail"), s.get("grade_detail")) for s in want["staff"]
    ]
    by = {s.subject: s for s in got.staff}
    # V9: 0.8 × 1200/12 + 0.2 × 80 = 80 + 16 = 96, composed and explained
    assert str(by["S01"].score) == "96" and by["S01"].score_detail
    # V16: four months in post, no grade
    assert by["S03"].grade == "不定等次" and by["S03"].grade_detail


def test_the_reports_workbook_is_the_commands(tmp_path: pathlib.Path) -> None:
    # issue 22: to_excel writes the same workbook as `kaoping report` (the same sheets and cells)
    import zipfile

    policy, ds = kaoping.Policy.builtin(), kaoping.Dataset.from_file(SAMPLE)
    mine = tmp_path / "python.xlsx"
    kaoping.to_excel(policy, ds, "2026-Q3", mine)
    theirs = tmp_path / "command.xlsx"
    run_cli("report", str(SAMPLE), "--period", "2026-Q3", "-o", str(theirs))
    a, b = zipfile.ZipFile(mine), zipfile.ZipFile(theirs)
    assert sorted(a.namelist()) == sorted(b.namelist())
    # every part but the timestamps of docProps/core.xml byte for byte
    for name in a.namelist():
        if name != "docProps/core.xml":
            assert a.read(name) == b.read(name), name
    assert kaoping.report_workbook(policy, ds, "2026-10")[:2] == b"PK"
