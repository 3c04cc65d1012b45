//! `kaoping report`: the period's report as sheets — window and staff scores, deduction and bonus
//! details, department feedback, rankings, award lists and every record's outcome.
//!
//! Every number is read from the core's [`MonthResult`]s and [`PeriodResult`]; nothing is
//! computed here but layout.

use crate::table::{Cell, Sheet};
use kaoping_core::period::{AwardStatus, PeriodResult, SubjectPeriod};
use kaoping_core::policy::SubjectKind;
use kaoping_core::result::{MonthResult, OutcomeKind, SubjectMonth};
use kaoping_core::{Period, Policy};

/// The sheets of a report, in workbook order.
pub const SHEETS: &[(&str, &str)] = &[
    ("summary", "概况"),
    ("window-scores", "窗口得分"),
    ("staff-scores", "人员得分"),
    ("deductions", "扣分明细"),
    ("bonuses", "加分明细"),
    ("departments", "部门反馈"),
    ("rankings", "排名"),
    ("awards", "评先名单"),
    ("records", "记录核对"),
];

pub fn period_label(p: Period) -> String {
    match p {
        Period::Month(m) => format!("{}年{}月", m.year, m.month),
        Period::Quarter { year, quarter } => format!("{year}年第{quarter}季度"),
        Period::Year(y) => format!("{y}年度"),
    }
}

fn kind_zh(k: SubjectKind) -> &'static str {
    match k {
        SubjectKind::Window => "窗口",
        SubjectKind::Staff => "人员",
    }
}

fn status_zh(s: kaoping_core::dataset::Status) -> &'static str {
    use kaoping_core::dataset::Status;
    match s {
        Status::Confirmed => "已确认",
        Status::Pending => "待核实",
        Status::Revoked => "已撤销",
    }
}

fn outcome_zh(o: OutcomeKind) -> &'static str {
    match o {
        OutcomeKind::Counted => "计分",
        OutcomeKind::PartlyCounted => "部分计分",
        OutcomeKind::NotCounted => "未计分",
    }
}

fn award_status_zh(s: AwardStatus) -> &'static str {
    match s {
        AwardStatus::Awarded => "当选",
        AwardStatus::NotEligible => "不具备资格",
        AwardStatus::QuotaFull => "名额已满",
        AwardStatus::TieAtQuotaLine => "名额线并列(提请中心研究)",
    }
}

fn eligibility(s: &SubjectPeriod) -> String {
    s.disqualifications.iter().map(|f| format!("取消评先: {}", f.detail)).collect::<Vec<_>>().join("; ")
}

fn flags_text(s: &SubjectMonth) -> String {
    s.flags.iter().map(|f| crate::flag_zh(&f.code, f.period)).collect::<Vec<_>>().join(" ")
}

/// Everything a report is built from: the period result and the months behind it.
pub struct Report<'a> {
    pub policy: &'a Policy,
    pub hall_name: String,
    pub period: &'a PeriodResult,
    pub months: &'a [MonthResult],
}

impl Report<'_> {
    fn title(&self, what: &str) -> String {
        format!("{} {} {}", self.hall_name, period_label(self.period.period), what)
    }

    fn rule_name(&self, code: &str) -> String {
        self.policy.item(code).map(|(i, _)| i.name_zh.clone()).unwrap_or_default()
    }

    fn month_subject(&self, id: &str) -> Option<&SubjectMonth> {
        match self.months {
            [only] => only.subject(id),
            _ => None,
        }
    }

    /// All sheets, in workbook order.
    pub fn sheets(&self) -> Vec<Sheet> {
        vec![
            self.summary(),
            self.scores(SubjectKind::Window),
            self.scores(SubjectKind::Staff),
            self.details(false),
            self.details(true),
            self.departments(),
            self.rankings(),
            self.awards(),
            self.records(),
        ]
    }

    fn summary(&self) -> Sheet {
        let p = self.period;
        let doc = self.policy.doc();
        let records: Vec<_> = self.months.iter().flat_map(|m| m.records.iter()).collect();
        let counted = records.iter().filter(|r| r.outcome() != OutcomeKind::NotCounted).count();
        let mut rows = vec![
            vec![Cell::text("大厅"), Cell::text(&self.hall_name)],
            vec![Cell::text("考评期间"), Cell::text(format!("{} ({})", period_label(p.period), p.period))],
            vec![Cell::text("考评月份"), Cell::text(p.months.iter().map(|m| m.to_string()).collect::<Vec<_>>().join(", "))],
            vec![Cell::text("考评办法"), Cell::text(format!("{} ({}{})", doc.name, doc.id, if doc.version.is_empty() { String::new() } else { format!(" {}", doc.version) }))],
            vec![Cell::text("参评窗口"), Cell::Int(p.windows.len() as i64)],
            vec![Cell::text("参评人员"), Cell::Int(p.staff.len() as i64)],
            vec![Cell::text("考评记录"), Cell::Int(records.len() as i64)],
            vec![Cell::text("其中计分"), Cell::Int(counted as i64)],
            vec![Cell::text("其中未计分"), Cell::Int((records.len() - counted) as i64)],
        ];
        for a in &p.awards {
            rows.push(vec![Cell::text(format!("{} 名额", a.name)), Cell::Int(a.quota as i64)]);
        }
        for m in self.months {
            for w in &m.warnings {
                let who = w.subject.as_deref().unwrap_or("");
                rows.push(vec![Cell::text(format!("提示 {}", m.month)), Cell::text(format!("{who} {}", w.message).trim().to_string())]);
            }
        }
        Sheet {
            slug: "summary",
            name: "概况",
            title: self.title("考评概况"),
            headers: vec!["项目".into(), "内容".into()],
            rows,
            freeze_cols: 0,
        }
    }

    fn scores(&self, kind: SubjectKind) -> Sheet {
        let (list, slug, name, what) = match kind {
            SubjectKind::Window => (&self.period.windows, "window-scores", "窗口得分", "窗口考评得分"),
            SubjectKind::Staff => (&self.period.staff, "staff-scores", "人员得分", "窗口工作人员考评得分"),
        };
        let monthly = !matches!(self.period.period, Period::Month(_));
        let mut headers: Vec<String> = vec!["名次".into(), "部门内名次".into(), "编号".into(), "名称".into(), "部门".into()];
        // a month: the categories of the month; a quarter or a year: the monthly totals
        let categories: Vec<(String, String)> = if monthly {
            Vec::new()
        } else {
            let doc = self.policy.doc();
            let sp = match kind {
                SubjectKind::Window => &doc.window,
                SubjectKind::Staff => &doc.staff,
            };
            sp.categories.iter().map(|c| (c.code.clone(), format!("{} {}({})", c.code, c.name_zh, c.max.normalize()))).collect()
        };
        headers.extend(categories.iter().map(|(_, h)| h.clone()));
        if monthly {
            headers.extend(self.period.months.iter().map(|m| format!("{}月", m.month)));
        }
        headers.extend(["参评月数", "扣分", "加分", "投诉次数", "得分", "等次", "评先资格", "说明"].map(String::from));
        let rows = list
            .iter()
            .map(|s| {
                let mut row = vec![
                    Cell::Int(s.rank as i64),
                    Cell::Int(s.department_rank as i64),
                    Cell::text(&s.subject),
                    Cell::text(&s.name),
                    Cell::text(self.department_name(&s.department)),
                ];
                let month = self.month_subject(&s.subject);
                for (code, _) in &categories {
                    row.push(month.and_then(|m| m.category(code)).map(|c| Cell::Score(c.score)).unwrap_or(Cell::Empty));
                }
                let mut notes = Vec::new();
                if monthly {
                    for m in &self.period.months {
                        match s.monthly.iter().find(|t| t.month == *m) {
                            Some(t) => {
                                row.push(Cell::Score(t.total));
                                if let Some(a) = &t.adjusted {
                                    notes.push(format!("{}: {a}", t.month));
                                }
                            }
                            None => row.push(Cell::text("未参评")),
                        }
                    }
                }
                if let Some(m) = month {
                    let f = flags_text(m);
                    if !f.is_empty() {
                        notes.push(f);
                    }
                }
                if let Some(by) = &s.grade_forced_by {
                    notes.push(format!("等次由 {by} 一票否决"));
                }
                row.extend([
                    Cell::Int(s.months_evaluated as i64),
                    Cell::Score(s.deductions),
                    Cell::Score(s.bonus),
                    Cell::Int(s.complaints as i64),
                    Cell::Score(s.score),
                    Cell::text(&s.grade),
                    Cell::text(eligibility(s)),
                    Cell::text(notes.join("; ")),
                ]);
                row
            })
            .collect();
        Sheet { slug, name, title: self.title(what), headers, rows, freeze_cols: 4 }
    }

    fn department_name(&self, id: &str) -> String {
        self.period.departments.iter().find(|d| d.department == id).map(|d| d.name.to_string()).unwrap_or_else(|| id.to_string())
    }

    fn details(&self, bonus: bool) -> Sheet {
        let mut rows = Vec::new();
        for m in self.months {
            for s in m.windows.iter().chain(m.staff.iter()) {
                let cats = if bonus { &s.bonuses } else { &s.categories };
                for c in cats {
                    for l in &c.lines {
                        if l.raw.is_zero() && l.points.is_zero() {
                            continue;
                        }
                        let cut = match l.cut {
                            Some(r) if l.points < l.raw => r.label_zh(),
                            _ => String::new(),
                        };
                        rows.push(vec![
                            Cell::text(m.month.to_string()),
                            Cell::text(kind_zh(s.kind)),
                            Cell::text(&s.subject),
                            Cell::text(&s.name),
                            Cell::text(self.department_name(&s.department)),
                            Cell::text(format!("{} {}", c.code, c.name)),
                            Cell::text(&l.rule),
                            Cell::text(self.rule_name(&l.rule)),
                            Cell::text(l.record.clone().unwrap_or_default()),
                            Cell::Int(i64::from(l.occurrences)),
                            Cell::Score(l.raw),
                            Cell::Score(l.points),
                            Cell::text(cut),
                            Cell::text(&l.detail),
                        ]);
                    }
                    if !bonus && let Some(z) = &c.zeroed_by {
                        rows.push(vec![
                            Cell::text(m.month.to_string()),
                            Cell::text(kind_zh(s.kind)),
                            Cell::text(&s.subject),
                            Cell::text(&s.name),
                            Cell::text(self.department_name(&s.department)),
                            Cell::text(format!("{} {}", c.code, c.name)),
                            Cell::text(z),
                            Cell::text(self.rule_name(z)),
                            Cell::Empty,
                            Cell::Empty,
                            Cell::Empty,
                            Cell::Score(c.points),
                            Cell::Empty,
                            Cell::text("此项不得分"),
                        ]);
                    }
                }
            }
        }
        let (what, raw, counted) = if bonus { ("加分", "应加", "实加") } else { ("扣分", "应扣", "实扣") };
        Sheet {
            slug: if bonus { "bonuses" } else { "deductions" },
            name: if bonus { "加分明细" } else { "扣分明细" },
            title: self.title(&format!("{what}明细")),
            headers: ["月份", "类型", "编号", "名称", "部门", "类别", "项目", "项目名称", "记录编号", "次数", raw, counted, "未全额计分原因", "说明"]
                .map(String::from)
                .to_vec(),
            rows,
            freeze_cols: 4,
        }
    }

    fn departments(&self) -> Sheet {
        let mut rows = Vec::new();
        for d in &self.period.departments {
            let entries = d.windows.iter().map(|e| (SubjectKind::Window, e)).chain(d.staff.iter().map(|e| (SubjectKind::Staff, e)));
            let mut any = false;
            for (kind, e) in entries {
                any = true;
                let s = self.period.subject(&e.subject);
                rows.push(vec![
                    Cell::text(&d.department),
                    Cell::text(&d.name),
                    d.indicator.map(Cell::Score).unwrap_or(Cell::Empty),
                    Cell::text(kind_zh(kind)),
                    Cell::text(&e.subject),
                    Cell::text(&e.name),
                    Cell::Score(e.score),
                    Cell::text(s.map(|s| s.grade.clone()).unwrap_or_default()),
                    Cell::Int(e.rank as i64),
                    Cell::Int(e.department_rank as i64),
                    s.map(|s| Cell::Score(s.deductions)).unwrap_or(Cell::Empty),
                    s.map(|s| Cell::Score(s.bonus)).unwrap_or(Cell::Empty),
                    s.map(|s| Cell::Int(s.complaints as i64)).unwrap_or(Cell::Empty),
                    Cell::text(s.map(eligibility).unwrap_or_default()),
                ]);
            }
            if !any {
                let mut row = vec![Cell::text(&d.department), Cell::text(&d.name), d.indicator.map(Cell::Score).unwrap_or(Cell::Empty)];
                row.push(Cell::text("(本期无参评窗口和人员)"));
                row.resize(14, Cell::Empty);
                rows.push(row);
            }
        }
        Sheet {
            slug: "departments",
            name: "部门反馈",
            title: self.title("进驻部门考评情况反馈"),
            headers: ["部门编号", "部门", "政务服务指标", "类型", "编号", "名称", "得分", "等次", "全厅名次", "部门内名次", "扣分", "加分", "投诉次数", "评先资格"]
                .map(String::from)
                .to_vec(),
            rows,
            freeze_cols: 2,
        }
    }

    fn rankings(&self) -> Sheet {
        let rows = self
            .period
            .windows
            .iter()
            .chain(self.period.staff.iter())
            .map(|s| {
                vec![
                    Cell::text(kind_zh(s.kind)),
                    Cell::Int(s.rank as i64),
                    Cell::Int(s.department_rank as i64),
                    Cell::text(&s.subject),
                    Cell::text(&s.name),
                    Cell::text(self.department_name(&s.department)),
                    Cell::Score(s.score),
                    Cell::text(&s.grade),
                    Cell::text(if s.disqualifications.is_empty() { "" } else { "取消" }),
                ]
            })
            .collect();
        Sheet {
            slug: "rankings",
            name: "排名",
            title: self.title("考评排名"),
            headers: ["类型", "全厅名次", "部门内名次", "编号", "名称", "部门", "得分", "等次", "评先资格"].map(String::from).to_vec(),
            rows,
            freeze_cols: 0,
        }
    }

    fn awards(&self) -> Sheet {
        let mut rows = Vec::new();
        for a in &self.period.awards {
            for st in &a.standings {
                let s = self.period.subject(&st.subject);
                rows.push(vec![
                    Cell::text(&a.name),
                    Cell::Int(a.quota as i64),
                    Cell::Int(a.participants as i64),
                    Cell::Int(st.rank as i64),
                    Cell::text(&st.subject),
                    Cell::text(s.map(|s| s.name.clone()).unwrap_or_default()),
                    Cell::text(s.map(|s| self.department_name(&s.department)).unwrap_or_default()),
                    Cell::Score(st.score),
                    Cell::text(award_status_zh(st.status)),
                    Cell::text(&st.detail),
                    Cell::text(&a.quota_detail),
                ]);
            }
        }
        if rows.is_empty() {
            let mut row = vec![Cell::text(format!("(本期无评先项目: {}按季度、年度评选)", self.award_names()))];
            row.resize(11, Cell::Empty);
            rows.push(row);
        }
        Sheet {
            slug: "awards",
            name: "评先名单",
            title: self.title("评先名单 (示范窗口、政务之星)"),
            headers: ["评先项目", "名额", "参评数", "名次", "编号", "名称", "部门", "得分", "结果", "说明", "名额计算"].map(String::from).to_vec(),
            rows,
            freeze_cols: 0,
        }
    }

    fn award_names(&self) -> String {
        let mut names: Vec<&str> = self.policy.doc().awards.awards.iter().map(|a| a.name_zh.as_str()).collect();
        names.dedup();
        names.join("、")
    }

    fn records(&self) -> Sheet {
        let mut rows = Vec::new();
        for m in self.months {
            for r in &m.records {
                let charges: Vec<String> = r
                    .charges()
                    .filter(|c| c.subject() != r.subject() || c.rule() != r.rule())
                    .map(|c| format!("{} {} {}", c.subject(), c.rule(), crate::table::decimal_text(c.points())))
                    .collect();
                rows.push(vec![
                    Cell::text(r.record()),
                    Cell::text(r.date().to_string()),
                    Cell::text(r.rule()),
                    Cell::text(self.rule_name(r.rule())),
                    Cell::text(r.subject()),
                    Cell::text(status_zh(r.status())),
                    Cell::text(outcome_zh(r.outcome())),
                    Cell::Int(r.occurrences() as i64),
                    Cell::Int(r.counted_occurrences() as i64),
                    Cell::Score(r.points()),
                    Cell::text(r.reason().map(|x| x.label_zh()).unwrap_or_default()),
                    Cell::text(charges.join("; ")),
                    Cell::text(r.detail()),
                ]);
            }
        }
        Sheet {
            slug: "records",
            name: "记录核对",
            title: self.title("考评记录核对"),
            headers: ["记录编号", "日期", "项目", "项目名称", "对象", "状态", "结果", "次数", "计分次数", "分值", "未计分原因", "关联计分", "说明"]
                .map(String::from)
                .to_vec(),
            rows,
            freeze_cols: 1,
        }
    }
}

/// Finds a sheet by slug or Chinese name.
pub fn find_sheet(name: &str) -> Option<&'static str> {
    SHEETS.iter().find(|(slug, zh)| *slug == name || *zh == name).map(|(slug, _)| *slug)
}
