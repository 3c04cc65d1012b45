#!/usr/bin/env python3
"""Generate the sample dataset ``examples/data/county-2026.json``.

What it is
----------
A made-up but realistic calendar year 2026 of one county service hall
(XX县政务服务大厅), in the dataset format of ``core/src/dataset.rs`` /
``schemas/dataset.schema.json``, scored by the built-in county policy
(``core/policies/county.json``, rule codes per ``spec/rules.md``).  It is the
demo input of the CLI, the input of the schema check in CI and a seed for
benchmarks.  Everything comes from ``random.Random(2026)`` and fixed tables
below: no clock, no hash order, no locale, no third-party package.  The
output is ``json.dumps(ensure_ascii=False, indent=1)`` with keys in a fixed
order, so every run writes the same bytes (``--check`` proves it in CI).

What is in it, and why
----------------------
* 15 departments (进驻单位) and 30 windows (窗口) of very different sizes:
  不动产登记 and 税务 windows handle 2,000-3,400 cases a month (WB.4 at both
  tiers), 规划用地 or 婚姻登记 a few hundred, so cases per staff member fall on
  both sides of 100 (SB.3), and some borderline windows qualify only in busy
  months.  Cases follow a season: Spring Festival in February, 个税汇算 in
  March-June, 居民医保征缴 in the autumn, the year-end rush in December.
* One window opens mid-month (“高效办成一件事”窗口, 2026-07-13) and one closes
  mid-month (农业农村窗口, 2026-09-18): partial months, metrics only while open,
  window records only on open days.
* Window heads (窗口负责人, W1.1): most windows have one head all year;
  房屋交易窗口 (April), 交通运输窗口 (June) and 户籍业务窗口 (November) have a
  gap of some days in one month; 社会救助窗口 has no head in June and July
  after its head retires.
* About 120 staff with assignments that never overlap per person; about 10
  movers change window mid-month (W2/W3 weigh them by days in both windows,
  S5.1/S5.3 follow the window of the record's date), the staff of the closing
  window are moved, 8 people join during the year (first assignment from e.g.
  2026-08-10), 4 leave and one is away April-July (产假) and comes back: those
  months she is not evaluated, and no staff record falls on a day without an
  assignment (E9).
* Targets of the three “三率” (90 / 95 / 85 %) and, for every open
  window-month, the three rates with one decimal; weaker windows fall below a
  target in some months (W5.1) and improve over the year.
* About 2,000 records touching every recordable rule of the policy (every
  per_occurrence, discretionary, level_points and per_unit rule; never the
  derived W1.1, W2, W3, W5.1, W6.1, W6.2, S5.2, SB.3, WB.4).  Frequencies are
  what a hall's patrol log looks like: many S1.1 lates (with minutes, some
  exactly 30, some above, some stated ``aggravated`` or with no minutes at
  all for an empty window, E1), S3.1 no uniform, S2.1 phones; very few S2.5
  (吃拿卡要), one of them also publicly criticised (S5.3).  A few "problem"
  staff collect many records, so some monthly scores fall into the 70s-80s.
* Complaints (S5.1, points 2-5, some fractional) are planned so that the
  thresholds fire: a member with 2 in one month (S5.2), a member with a 3rd
  complaint of the year (S5.2 in that month only), a mover with one complaint
  in each of two windows in the same month, and 不动产登记窗口1 whose staff
  collect a 5th complaint in September (W6.1: W6 is 0 for the year).  Other
  complaints are spread so no other window reaches 5; a revoked and a pending
  complaint show that only confirmed records count (C10).
* S5.3 public criticism at county, city and province level (W6.2 and the
  loss of quarterly/annual award eligibility).
* Bonuses that hit every cap: SB.1 banners past the yearly 2 points, WB.3
  letters past the monthly 2 and the yearly 4, WB.1 visits and WB.2 contests
  past the yearly 2 (some WB.2 without evidence, E12), SB.2 articles and WB.5
  reforms with achievement keys where the same article or reform appears at
  two levels in different months (top-up, or not counted when lower: E4), and
  once in the same month.
* Discretionary points within range (S2.3 3-5, S5.1 2-5, W4.1/W4.2 2-5),
  sometimes fractional ("2.5"); records mostly confirmed (status omitted),
  some pending (more of them in the last weeks, still under review) and a few
  revoked; ``count`` 2-3 on some non-keyed records; notes in Chinese and
  evidence references on some records.  Records are sorted by date and
  numbered R00001, R00002, ...

Usage
-----
    python3 examples/generate_sample.py            # write examples/data/county-2026.json
    python3 examples/generate_sample.py --check    # exit 1 if the committed file differs
    python3 examples/generate_sample.py --summary  # print what the data contains
    python3 examples/generate_sample.py --scale 10 --out /tmp/big.json   # benchmarks

``--scale N`` repeats the whole hall N times inside one dataset (N× windows,
staff and records, same 15 departments, every feature N times); ids widen as
needed.  With N other than 1, ``--out`` is required so the sample is never
overwritten by accident (and keep such files out of examples/data/, which CI
validates).
"""

import argparse
import datetime as dt
import json
import os
import sys
from collections import Counter
from random import Random

YEAR = 2026
SEED = 2026
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "data", "county-2026.json")

D = dt.date
JAN1 = D(YEAR, 1, 1)
DEC31 = D(YEAR, 12, 31)
ONE_DAY = dt.timedelta(days=1)

# Public holidays of 2026 (国务院办公厅 schedule) and the weekend days worked instead (调休).
HOLIDAYS = (
    [D(2026, 1, d) for d in (1, 2, 3)]
    + [D(2026, 2, d) for d in range(15, 24)]
    + [D(2026, 4, d) for d in (4, 5, 6)]
    + [D(2026, 5, d) for d in range(1, 6)]
    + [D(2026, 6, d) for d in (19, 20, 21)]
    + [D(2026, 9, d) for d in (25, 26, 27)]
    + [D(2026, 10, d) for d in range(1, 8)]
)
MAKEUP_WORKDAYS = [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)]

DEPARTMENTS = [
    "县市场监督管理局",
    "县人力资源和社会保障局",
    "县公安局",
    "县不动产登记中心",
    "县税务局",
    "县医疗保障局",
    "县住房公积金管理中心",
    "县自然资源局",
    "县住房和城乡建设局",
    "县民政局",
    "县卫生健康局",
    "县交通运输局",
    "县行政审批服务局",
    "县农业农村局",
    "县退役军人事务局",
]

# (department index, base name, number within the base name or None, initial staff,
#  typical monthly cases, season profile).  Indexes into this table are used by the
#  roster and scenario tables below.
WINDOWS = [
    (0, "市场准入窗口", 1, 6, 2600, "plain"),  # 0
    (0, "市场准入窗口", 2, 4, 1900, "plain"),  # 1
    (0, "食品经营许可窗口", None, 3, 330, "plain"),  # 2
    (1, "社保经办窗口", 1, 6, 2700, "social"),  # 3
    (1, "社保经办窗口", 2, 4, 2100, "social"),  # 4
    (1, "就业创业服务窗口", None, 3, 380, "plain"),  # 5
    (2, "户籍业务窗口", None, 5, 1500, "plain"),  # 6
    (2, "出入境业务窗口", None, 3, 400, "travel"),  # 7
    (2, "交管业务窗口", None, 5, 2300, "plain"),  # 8
    (3, "不动产登记窗口", 1, 7, 3200, "property"),  # 9
    (3, "不动产登记窗口", 2, 5, 2500, "property"),  # 10
    (3, "不动产登记窗口", 3, 4, 1400, "property"),  # 11
    (4, "税费综合窗口", 1, 6, 2900, "tax"),  # 12
    (4, "税费综合窗口", 2, 4, 2000, "tax"),  # 13
    (4, "税费综合窗口", 3, 3, 1500, "tax"),  # 14
    (5, "医保经办窗口", 1, 5, 2200, "social"),  # 15
    (5, "医保经办窗口", 2, 3, 1100, "social"),  # 16
    (6, "公积金业务窗口", None, 3, 900, "plain"),  # 17
    (7, "规划用地窗口", None, 3, 160, "plain"),  # 18
    (8, "工程建设审批窗口", None, 3, 210, "plain"),  # 19
    (8, "房屋交易窗口", None, 3, 650, "property"),  # 20
    (9, "婚姻登记窗口", None, 3, 230, "marriage"),  # 21
    (9, "社会救助窗口", None, 3, 260, "plain"),  # 22
    (10, "卫生健康窗口", None, 3, 310, "plain"),  # 23
    (11, "交通运输窗口", None, 3, 280, "plain"),  # 24
    (12, "综合受理窗口", 1, 4, 1300, "plain"),  # 25
    (12, "综合受理窗口", 2, 4, 1200, "plain"),  # 26
    (12, "“高效办成一件事”窗口", None, 0, 760, "plain"),  # 27: opens mid-July
    (13, "农业农村窗口", None, 2, 90, "plain"),  # 28: closes mid-September
    (14, "退役军人服务窗口", None, 2, 120, "plain"),  # 29
]
NEW_WINDOW, NEW_WINDOW_OPENS = 27, D(2026, 7, 13)
CLOSING_WINDOW, CLOSING_WINDOW_CLOSES = 28, D(2026, 9, 18)

# Monthly case factors in percent (February: Spring Festival; October: National Day).
SEASON = {
    "plain": [105, 72, 112, 104, 96, 104, 102, 98, 101, 82, 103, 118],
    "social": [118, 70, 104, 98, 92, 100, 104, 96, 110, 88, 116, 132],
    "property": [102, 66, 110, 108, 100, 112, 104, 96, 104, 80, 108, 124],
    "tax": [110, 70, 126, 122, 116, 118, 98, 94, 98, 80, 96, 110],
    "travel": [112, 82, 92, 96, 100, 104, 126, 124, 98, 86, 90, 96],
    "marriage": [118, 96, 92, 96, 118, 100, 92, 112, 98, 104, 88, 100],
}

TARGETS = {"online_full_process": 900, "online_available": 950, "one_network": 850}  # tenths of a percent
RATE_KEYS = list(TARGETS)
# Windows whose services are mostly in person (marriage, planning, relief, farming, permits):
# their online rates start below target in some months and improve over the year (W5.1).
WEAK_RATES = {7, 18, 19, 21, 22, 28}

# Roster events, by (window index, k-th initial member of that window).  Member 0 is the head.
LEAVERS = [((20, 0), D(2026, 4, 10)), ((22, 0), D(2026, 5, 31)), ((13, 3), D(2026, 6, 30)), ((4, 3), D(2026, 10, 16))]
JOINERS = [  # (window, first day)
    (1, D(2026, 3, 2)),
    (20, D(2026, 4, 20)),
    (22, D(2026, 6, 1)),
    (13, D(2026, 7, 6)),
    (NEW_WINDOW, NEW_WINDOW_OPENS),
    (NEW_WINDOW, NEW_WINDOW_OPENS),
    (10, D(2026, 8, 10)),
    (4, D(2026, 10, 19)),
]
MOVES = [  # (member, to window, first day there): a member may move twice
    ((3, 5), 4, D(2026, 3, 16)),
    ((12, 5), 14, D(2026, 4, 13)),
    ((9, 6), 11, D(2026, 5, 11)),
    ((24, 0), 19, D(2026, 6, 15)),
    ((0, 5), NEW_WINDOW, NEW_WINDOW_OPENS),
    ((25, 3), NEW_WINDOW, NEW_WINDOW_OPENS),
    ((15, 4), 16, D(2026, 9, 14)),
    ((28, 0), 25, CLOSING_WINDOW_CLOSES + ONE_DAY),
    ((28, 1), 26, CLOSING_WINDOW_CLOSES + ONE_DAY),
    ((9, 6), 10, D(2026, 10, 12)),
    ((6, 4), 7, D(2026, 11, 9)),
]
LEAVE_OF_ABSENCE = ((16, 2), D(2026, 3, 31), D(2026, 8, 3))  # last day before, first day back
# Head changes: (window, old head or None, old term ends, new head, new term starts).
HEAD_CHANGES = [
    (20, (20, 0), D(2026, 4, 10), (20, 1), D(2026, 4, 20)),  # head leaves; successor after 9 days
    (22, (22, 0), D(2026, 5, 31), (22, 1), D(2026, 8, 1)),  # no head in June and July
    (24, (24, 0), D(2026, 6, 14), (24, 1), D(2026, 6, 22)),  # head moved away; a week without
    (6, (6, 0), D(2026, 11, 6), (6, 1), D(2026, 11, 16)),  # term renewal with a gap
]
NEW_WINDOW_HEAD = (25, 3)  # moved in on the opening day
W61_WINDOW = 9  # 不动产登记窗口1: its staff's 5th complaint of the year comes in September

# Background frequencies per hall-year (planned scenario records come on top).
STAFF_RULES = [
    ("S1.1", 530), ("S1.2", 12), ("S1.3", 38), ("S1.4", 26),
    ("S2.1", 160), ("S2.2", 120), ("S2.3", 24), ("S2.4", 4),
    ("S3.1", 250), ("S3.2", 60), ("S3.3", 15), ("S3.4", 48), ("S3.5", 5),
    ("S4.1", 120), ("S4.2", 24), ("S4.3", 82),
    ("SB.1", 56), ("SB.4", 11),
]
WINDOW_RULES = [
    ("W1.3", 24), ("W4.1", 10), ("W4.2", 8), ("W4.3", 8), ("W4.4", 11), ("W5.2", 15), ("W6.3", 20),
    ("WB.1", 18), ("WB.2", 14), ("WB.3", 52),
]
# Staff-record frequency by month, relative (a discipline drive in March-April; year-end fatigue).
MONTH_WEIGHT = [11, 9, 13, 13, 10, 10, 9, 9, 10, 9, 10, 12]
COUNTABLE = {"S1.1", "S2.1", "S2.2", "S3.1", "S4.1", "S4.2", "S4.3", "SB.1", "W1.3", "WB.3"}

NOTES = {
    "S1.1": ["上午迟到", "下午迟到", "提前离岗", "擅自离岗", "考勤机记录迟到"],
    "S1.2": ["不服从大厅现场调度安排", "拒不执行中心分流引导安排"],
    "S1.3": ["无故缺席中心周例会", "业务培训期间玩手机", "参加培训迟到早退"],
    "S1.4": ["请假未履行审批手续", "假期结束未及时销假"],
    "S2.1": ["工作时间刷短视频", "上班时间浏览购物网站", "工作时间玩手机游戏"],
    "S2.2": ["工作时间吃零食", "工作时间佩戴耳机", "窗口内打瞌睡", "窗口内聚集聊天"],
    "S2.3": ["与办事群众发生争执", "使用不文明用语", "与企业办事人员吵架"],
    "S2.4": ["将办事人身份信息转发至非工作群", "向无关人员透露企业申报信息"],
    "S2.5": ["接受服务对象宴请", "向办事群众索要财物", "借审查接件故意刁难申请人"],
    "S3.1": ["未按规定着装", "未穿工作服"],
    "S3.2": ["接待群众态度生硬", "未使用文明礼仪用语"],
    "S3.3": ["材料齐全却中止受理", "临近下班中止办理"],
    "S3.4": ["对咨询问题解答含糊不清", "未一次性告知所需材料", "对群众咨询推诿"],
    "S3.5": ["暗示申请人赠送锦旗", "要求申办人出面表扬"],
    "S4.1": ["窗口台面物品摆放杂乱", "工位垃圾未清理"],
    "S4.2": ["窗口内使用电暖器", "下班未关空调"],
    "S4.3": ["下班后电脑未关机", "夜间巡查发现电脑未关"],
    "S5.1": ["12345热线转办投诉, 经核查属实", "群众现场投诉办事效率低, 经核查属实", "好差评系统差评, 经核实为工作人员责任"],
    "SB.1": ["收到办事群众赠送锦旗", "收到企业表扬信", "收到群众感谢信"],
    "SB.4": ["提出的“周末不打烊”建议被采纳", "“帮办代办”流程优化建议被采纳", "提出的叫号系统分流建议被采纳"],
    "W1.2": ["窗口人员调整未报中心备案"],
    "W1.3": ["未派人参加中心月度例会", "月度工作总结逾期未报送", "未按要求参加中心业务培训"],
    "W4.1": ["政务服务事项清单未动态调整", "事项要素未及时填报发布"],
    "W4.2": ["部分事项未进驻大厅办理", "审批授权未到位", "人员进驻不到位"],
    "W4.3": ["要求申请人提供清单外材料", "实际办理时限与公布不一致"],
    "W4.4": ["办事指南未按新政策更新", "一次性告知单未公开"],
    "W5.2": ["“高效办成一件事”改革任务未按期完成", "“跨省通办”事项未按期上线", "“免证办”改造任务未完成"],
    "W6.3": ["12345工单超期未回复", "咨询件未按时答复"],
    "WB.1": ["部门主要负责同志到窗口调研指导"],
    "WB.2": ["组织窗口人员业务知识考试", "组织窗口业务技能比赛"],
    "WB.3": ["收到企业赠送锦旗", "收到群众表扬信"],
}
AGGRAVATED_NOTES = {
    "S1.1": "擅自离岗超过30分钟",
    "S3.2": "态度生硬引发群众不满, 造成不良影响",
    "S3.4": "业务不熟引起群众投诉",
    "W6.3": "投诉回复推诿塞责、含糊不清",
}
S53_NOTES = {
    "county": ["县纪委监委作风建设通报", "县政府督查室暗访通报"],
    "city": ["市政务服务管理局暗访通报"],
    "province": ["省政务服务效能督查通报"],
}
ARTICLES = [
    "窗口“延时服务”让群众少跑腿", "一枚印章管审批的县域实践", "“交房即交证”背后的窗口故事",
    "社保窗口里的暖心服务", "帮办代办跑出加速度", "企业开办“一日办结”见闻", "医保窗口“一站式”结算纪实",
    "政务大厅里的“周末不打烊”", "婚姻登记颁证仪式进大厅", "退役军人服务“一站通”", "户籍窗口上门办证记",
    "税费窗口“非接触式”办税", "小窗口连着大民生", "“跨省通办”让异地办事不再难",
]


def d2s(d):
    return d.isoformat()


def month_of(d):
    return d.month


def fmt_tenths(v):
    return str(v // 10) if v % 10 == 0 else "%d.%d" % (v // 10, v % 10)


def days_in_month(m):
    nxt = D(YEAR + 1, 1, 1) if m == 12 else D(YEAR, m + 1, 1)
    return (nxt - D(YEAR, m, 1)).days


def all_days():
    d, out = JAN1, []
    while d <= DEC31:
        out.append(d)
        d += ONE_DAY
    return out


DAYS = all_days()
_HOL, _MAKEUP = set(HOLIDAYS), set(MAKEUP_WORKDAYS)
WORKDAYS = [d for d in DAYS if d in _MAKEUP or (d.weekday() < 5 and d not in _HOL)]


def covers(start, end, d):
    return (start is None or start <= d) and (end is None or d <= end)


class Member:
    def __init__(self, sid, name, dept):
        self.id, self.name, self.dept = sid, name, dept
        self.assignments = []  # [window id, from or None, to or None]

    def window_on(self, d):
        for w, a, b in self.assignments:
            if covers(a, b, d):
                return w
        return None

    def workdays(self, lo=None, hi=None, window=None):
        return [d for d in WORKDAYS
                if self.window_on(d) is not None and (window is None or self.window_on(d) == window)
                and (lo is None or d >= lo) and (hi is None or d <= hi)]


class Hall:
    """The whole dataset under construction; blocks (one per --scale step) add to it."""

    def __init__(self, scale, seed=SEED, density=1):
        self.rng = Random(seed)
        self.scale = scale
        self.density = density  # multiplies the background frequencies (benchmarks); 1 = the sample
        nw = len(WINDOWS) * scale
        self.wwidth = max(2, len(str(nw)))
        self.swidth = max(3, len(str(130 * scale)))
        self.windows = []  # dicts: id, name, dept, opened, closed, heads, cases, quality, propensity
        self.members = []
        self.records = []  # (sort key, record dict)
        self.names = set()
        self.seq = 0
        self.stats = Counter()

    # ------------------------------------------------------------ helpers
    def name(self):
        rng = self.rng
        for attempt in range(1000):
            s = rng.choice(SURNAMES)
            if rng.randrange(100) < 62:
                g = rng.choice(GIVEN) + rng.choice(GIVEN)
            else:
                g = rng.choice(GIVEN_SOLO)
            if s + g not in self.names or attempt > 200:
                self.names.add(s + g)
                return s + g
        raise AssertionError("unreachable")

    def new_member(self, dept):
        m = Member("S%0*d" % (self.swidth, len(self.members) + 1), self.name(), dept)
        m.propensity = self.propensity()
        self.members.append(m)
        return m

    def propensity(self):
        r = self.rng.randrange(100)
        if r < 70:
            return self.rng.randint(5, 12)
        if r < 90:
            return self.rng.randint(12, 20)
        if r < 98:
            return self.rng.randint(20, 32)
        return 45

    def add(self, rule, subject, date, count=1, minutes=None, points=None, level=None, key=None,
            aggravated=False, status=None, evidence=None, note=None, planned=False):
        assert D(YEAR, 1, 1) <= date <= DEC31
        self.seq += 1
        rec = {"rule": rule, "subject": subject, "date": date, "count": count, "minutes": minutes,
               "points": points, "level": level, "key": key, "aggravated": aggravated, "status": status,
               "evidence": evidence, "note": note, "planned": planned, "seq": self.seq}
        self.records.append(rec)
        return rec

    def times(self, n):
        """A background frequency scaled by ``density`` (unchanged at density 1)."""
        return n if self.density == 1 else int(round(n * self.density))

    def pick_day(self, days, weight_by_month=True):
        if weight_by_month:
            return self.rng.choices(days, weights=[MONTH_WEIGHT[d.month - 1] for d in days])[0]
        return self.rng.choice(days)

    # ------------------------------------------------------------ one block: a whole hall-year
    def block(self, b):
        rng = self.rng
        base = len(self.windows)
        names_used = Counter()
        win = []
        for i, (dept, bname, num, _n, cases, season) in enumerate(WINDOWS):
            if num is not None:
                per = sum(1 for t in WINDOWS if t[1] == bname)
                wname = "%s%d" % (bname, num + b * per)
            else:
                wname = bname if b == 0 else "%s%d" % (bname, b + 1)
            names_used[wname] += 1
            w = {
                "id": "W%0*d" % (self.wwidth, base + i + 1),
                "name": wname,
                "dept": "D%02d" % (dept + 1),
                "opened": NEW_WINDOW_OPENS if i == NEW_WINDOW else None,
                "closed": CLOSING_WINDOW_CLOSES if i == CLOSING_WINDOW else None,
                "heads": [],
                "cases": cases,
                "season": season,
                "propensity": rng.randint(6, 16),
            }
            w["workdays"] = [d for d in WORKDAYS if covers(w["opened"], w["closed"], d)]
            win.append(w)
        self.windows.extend(win)

        # initial staff, member 0 of each window is its head
        staff = {}
        for i, t in enumerate(WINDOWS):
            staff[i] = []
            for k in range(t[3]):
                m = self.new_member(win[i]["dept"])
                m.assignments.append([win[i]["id"], None, None])
                staff[i].append(m)
        ref = lambda wk: staff[wk[0]][wk[1]]
        joiners = []
        for wi, day in JOINERS:
            m = self.new_member(win[wi]["dept"])
            m.assignments.append([win[wi]["id"], day, None])
            joiners.append(m)
            staff[wi].append(m)
        moved = []
        for wk, to, day in MOVES:
            m = ref(wk)
            m.assignments[-1][2] = day - ONE_DAY
            m.assignments.append([win[to]["id"], day, None])
            moved.append((m, win[to], day))
        for wk, day in LEAVERS:
            ref(wk).assignments[-1][2] = day
        m = ref(LEAVE_OF_ABSENCE[0])
        m.assignments[-1][2] = LEAVE_OF_ABSENCE[1]
        m.assignments.append([m.assignments[-1][0], LEAVE_OF_ABSENCE[2], None])
        self.stats["movers"] += len({id(x[0]) for x in moved})
        self.stats["joiners"] += len(joiners)
        self.stats["leavers"] += len(LEAVERS)

        # heads
        changed = {c[0]: c for c in HEAD_CHANGES}
        for i, w in enumerate(win):
            if i == NEW_WINDOW:
                w["heads"].append([ref(NEW_WINDOW_HEAD).id, NEW_WINDOW_OPENS, None])
            elif i == CLOSING_WINDOW:
                w["heads"].append([staff[i][0].id, None, CLOSING_WINDOW_CLOSES])
            elif i in changed:
                _, old, end, new, start = changed[i]
                w["heads"].append([ref(old).id, None, end])
                w["heads"].append([ref(new).id, start, None])
            else:
                w["heads"].append([staff[i][0].id, None, None])

        # metrics inputs: rates quality per window
        for i, w in enumerate(win):
            weak = rng.randrange(100) < 10 or i in WEAK_RATES
            w["rate_base"] = {
                "online_full_process": rng.randint(870, 905) if weak else rng.randint(912, 970),
                "online_available": rng.randint(935, 955) if weak else rng.randint(962, 992),
                "one_network": rng.randint(818, 856) if weak else rng.randint(865, 940),
            }
            w["rate_trend"] = rng.randint(0, 4)  # tenths per month of improvement

        block_members = [m for i in range(len(WINDOWS)) for m in staff[i]]
        block_members = sorted(set(block_members), key=lambda m: m.id)
        for m in block_members:
            m.days = m.workdays()
        self.planned(win, staff, ref, moved)
        self.background(win, block_members, staff)

    # ------------------------------------------------------------ planned scenarios
    def planned(self, win, staff, ref, moved):
        rng = self.rng
        wid = lambda i: win[i]["id"]
        P = lambda *a, **k: self.add(*a, planned=True, **k)

        def on(m, d):
            assert m.window_on(d) is not None and d in _WORKSET, (m.id, d)
            return d

        # --- S5.1 complaints.  不动产登记窗口1 (W61_WINDOW) reaches 5 in September.
        c = NOTES["S5.1"]
        w9 = staff[W61_WINDOW]
        P("S5.1", w9[1].id, on(w9[1], D(2026, 2, 5)), points="2", note=c[0])
        P("S5.1", w9[2].id, on(w9[2], D(2026, 4, 14)), points="3", note=c[1])
        P("S5.1", w9[6].id, on(w9[6], D(2026, 5, 7)), points="2", note=c[2])  # moves away on 11 May
        P("S5.1", w9[1].id, on(w9[1], D(2026, 6, 18)), points="2.5", note=c[0])
        P("S5.1", w9[3].id, on(w9[3], D(2026, 9, 10)), points="4", note="办理抵押登记推诿拖延, 经核查属实",
          evidence="12345工单 2026091000317")
        P("S5.1", w9[4].id, on(w9[4], D(2026, 10, 20)), points="3", status="revoked", note="经复核非工作人员责任, 撤销")
        P("S5.1", w9[1].id, on(w9[1], D(2026, 11, 24)), points="3", note=c[1])  # 3rd of the year: S5.2
        # two in one month (社保经办窗口1, May)
        m = staff[3][1]
        P("S5.1", m.id, on(m, D(2026, 5, 12)), points="2", note=c[2])
        P("S5.1", m.id, on(m, D(2026, 5, 27)), points="3", note="多次催办无果后群众投诉, 经核查属实")
        # a third in the year (交管业务窗口, March, July, October)
        m = staff[8][2]
        P("S5.1", m.id, on(m, D(2026, 3, 19)), points="2", note=c[0])
        P("S5.1", m.id, on(m, D(2026, 7, 8)), points="3", note=c[1])
        P("S5.1", m.id, on(m, D(2026, 10, 22)), points="2", note=c[2])
        # a mover with one complaint in each window in April (税费综合窗口1 → 3 on 13 April)
        m = staff[12][5]
        P("S5.1", m.id, on(m, D(2026, 4, 8)), points="2", note=c[0])
        P("S5.1", m.id, on(m, D(2026, 4, 22)), points="3.5", note=c[2])
        # one complaint confirmed, a second still under appeal in December
        m = staff[15][1]
        P("S5.1", m.id, on(m, D(2026, 7, 15)), points="2", note=c[1])
        P("S5.1", m.id, on(m, D(2026, 12, 8)), points="4", status="pending", note="当事人申诉中, 待复核")
        self.complaint_planned = {x.id for x in (w9[1], w9[2], w9[3], w9[4], w9[6], staff[3][1], staff[8][2],
                                                 staff[12][5], staff[15][1])}

        # --- S2.5 (吃拿卡要) and S5.3 public criticism (county / city / province)
        m = staff[20][2]
        P("S2.5", m.id, on(m, D(2026, 6, 10)), note=NOTES["S2.5"][0], evidence="县纪委监委线索 2026-047")
        P("S5.3", m.id, on(m, D(2026, 6, 17)), level="county", note="县纪委监委通报: 接受服务对象宴请")
        m = staff[17][1]
        P("S2.5", m.id, on(m, D(2026, 3, 24)), note=NOTES["S2.5"][2])
        m = staff[2][2]
        P("S2.5", m.id, on(m, D(2026, 11, 12)), status="pending", note=NOTES["S2.5"][1] + ", 调查核实中")
        for wi, k, day, level in [(5, 1, D(2026, 2, 26), "county"), (11, 2, D(2026, 8, 20), "county"),
                                  (26, 1, D(2026, 12, 3), "county"), (13, 1, D(2026, 5, 21), "city"),
                                  (0, 2, D(2026, 8, 6), "city"), (8, 3, D(2026, 9, 23), "province")]:
            m = staff[wi][k]
            P("S5.3", m.id, on(m, day), level=level, note=rng.choice(S53_NOTES[level]))

        # --- SB.1 banners past the yearly cap (4 × 0.5)
        for wi, k, n in [(9, 0, 6), (12, 1, 5), (21, 0, 5)]:
            m = staff[wi][k]
            days = sorted(rng.sample(m.days, n - 1))
            for j, day in enumerate(days):
                P("SB.1", m.id, day, count=2 if j == 2 else 1, note=rng.choice(NOTES["SB.1"]))

        # --- SB.2 articles with achievement keys (E4)
        arts = iter(ARTICLES)
        m = staff[3][0]  # the worked example: city, then province (+1 top-up), then city (not counted)
        k = "《%s》" % next(arts)
        for day, level in [(D(2026, 3, 5), "city"), (D(2026, 5, 6), "province"), (D(2026, 7, 7), "city")]:
            P("SB.2", m.id, on(m, day), level=level, key=k, note=self.media(level))
        m = staff[20][1]  # province first, later reprinted in city paper: not counted
        k = "《%s》" % next(arts)
        P("SB.2", m.id, on(m, D(2026, 4, 16)), level="province", key=k, note=self.media("province"))
        P("SB.2", m.id, on(m, D(2026, 9, 8)), level="city", key=k, note=self.media("city"))
        m = staff[9][0]  # city, then national (+2 top-up)
        k = "《%s》" % next(arts)
        P("SB.2", m.id, on(m, D(2026, 6, 11)), level="city", key=k, note=self.media("city"))
        P("SB.2", m.id, on(m, D(2026, 11, 18)), level="national", key=k, note=self.media("national"))
        m = staff[25][0]  # same article, two levels in one month: only the higher counts
        k = "《%s》" % next(arts)
        P("SB.2", m.id, on(m, D(2026, 10, 13)), level="city", key=k, note=self.media("city"))
        P("SB.2", m.id, on(m, D(2026, 10, 27)), level="province", key=k, note=self.media("province"))
        m = staff[6][1]  # two different articles add up
        for day in (D(2026, 2, 11), D(2026, 8, 19)):
            P("SB.2", m.id, on(m, day), level="city", key="《%s》" % next(arts), note=self.media("city"))
        for a in arts:  # the rest: one level each, various staff
            m = rng.choice([x for x in self.members_of(staff) if len(x.days) > 100])
            level = rng.choice(["city", "city", "city", "province"])
            P("SB.2", m.id, self.pick_day(m.days), level=level, key="《%s》" % a, note=self.media(level))

        # --- WB.5 reforms with achievement keys
        for wi, key, steps in [
            (9, "“交房即交证”改革", [(D(2026, 4, 21), "city"), (D(2026, 6, 24), "province")]),
            (25, "企业开办“一日办结”", [(D(2026, 5, 19), "province"), (D(2026, 10, 28), "national")]),
            (3, "社保卡“一卡通”应用", [(D(2026, 8, 25), "city")]),
            (NEW_WINDOW, "“高效办成一件事”集成服务", [(D(2026, 9, 15), "city"), (D(2026, 12, 16), "province")]),
            (15, "医保异地就医“免备案”", [(D(2026, 3, 17), "city"), (D(2026, 11, 10), "city")]),
        ]:
            for day, level in steps:
                assert day in win[wi]["workdays"]
                P("WB.5", wid(wi), day, level=level, key=key, note=self.media(level) + "宣传报道")

        # --- WB.3 letters past the monthly (4 × 0.5) and yearly (8 × 0.5) caps
        for wi, n, burst in [(9, 11, 5), (12, 9, 3), (21, 6, 0)]:
            w = win[wi]
            bm = rng.choice([3, 6, 9, 12]) if burst else None
            days = [rng.choice([d for d in w["workdays"] if d.month == bm]) for _ in range(burst)]
            days += [self.pick_day(w["workdays"]) for _ in range(n - burst)]
            for day in sorted(days):
                P("WB.3", w["id"], day, note=rng.choice(NOTES["WB.3"]))
        # --- WB.1 visits and WB.2 contests past the yearly cap (4 × 0.5)
        for wi in (3, 6):
            for day in sorted(rng.sample(win[wi]["workdays"], 5)):
                P("WB.1", wid(wi), day, note="%s主要负责同志到窗口调研指导" % DEPARTMENTS[int(win[wi]["dept"][1:]) - 1])
        for wi, missing in [(12, 0), (15, 1)]:
            for j, day in enumerate(sorted(rng.sample(win[wi]["workdays"], 5))):
                ev = None if j < missing else "佐证材料: 比赛通知、成绩单及照片 (%s)" % day.strftime("%Y%m%d")
                P("WB.2", wid(wi), day, evidence=ev, note=rng.choice(NOTES["WB.2"]) + ("" if ev else ", 未提供佐证材料"))

        # --- W1.2 staff changed without telling the centre: some of the moves
        for m, w, day in moved[1:10:2]:
            later = [d for d in w["workdays"] if day < d <= day + dt.timedelta(days=14)]
            P("W1.2", w["id"], later[len(later) // 2], note="%s调入本窗口未报中心备案" % m.name)

        # --- a few "problem" staff with many lates and phone use
        for wi, k in [(10, 2), (14, 1), (23, 1)]:
            m = staff[wi][k]
            for _ in range(14):
                day = self.pick_day(m.days)
                P("S1.1", m.id, day, minutes=rng.choice([8, 12, 15, 20, 35, 45]), note="屡次迟到")
            for _ in range(5):
                P("S2.1", m.id, self.pick_day(m.days), note=rng.choice(NOTES["S2.1"]))

    def members_of(self, staff):
        return sorted({m for ms in staff.values() for m in ms}, key=lambda m: m.id)

    def media(self, level):
        return {"city": "市级考核媒体《XX日报》", "province": "省级考核媒体《XX省日报》",
                "national": "国家级考核媒体《人民日报》"}[level] + "采用"

    # ------------------------------------------------------------ background records
    def background(self, win, members, staff):
        rng = self.rng
        mw = [m.propensity * sum(MONTH_WEIGHT[d.month - 1] for d in m.days) for m in members]
        for rule, n in STAFF_RULES:
            for _ in range(self.times(n)):
                if rule == "SB.1":
                    m = rng.choice([x for x in members if x.days])
                else:
                    m = rng.choices(members, weights=mw)[0]
                day = self.pick_day(m.days)
                self.staff_record(rule, m, day)

        # background complaints: at most one per member, no window to 5 besides the planned one
        by_id = {m.id: m for m in members}
        per_window = Counter()
        for r in self.records:
            if r["rule"] == "S5.1" and r["status"] is None and r["subject"] in by_id:
                per_window[by_id[r["subject"]].window_on(r["date"])] += 1
        used = set(self.complaint_planned)
        target = win[W61_WINDOW]["id"]
        made = 0
        while made < 26:
            m = rng.choices(members, weights=mw)[0]
            day = self.pick_day(m.days)
            w = m.window_on(day)
            if m.id in used or w == target or per_window[w] >= 3:
                continue
            used.add(m.id)
            per_window[w] += 1
            made += 1
            self.add("S5.1", m.id, day, points=rng.choice(["2", "2", "2", "2.5", "3", "3", "3", "4", "5"]),
                     note=rng.choice(NOTES["S5.1"]))

        ww = [w["propensity"] * len(w["workdays"]) for w in win]
        wv = [w["cases"] * len(w["workdays"]) for w in win]
        for rule, n in WINDOW_RULES:
            for _ in range(self.times(n)):
                w = rng.choices(win, weights=wv if rule in ("WB.3", "WB.1", "WB.2") else ww)[0]
                day = self.pick_day(w["workdays"])
                self.window_record(rule, w, day)

    def staff_record(self, rule, m, day):
        rng = self.rng
        kw = {}
        note = rng.choice(NOTES[rule]) if rng.randrange(100) < 45 else None
        if rule == "S1.1":
            r = rng.randrange(100)
            if r < 62:
                kw["minutes"] = rng.choice([3, 5, 5, 8, 10, 10, 12, 15, 15, 20, 25, 28])
            elif r < 70:
                kw["minutes"] = 30
            elif r < 90:
                kw["minutes"] = rng.choice([31, 35, 40, 45, 50, 60, 75, 90, 120])
            elif r < 96:
                kw["aggravated"] = True
                note = AGGRAVATED_NOTES["S1.1"]
            else:
                note = "巡查发现窗口空岗"
        elif rule in ("S3.2", "S3.4") and rng.randrange(100) < 15:
            kw["aggravated"] = True
            note = AGGRAVATED_NOTES[rule]
        elif rule == "S2.3":
            kw["points"] = rng.choice(["3", "3", "3", "3.5", "4", "4", "4.5", "5"])
            note = note or rng.choice(NOTES[rule])
        elif rule in ("S2.4", "S3.5", "SB.4", "SB.1"):
            note = rng.choice(NOTES[rule])
        if rule in COUNTABLE and rng.randrange(100) < 4:
            kw["count"] = rng.choice([2, 2, 2, 3])
        if rule.startswith("S") and not rule.startswith("SB") and rng.randrange(100) < 18:
            kw["evidence"] = "巡查记录 %s-%02d" % (day.strftime("%Y%m%d"), rng.randint(1, 40)) \
                if rng.randrange(2) else "监控截图 JK%s%03d" % (day.strftime("%m%d"), rng.randint(1, 300))
        self.add(rule, m.id, day, note=note, **kw)

    def window_record(self, rule, w, day):
        rng = self.rng
        kw = {}
        note = rng.choice(NOTES[rule]) if rng.randrange(100) < 60 else None
        if rule in ("W4.1", "W4.2"):
            kw["points"] = rng.choice(["2", "2", "2.5", "3", "3", "4", "5"])
            note = note or rng.choice(NOTES[rule])
        elif rule == "W6.3" and rng.randrange(100) < 30:
            kw["aggravated"] = True
            note = AGGRAVATED_NOTES[rule]
        elif rule == "WB.1":
            note = "%s主要负责同志到窗口调研指导" % DEPARTMENTS[int(w["dept"][1:]) - 1]
        elif rule == "WB.2":
            if rng.randrange(100) < 75:
                kw["evidence"] = "佐证材料: 考试通知及成绩单 (%s)" % day.strftime("%Y%m%d")
                note = rng.choice(NOTES[rule])
            else:
                note = rng.choice(NOTES[rule]) + ", 未提供佐证材料"
        if rule in COUNTABLE and rng.randrange(100) < 5:
            kw["count"] = rng.choice([2, 2, 3])
        self.add(rule, w["id"], day, note=note, **kw)

    # ------------------------------------------------------------ finish
    def statuses(self):
        """Some records are still under review (more of them near the year's end), a few revoked."""
        rng = self.rng
        for r in self.records:
            if r["planned"] or r["status"] is not None:
                continue
            pending = 10 if r["date"] >= D(2026, 12, 1) else 5 if r["date"] >= D(2026, 11, 1) else 2
            x = rng.randrange(1000)
            if x < pending * 10:
                r["status"] = "pending"
                r["note"] = (r["note"] + "; " if r["note"] else "") + "当事人申诉中"
            elif x < pending * 10 + 15:
                r["status"] = "revoked"
                r["note"] = (r["note"] + "; " if r["note"] else "") + "经复核撤销"

    def metrics(self):
        rng = self.rng
        rows = []
        for w in self.windows:
            for mo in range(1, 13):
                first, last = D(YEAR, mo, 1), D(YEAR, mo, days_in_month(mo))
                lo = max(first, w["opened"] or first)
                hi = min(last, w["closed"] or last)
                if lo > hi:
                    continue
                open_days = (hi - lo).days + 1
                cases = w["cases"] * SEASON[w["season"]][mo - 1] * rng.randint(90, 110) * open_days
                cases //= 100 * 100 * days_in_month(mo)
                rates = {}
                for k in RATE_KEYS:
                    v = w["rate_base"][k] + w["rate_trend"] * (mo - 1) + rng.randint(-12, 12)
                    rates[k] = fmt_tenths(max(0, min(1000, v)))
                rows.append({"window": w["id"], "month": "%04d-%02d" % (YEAR, mo), "cases": cases, "rates": rates})
        return rows

    def document(self):
        self.statuses()
        metrics = self.metrics()
        recs = sorted(self.records, key=lambda r: (r["date"], r["subject"], r["rule"], r["seq"]))
        width = max(5, len(str(len(recs))))
        out_recs = []
        for i, r in enumerate(recs, 1):
            o = {"id": "R%0*d" % (width, i), "rule": r["rule"], "subject": r["subject"], "date": d2s(r["date"])}
            if r["count"] != 1:
                o["count"] = r["count"]
            for f in ("minutes", "points", "level", "key"):
                if r[f] is not None:
                    o[f] = r[f]
            if r["aggravated"]:
                o["aggravated"] = True
            for f in ("status", "evidence", "note"):
                if r[f] is not None:
                    o[f] = r[f]
            out_recs.append(o)

        def term(t):
            o = {"staff": t[0]}
            if t[1] is not None:
                o["from"] = d2s(t[1])
            if t[2] is not None:
                o["to"] = d2s(t[2])
            return o

        windows = []
        for w in self.windows:
            o = {"id": w["id"], "name": w["name"], "department": w["dept"]}
            if w["opened"]:
                o["opened"] = d2s(w["opened"])
            if w["closed"]:
                o["closed"] = d2s(w["closed"])
            o["heads"] = [term(t) for t in w["heads"]]
            windows.append(o)
        staff = []
        for m in self.members:
            assigns = []
            for wnd, a, b in m.assignments:
                o = {"window": wnd}
                if a is not None:
                    o["from"] = d2s(a)
                if b is not None:
                    o["to"] = d2s(b)
                assigns.append(o)
            staff.append({"id": m.id, "name": m.name, "department": m.dept, "assignments": assigns})
        return {
            "hall": {"id": "xx-county-hall", "name": "XX县政务服务大厅"},
            "year": YEAR,
            "departments": [{"id": "D%02d" % (i + 1), "name": n} for i, n in enumerate(DEPARTMENTS)],
            "windows": windows,
            "staff": staff,
            "targets": {k: fmt_tenths(v) for k, v in TARGETS.items()},
            "metrics": metrics,
            "records": out_recs,
        }


_WORKSET = set(WORKDAYS)

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲芬燕彬鹏辉斌宇浩凯健俊帆旭宁龙林欢阳佳琳婷雪倩晨瑶怡欣颖洁蕾晶晓思梦雨涵文博志海建国春晖诗雅嘉瑞泽轩睿")
GIVEN_SOLO = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚英华萍红玲芬燕彬鹏辉斌宇浩凯健俊帆旭宁龙林欢阳琳婷雪倩晨瑶欣颖洁蕾晶博")


def generate(scale=1, seed=SEED, density=1):
    """The sample is ``generate()``; benches/generate.py makes other halls with other seeds and a
    ``density`` that multiplies the background record frequencies (complaints stay as planned)."""
    hall = Hall(scale, seed=seed, density=density)
    for b in range(scale):
        hall.block(b)
    return hall


def render(doc):
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def summary(hall, doc):
    lines = []
    recs = doc["records"]
    movers = sum(1 for s in doc["staff"] if len({a["window"] for a in s["assignments"]}) > 1)
    lines.append("windows %d (opened mid-year %d, closed %d), staff %d (movers %d, joiners %d, leavers %d)" % (
        len(doc["windows"]), sum("opened" in w for w in doc["windows"]), sum("closed" in w for w in doc["windows"]),
        len(doc["staff"]), movers, hall.stats["joiners"], hall.stats["leavers"]))
    lines.append("metric rows %d; window-months with cases >= 3000: %d, >= 2000: %d; with a rate below target: %d" % (
        len(doc["metrics"]), sum(m["cases"] >= 3000 for m in doc["metrics"]), sum(m["cases"] >= 2000 for m in doc["metrics"]),
        sum(any(float(m["rates"][k]) < TARGETS[k] / 10 for k in RATE_KEYS) for m in doc["metrics"])))
    st = Counter(r.get("status", "confirmed") for r in recs)
    lines.append("records %d: %s" % (len(recs), ", ".join("%s %d" % kv for kv in sorted(st.items()))))
    by = Counter(r["rule"] for r in recs)
    order = lambda c: (c[0], "B" in c, [int(x) for x in c[1:].replace("B", "").strip(".").split(".")])
    lines.append("per rule: " + ", ".join("%s %d" % (c, by[c]) for c in sorted(by, key=order)))
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", help="output file (default: examples/data/county-2026.json)")
    ap.add_argument("--scale", type=int, default=1, help="repeat the hall N times (default 1: the sample)")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the file differs from a fresh generation")
    ap.add_argument("--summary", action="store_true", help="print what the generated data contains")
    args = ap.parse_args(argv)
    if args.scale < 1:
        ap.error("--scale must be at least 1")
    if args.scale != 1 and not args.out:
        ap.error("--scale other than 1 needs --out (the sample file is the scale-1 output)")
    out = args.out or DEFAULT_OUT
    hall = generate(args.scale)
    doc = hall.document()
    text = render(doc)
    if args.summary:
        print(summary(hall, doc))
    if args.check:
        try:
            with open(out, encoding="utf-8", newline="") as f:
                old = f.read()
        except OSError as e:
            print("check failed: cannot read %s: %s" % (out, e), file=sys.stderr)
            return 1
        if old != text:
            print("check failed: %s differs from what examples/generate_sample.py generates; "
                  "run python3 examples/generate_sample.py and commit the result" % out, file=sys.stderr)
            return 1
        print("ok: %s is up to date (%d bytes)" % (out, len(text.encode("utf-8"))))
        return 0
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s (%d bytes, %d windows, %d staff, %d records)" % (
        out, len(text.encode("utf-8")), len(doc["windows"]), len(doc["staff"]), len(doc["records"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
