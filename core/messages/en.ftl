# kaoping's message catalogue, English. Every message here has its zh-CN rendering in
# zh-CN.ftl with the same arguments; core/src/messages.rs lists them, and its tests fail when
# either file lacks one. Numbers come in already written (exact decimals, never floats).

## Why a record, or part of it, did not count (result::Reason)
reason-pending = pending
reason-revoked = revoked
reason-category-exhausted = category exhausted
reason-month-cap = monthly cap
reason-year-cap = yearly cap
reason-bonus-cap = monthly bonus cap
reason-not-highest-of-key = not the highest of its achievement key
reason-already-counted = already counted at a higher level
reason-no-evidence = no evidence
reason-derived-item = derived item
reason-no-target = no subject to charge
reason-category-zeroed = category zeroed

## A record's outcome in words
outcome-counted = counted: { $points } point(s)
outcome-partly-counted = { $counted } of { $occurrences } counted: { $reason } ({ $points } of { $raw } point(s))
outcome-not-counted = not counted: { $reason }

## Flags of a subject's month
period-month = month
period-quarter = quarter
period-year = year
flag-disqualified = award eligibility lost for the { $period } ({ $rule })
flag-disqualified-rest-of-year = award eligibility lost for every { $period } from this month to the end of the year ({ $rule })
flag-carried = { $detail }, since { $since }
flag-forced-grade = grade { $grade } whatever the score

## Warnings of a month
warning-no-metrics = window { $window } has no metrics for { $month }: no metric rule applied
warning-no-one-to-charge = record { $record }: no one to charge under { $rule } on { $date }

## Periods
period-category-zeroed = { $category } counted as 0 for the year (was { $score })
period-forced-in-month = { $by } in { $month }
period-flag-in-month = { $detail } ({ $month })

## Awards: eligibility, quota and each standing
award-not-every-month = evaluated in { $evaluated } of { $months } months of the period (P7)
award-disqualified = disqualified by { $rule }: { $detail }
award-disqualified-record = disqualified by { $rule }, record { $record }: { $detail }
award-within-quota = rank { $rank } within the quota of { $quota }
award-quota-filled = rank { $rank }: quota of { $quota } filled
award-tie-at-line = tie at quota line — for the centre to decide: { $tied } tied for { $left } remaining place(s) after every tie-breaker
quota-fixed = fixed count { $count }
quota-share = { $share } × { $base } = { $exact } → { $quota } ({ $rounding })
quota-none = no share or count set
quota-minimum = { $detail }; minimum { $minimum }
rounding-down = down
rounding-up = up
rounding-half-up = halfup

## A line of a category: one record's occurrences, a monthly state or a derived score
line-within-range = { $points } within { $min }–{ $max }
line-level = { $level } level
level-county = county
level-city = city
level-province = province
level-national = national
line-minutes = { $minutes } min
line-minutes-tier = { $minutes } min: { $tier }
line-aggravated = aggravated
line-per-unit = { $units } { $unit } × { $per_unit }
line-linked = { $source } record of { $subject }: { $detail }
line-linked-factor = { $source } record of { $subject }: { $points } × { $factor }
line-rate-below-target = { $metric } { $value }% below target { $target }%
line-metric-shortfall = { $metric } { $value } below target { $target } by { $units } unit(s) × { $per_unit }
line-beyond-decimal = more than a decimal holds
line-no-window-head = no designated window head on { $missing } of { $days } open days
line-no-chief-representative = no chief representative on { $missing } of { $days } open days
line-no-staff-full-marks = no staff on duty: full marks
line-derived-score = derived score { $score }: { $detail }
line-key-already-counted = { $detail }; key { $key } already counted at { $best }
line-key-top-up = { $detail }; top-up over { $best } already counted for key { $key }
threshold-count-month = { $count } { $rule } this month
threshold-count-year = { $count } { $rule } in the year to date
threshold-since = since { $since }
threshold-zeroed = { $category } scores 0: { $why }
flag-zeroed-for-year = { $category } scores 0 for the year ({ $why }); the annual result counts it as 0 in every month
forced-by-record = { $rule } (record { $record })

## Warnings of a rule kind
warning-no-staff-on-duty = { $rule }: no staff on duty this month; full marks
warning-no-rate = { $rule }: no { $metric } rate for { $month }
warning-no-target = { $rule }: no target for { $metric }
warning-no-metric = { $rule }: no { $metric } for { $month }
warning-shortfall-limited = { $rule }: the shortfall of { $metric } in units of { $unit } is worth more than { $limit } points; counted as { $limit }

## Problems of a dataset (validation)
thing-department = department
thing-window = window
thing-staff = staff
thing-record = record
field-heads = heads
field-chief-representatives = chief_representatives
problem-id-too-long = an id or code is at most { $max } characters, got { $got }
problem-text-too-long = a text is at most { $max } characters, got { $got }
problem-beyond-limit = { $value } is beyond the limit of ±{ $limit }
problem-too-many-records = { $count } records; the limit is { $limit } a dataset
problem-count-beyond-limit = count { $count } is beyond the limit of { $limit } occurrences a record
problem-duplicate-id = { $what } id { $id } is also used by { $list }[{ $first }]
problem-empty-id = an id cannot be empty
problem-window-unknown-department = window { $window } names department { $department }, which is not in departments
problem-window-closes-before-opening = window { $window } closes ({ $closed }) before it opens ({ $opened })
problem-term-unknown-staff = staff { $staff } is not in staff
problem-term-no-person = give the person's staff id or name
problem-term-ends-before-start = the term ends ({ $to }) before it starts ({ $from })
problem-terms-overlap = window { $window }: two { $field } terms overlap
problem-staff-unknown-department = staff { $staff } names department { $department }, which is not in departments
problem-assigned-unknown-window = staff { $staff } is assigned to window { $window }, which is not in windows
problem-assignment-ends-before-start = the assignment ends ({ $to }) before it starts ({ $from })
problem-assignments-overlap = staff { $staff }: assignments[{ $k }] ({ $a }) and assignments[{ $j }] ({ $b }) overlap
problem-target-percentage = a target is a percentage 0–100, got { $value }
problem-metrics-unknown-window = no window { $window }
problem-month-outside-year = month { $month } is outside the dataset's year { $year }
problem-rate-percentage = a rate is a percentage 0–100, got { $value }
problem-metrics-duplicate = window { $window } has two metrics entries for { $month }
problem-metrics-missing = window { $window } has no metrics for { $month } (the policy requires them)
problem-record-id-empty = a record id cannot be empty
problem-date-outside-year = date { $date } is outside the dataset's year { $year }
problem-count-at-least-1 = count must be at least 1, got { $count }
problem-unknown-rule = unknown rule code { $rule } (not in policy { $policy })
problem-unknown-staff = unknown staff member { $subject }
problem-unknown-staff-is-window = unknown staff member { $subject }; { $id } is a window, but { $rule } is a staff item
problem-unassigned = staff { $staff } has no window assignment on { $date } (E9): the window to charge is unknown
problem-unknown-window = unknown window { $subject }
problem-unknown-window-is-staff = unknown window { $subject }; { $id } is a staff member, but { $rule } is a window item
problem-window-not-open = window { $window } is not open on { $date }
problem-derived-recorded = { $rule } cannot be recorded directly: it is derived from { $from } (E3)
problem-keyed-count = a record with an achievement key stands for one achievement: count must be 1, got { $count } (E4)
problem-year-range = year { $year } is not a calendar year this library handles (1900–9999)
problem-staff-id-is-window = staff id { $id } is also the id of windows[{ $index }]: a record's subject would be ambiguous
problem-points-missing = points missing: { $rule } needs the points stated, { $range } (C7)
problem-points-outside = points { $points } outside { $range } for { $rule }
problem-points-step = points { $points } not a step of { $step } from { $min } for { $rule }
problem-level-missing = level missing: { $rule } needs one of { $listed }
problem-level-not-listed = level { $level } is not listed for { $rule } (E3); expected one of { $listed }
problem-units-missing = units missing: { $rule } counts { $unit }
problem-units-positive = units must be greater than 0, got { $units }
problem-units-whole = { $rule } counts whole { $unit }, got { $units }
problem-points-fixed = { $rule } is worth { $points } here (fixed by the measure); the record states { $stated }
problem-units-beyond-limit = { $units } { $unit } × { $per_unit } points is beyond the limit of { $limit } points for one occurrence
problem-no-aggravated-variant = { $rule } has no aggravated variant

## A list of problems, as the command-line tool prints it
document-dataset = dataset
document-policy = policy
document-request = request
errors-header-one = the { $document } has 1 problem:
errors-header-many = the { $document } has { $count } problems:
problem-whole-document = (document)
problem-at-record = [record { $record }]
problem-at-rule = [rule { $rule }]
problem-period-outside-year = period { $period } is outside the dataset's year { $year }
problem-kind-window-category = derived_from_staff makes a window category
problem-kind-no-staff-category = no staff deduction category { $source }; give a staff category code or "total"
problem-kind-max-below-min = max { $max } is below min { $min }
problem-kind-no-level-points = list the points of at least one level
problem-kind-factor-limit = factor { $factor } is beyond the limit of { $limit }
problem-kind-via-charges = via { $via } charges a { $charged }, but { $code } is a { $subject } item
problem-kind-no-link-source = no rule item { $source } to link to
problem-kind-link-to-linked = { $code } is itself a linked item: it has no records of its own to read; link to the item it reads
problem-kind-link-source-kind = { $code } is a { $subject } item but via { $via } reads { $reads } records
problem-kind-no-metric = name at least one metric
problem-kind-window-metrics = window metrics: the item must be a window item
problem-kind-no-tier = give at least one tier
problem-kind-positive = { $name } must be greater than 0, got { $value }
problem-kind-beyond-limit = { $name } { $value } is beyond the limit of ±{ $limit }
problem-kind-monthly-state-window = monthly_state reads a window's roster: the item must be a window item
problem-kind-tier-bound = give exactly one of above (exclusive) or at_least (inclusive)
problem-kind-points-non-negative = points are 0 or more, got { $value }
problem-kind-veto-zero = at_least 0 is met every month: give 1 or more
problem-kind-window-ratings = window ratings: the item must be a window item
problem-kind-counts-missing = name the item whose occurrences are counted
problem-kind-counts-itself = { $code } would count itself, which has no records: name the item whose occurrences it counts
problem-unknown-kind = unknown rule kind { $kind }; registered kinds: { $kinds }
problem-params-not-a-list = the params of { $kind } are named, in an object ({"{"}"name": value, …{"}"}), not a list

## Window metrics: their names, and a figure that reached a tier
metric-cases = cases
metric-online_full_process = online_full_process
metric-online_available = online_available
metric-one_network = one_network
line-metric-tier = { $window }: { $value } { $metric } ≥ { $at_least }
line-metric-tier-per-staff = { $window }: { $value } { $metric } / { $staff } staff = { $per } ≥ { $at_least }

## Explanations: how each point of a subject's month was lost or won
explain-window = window
explain-staff = staff member
explain-heading = { $who } { $id } { $name } ({ $department }) — monthly evaluation, { $month }
explain-links-staff = windows served: { $list }
explain-links-window = staff on duty: { $list }
explain-link = { $id } { $days } days
explain-total = total { $total } = base { $base } + bonus { $bonus }; grade { $grade }
explain-forced = grade forced by { $by }
explain-record = record { $record }
explain-flag = flag { $code } [{ $rule }{ $record }]: { $detail }
explain-warning = note: { $warning }
explain-not-counted = records not counted:
explain-category = { $code } { $name } max { $max } score { $score }
explain-line-cut = (would be { $raw }, { $reason })
explain-zeroed = → the category scores 0 by { $rule }

## The command-line tool's own messages
cli-error = error: { $message }
cli-too-large = { $path } is { $size } bytes; a document is at most { $limit } bytes
cli-cannot-read = cannot read { $path }: { $error }
cli-not-utf8 = { $path } is not valid UTF-8 (at byte { $byte }); save it as UTF-8
cli-cannot-write = cannot write { $path }: { $error }
cli-policy-ok = ok: policy { $id } with { $count } rule items
cli-dataset-ok = ok: { $hall } ({ $year }), { $windows } windows, { $staff } staff, { $records } records, { $metrics } metric rows
cli-template-written = wrote { $path }: { $count } rule items{ $lists }, dates of { $year }
cli-template-lists = , { $windows } windows and { $staff } staff in the drop-down
cli-template-no-roster = {" "}(no roster: give --roster for window and staff lists)
cli-cannot-build-template = cannot build the template: { $error }
cli-usage-month-or-period = give --month YYYY-MM or --period (2026-10, 2026-Q3, 2026)
cli-unknown-format = unknown format { $format }: use { $choices }
cli-unknown-schema = unknown schema { $name }: one of { $names }
cli-bad-year = --year { $year }: expected a calendar year 1900–9999
cli-bad-rows = --rows { $rows }: expected 1 to 1048575
cli-sheet-csv = --sheet is for workbooks; a CSV file is one sheet
cli-imported = imported { $imported } records from { $source }{ $how }: { $total } records in all
cli-imported-after = {" "}after the { $kept } of { $roster }
cli-imported-replaced = ; --replace dropped the { $dropped } records of { $roster }
cli-then-wrote = { $summary }; wrote { $path }
cli-import-problem = { $source }: 1 problem, nothing written:
cli-import-problems = { $source }: { $count } problems, nothing written:
cli-not-evaluated = { $subject } was not evaluated in { $month } (not open or not assigned to a window that month)
cli-no-subject = no window or staff member { $subject } in { $path }
cli-months-without-data = warning: { $months } have no records and no metrics and are scored as clean months: the period's ranks and award lists are provisional; score again once the data is complete
cli-unknown-sheet = unknown sheet { $name }: one of { $names }
cli-by-department-xlsx = --by-department writes xlsx workbooks, every sheet: leave out --format and --sheet
cli-xlsx-needs-output = an xlsx report needs -o FILE.xlsx or --by-department DIR (or --format csv|md|json for stdout)
cli-xlsx-sheet = --sheet is for csv, md and json; the xlsx report has every sheet
cli-csv-needs-output = a csv report needs -o DIRECTORY (one file per sheet) or --sheet NAME (one sheet to stdout or -o FILE)
cli-cannot-create-dir = cannot create directory { $path }: { $error }
cli-wrote-department-books = wrote { $count } department workbooks to { $path }
cli-wrote-sheets = wrote { $path } ({ $count } sheets)
cli-wrote-csv = wrote { $count } CSV files to { $path }
cli-wrote = wrote { $path }
cli-not-a-workbook = cannot read { $path } as a workbook: { $error }
cli-cannot-read-sheet = cannot read sheet { $sheet } of { $path }: { $error }
cli-false-utf8 = the file starts as UTF-8 but is not: { $error }

## The command's tables (kaoping score, kaoping awards)
cli-table-month-title = { $hall } — { $month } monthly evaluation ({ $policy })
cli-table-period-title = { $hall } — { $period } evaluation ({ $policy })
cli-table-period-month = { $month }
cli-table-period-quarter = { $year } Q{ $quarter }
cli-table-period-year = { $year }
cli-table-heading = == { $title } ({ $count }) ==
cli-table-windows = Windows
cli-table-staff = Window staff
cli-table-window-ranking = Window ranking
cli-table-staff-ranking = Window staff ranking
cli-table-rank = Rank
cli-table-department-rank = Dept. rank
cli-table-id = ID
cli-table-name = Name
cli-table-department = Dept.
cli-table-months = Months
cli-table-score = Score
cli-table-deductions = Deductions
cli-table-complaints = Complaints
cli-table-bonus = Bonus
cli-table-total = Total
cli-table-grade = Grade
cli-table-flags = Flags
cli-table-eligibility = Award eligibility
cli-table-disqualified = disqualified
cli-table-records = { $records } records: { $counted } counted, { $not_counted } not counted; { $warnings } warnings
cli-award-none-this-period = (no awards this period)
cli-award-heading = == { $period } { $award } — quota { $quota } ({ $participants } taking part, { $detail }) ==
cli-award-nobody = none
cli-award-awarded = ★ { $id } { $name } ({ $department }) score { $score }, rank { $rank }
cli-award-tied = tied at the quota line, for the centre to decide: { $list }
cli-award-not-eligible = × { $id } rank { $rank } not eligible: { $detail }
cli-award-policy-has-none = this policy has no awards
cli-award-not-this-period = { $names } awarded { $when }, not in this period
cli-award-period-month = monthly
cli-award-period-quarter = quarterly
cli-award-period-year = yearly
# a subject's flags (by code) as the tables and reports show them
flag-label-recommend-reassignment = reassign or dismiss
flag-label-disqualified-month = no awards this month
flag-label-disqualified-quarter = no quarterly awards
flag-label-disqualified-year = no annual awards
flag-label-category-zeroed-for-year = complaints zeroed for the year
flag-label-forced-grade = veto

## The report (kaoping report): sheet names, titles, column headings and notes
report-sheet-summary = Summary
report-sheet-window-scores = Window scores
report-sheet-staff-scores = Staff scores
report-sheet-deductions = Deductions
report-sheet-bonuses = Bonuses
report-sheet-departments = Departments
report-sheet-rankings = Rankings
report-sheet-awards = Awards
report-sheet-records = Records
report-title = { $hall } { $period } evaluation report
report-title-summary = evaluation summary
report-title-window-scores = window scores
report-title-staff-scores = window staff scores
report-title-deductions = deductions in detail
report-title-bonuses = bonuses in detail
report-title-departments = feedback to the departments
report-title-rankings = rankings
report-title-awards = award lists
report-title-records = records check
report-title-department-brief = { $department } evaluation feedback
report-period-month = { $month }/{ $year }
report-period-quarter = Q{ $quarter } { $year }
report-period-year = { $year }
report-month = Month { $month }
report-month-note = Month { $month }: { $note }
report-list-separator = {", "}
report-no-department = (no department)
report-progress-evaluating = evaluating
report-progress-writing = writing { $sheet }
report-fact-hall = Hall
report-fact-period = Period
report-fact-months = Months
report-fact-policy = Policy
report-policy-version = { $name } (version { $version })
report-fact-windows = Windows evaluated
report-fact-staff = Staff evaluated
report-fact-records = Records
report-fact-counted = of which counted
report-fact-not-counted = of which not counted
report-fact-incomplete = Incomplete data
report-incomplete = { $months }: no records and no metrics, counted as no deductions; this period's rankings and award lists are provisional
report-fact-warnings = Warnings
report-warnings-count = { $count }, see "Warnings" on this sheet
report-fact-department = Department
report-fact-indicator = Service indicator
report-fact-deductions = Deductions in all
report-fact-bonuses = Bonuses in all
report-department-no-windows = (no window of the department evaluated)
report-department-file = evaluation-{ $period }-{ $department }
report-page-footer = Page { $page } of { $pages }
report-section-facts = Key facts
report-section-grades = Grades
report-section-compare-month = Against the previous month
report-section-compare-quarter = Against the previous quarter
report-section-top-windows = Top { $n } windows
report-section-bottom-windows = Bottom { $n } windows
report-section-top-staff = Top { $n } staff
report-section-bottom-staff = Bottom { $n } staff
report-section-top-rules = Rule items with the largest deductions (top { $n })
report-section-categories = Deductions by category
report-section-monthly-means = Mean scores by month
report-section-awards = Awards
report-section-warnings = Warnings
report-section-department-windows = The department's windows
report-section-department-staff = The department's staff
report-section-notes = Notes
report-award-title-window = { $award } (quota { $quota }, { $participants } taking part)
report-award-title-staff = { $award } (quota { $quota }, { $participants } taking part)
report-award-nobody = nobody awarded this period
report-no-awards = (no awards this period: { $why })
report-none-this-period = none this period
report-department-brief-note = The hall rank is the rank among the hall's subjects of the same kind (rank/number evaluated); every deduction and bonus is in "Deductions" and "Bonuses", and how each record counted in "Records".
report-department-none-evaluated = (no window or staff evaluated this period)
report-mean-window = Mean window score
report-mean-staff = Mean staff score
report-total = Total
report-applies-window = windows
report-applies-staff = window staff
report-disqualified = disqualified: { $detail }
report-eligibility-disqualified = disqualified
report-not-evaluated = not evaluated
report-grade-forced = grade vetoed by { $by }
report-category-zeroed = the category scores nothing
report-chart-window-ranking = Window scores ranking
report-chart-window-ranking-top = Window scores ranking (top { $n })
report-chart-categories = Deductions by category (blue: staff, orange: windows)
report-axis-score = Score
report-axis-deductions = Deductions
report-axis-mean = Mean score
report-col-fact = Item
report-col-value = Value
report-col-grade = Grade
report-col-windows-count = Windows
report-col-staff-count = Staff
report-col-measure = Measure
report-col-this-period = This period
report-col-previous-month = Previous month ({ $period })
report-col-previous-quarter = Previous quarter ({ $period })
report-col-change = Change
report-col-rank = Rank
report-col-hall-rank = Hall rank
report-col-department-rank = Dept. rank
report-col-id = ID
report-col-name = Name
report-col-department = Department
report-col-department-id = Dept. ID
report-col-indicator = Service indicator
report-col-score = Score
report-col-rule = Rule
report-col-rule-name = Rule name
report-col-article = Article
report-col-deductions-total = Deductions
report-col-occurrences = Occurrences
report-col-counted-occurrences = Counted
report-col-category = Category
report-col-applies-to = Applies to
report-col-month = Month
report-col-window-mean = Window mean
report-col-staff-mean = Staff mean
report-col-result = Result
report-col-subject = Subject
report-col-subject-name = Subject name
report-col-message = Message
report-col-months-evaluated = Months evaluated
report-col-deductions = Deductions
report-col-bonus = Bonus
report-col-complaints = Complaints
report-col-eligibility = Award eligibility
report-col-notes = Notes
report-col-kind = Type
report-col-record = Record
report-col-date = Date
report-col-deduction-due = Due
report-col-deduction-counted = Deducted
report-col-bonus-due = Due
report-col-bonus-counted = Added
report-col-cut-reason = Why not in full
report-col-award = Award
report-col-quota = Quota
report-col-participants = Taking part
report-col-quota-detail = Quota computed
report-col-status = Status
report-col-points = Points
report-col-not-counted-reason = Why not counted
report-col-linked = Linked charges

## Problems of a policy
policy-counted-statuses = the statuses that count must include "confirmed" (C10), got { $got }
policy-duplicate-code = rule code { $rule } appears twice
policy-unknown-category = no { $kind } category { $category }; expected one of { $codes }
policy-negative-cap = a cap cannot be negative, got { $cap }
policy-item-exceeds-category = { $rule } can take { $most } points at once but its category { $category } holds { $max }
policy-duplicate-category = category { $category } appears twice
policy-negative-max = max cannot be negative, got { $max }
policy-base-mismatch = the base { $base } must equal the sum of the deduction categories' maxima, { $sum } (C1)
policy-max-total-below-base = max_total { $max_total } is below the base { $base } (C1, C3): a subject with no record could not score its base
policy-min-above-max = min_total { $min_total } is above max_total { $max_total }
policy-rest-of-year-without-category = persistence rest_of_year keeps a zeroed category zeroed to the end of the year: name the category in zero_category, or use effects.disqualify_rest_of_year for eligibility
policy-band-without-floor = only the last band may have no lower bound
policy-last-band-floor = the last band must have no lower bound
policy-bands-order = bands go from the highest down, each below the one before: { $min } is not below { $previous }
policy-award-share-or-count = award { $award }: give exactly one of share (a fraction) or count
policy-award-share-range = a share is a fraction between 0 and 1 (0.10 for 10%), got { $share }
policy-complaint-rule-unknown = complaint rule { $rule } (entry { $entry }) is not a rule item
policy-unknown-grade = no grade band named { $grade }
policy-threshold-no-condition = give at least one condition
policy-threshold-condition-shape = give exactly one of at_least (inclusive, C5) or more_than
policy-threshold-at-least-0 = at_least 0 is met by every subject every month: give 1 or more
policy-threshold-unknown-item = no rule item { $rule } to count
policy-threshold-other-subject = { $counted } is a { $counted_kind } item; { $rule } counts { $kind } items
policy-threshold-unknown-category = no { $kind } deduction category { $category }
kind-staff = staff
kind-window = window

## What a derived item is computed from (E3), and minute tiers
from-staff-scores = staff { $source } scores
from-linked-assigned = { $source } records (charged to the window the member was assigned to on the record's date)
from-linked-chief = { $source } records (charged to the window's chief representative)
from-linked-head = { $source } records (charged to the window's head)
from-window-metrics = window metrics { $metrics }
from-window-metric = window metric { $metric }
tier-above = more than { $minutes } min
tier-at-least = { $minutes } min or more
period-pro-rated = pro-rated: { $sum } over the period's { $months } months ({ $evaluated } evaluated) = { $score }
rollup-term-mean = { $weight } × ({ $sum } / { $months })
rollup-term-input = { $weight } × { $value } ({ $input })
rollup-term-missing = { $weight } × { $value } ({ $input }: not given)
rollup-detail = { $terms } = { $score }
award-score-composed = { $detail }; award score { $score }
award-tie-all = tie at quota line: all { $tied } tied for { $left } remaining place(s) awarded
award-tie-centre = tie at quota line: { $left } place(s) left open for the centre to fill from the { $tied } tied
grade-none = evaluated in { $evaluated } month(s), fewer than { $min }: { $grade }
grade-quota-demoted = { $grade } at most { $share } × { $graded } graded = { $exact } → { $quota }: beyond it, { $next }
policy-grade-quota-grade = a grade quota limits a band that has one below it: name a band other than the last, got { $grade }
policy-share-range = a share is a fraction between 0 and 1 (0.15 for 15%), got { $share }
policy-rollup-no-parts = a roll-up needs at least one part
from-window-ratings = the window's citizen ratings
line-ratings-none = no ratings this month: { $score }
line-ratings-mean = ratings ({ $terms }) / { $n } = { $score }
line-rating-rate-low = rating rate { $n } / { $cases } cases = { $rate }%, below { $min }%
line-rating-veto = { $count } rating(s) very dissatisfied; { $at_least } or more is a veto
flag-because = { $why }: { $detail }

## the labels of a record's status and outcome and of an award standing's status
label-status-confirmed = confirmed
label-status-pending = pending
label-status-revoked = revoked
label-outcome-counted = counted
label-outcome-partly_counted = partly counted
label-outcome-not_counted = not counted
label-award-awarded = awarded
label-award-not_eligible = not eligible
label-award-quota_full = quota full
label-award-tie_at_quota_line = tie at the quota line (for the centre to decide)

## the command's help (kaoping --help): every command, argument and heading
help-about = 考评: score service-hall windows and staff against a performance-evaluation measure
help-after =
    The centre's monthly routine:
      kaoping template records.xlsx --roster hall.json          # 1. the sheet to fill in
      (fill in the 记录 sheet in Excel or WPS)                    # 2.
      kaoping import records.xlsx --roster hall.json -o hall.json            # 3. (adds to its records)
      kaoping validate hall.json                                # 4.
      kaoping report hall.json --period 2026-10 -o 2026-10.xlsx # 5. (and awards for a quarter)

    Every subcommand has --help with examples.
    Exit codes: 0 ok; 1 invalid input (the problems go to stderr); 2 usage error.
help-arg-lang = The language of the texts of results (details, reasons, flags, warnings, award standings) in tables, reports and JSON: zh-CN (the default) or en
help-score = Score a month: window and staff tables with Chinese labels
help-score-after =
    Examples:
      kaoping score examples/data/county-2026.json --month 2026-10
      kaoping score examples/data/county-2026.json --period 2026-Q3
      kaoping score examples/data/county-2026.json --period 2026 --top 10
      kaoping score data.json --month 2026-10 --format json > result.json

    Exit codes: 0 ok; 1 invalid input (dataset, policy, month outside the data: problems on stderr); 2 usage error.
help-score-file = The dataset (JSON)
help-score-month = The month, YYYY-MM: the month's full result (every category line, every record's outcome)
help-score-period = A month 2026-10, a quarter 2026-Q3 or a year 2026: period scores, ranks and awards (with --format json, the period result; --month gives a month's full detail)
help-score-policy = Another county's policy (JSON); the built-in county measure when absent
help-score-format = `table` (default) or `json` (the full result with every record's outcome)
help-score-top = Rows per table (0: all)
help-awards = Rankings and award lists (示范窗口, 政务之星) for a quarter or a year
help-awards-after =
    Examples:
      kaoping awards examples/data/county-2026.json --period 2026-Q3
      kaoping awards examples/data/county-2026.json --period 2026 --format json

    Exit codes: 0 ok; 1 invalid input (problems on stderr); 2 usage error.
help-awards-file = The dataset (JSON)
help-awards-period = A quarter 2026-Q3 or a year 2026 (or a month, for policies with monthly awards)
help-awards-policy = Another county's policy (JSON); the built-in county measure when absent
help-awards-format = `table` (default) or `json`
help-validate = Check a dataset (or with --policy-only, a policy) and list every problem
help-validate-after =
    Examples:
      kaoping validate examples/data/county-2026.json
      kaoping validate --policy my-county.json examples/data/county-2026.json
      kaoping validate --policy-only my-county.json

    Exit codes: 0 valid; 1 problems (each with its place, record and rule, on stderr); 2 usage error.
help-validate-file = The dataset (JSON), or with --policy-only a policy document
help-validate-policy = Another county's policy (JSON); the built-in county measure when absent
help-validate-policy_only = FILE is a policy document: check it alone
help-schema = Print a published JSON Schema: policy, dataset, result, year_result, errors
help-schema-after =
    Examples:
      kaoping schema dataset > dataset.schema.json
      kaoping schema policy > policy.schema.json

    Exit codes: 0 ok; 2 unknown schema name.
help-schema-name = policy, dataset, result, year_result, period_result or errors
help-policy = Print the built-in policy (the county measure) as JSON
help-policy-after =
    Examples:
      kaoping policy > my-county.json     # start here to write another county's policy
      kaoping validate --policy-only my-county.json

    Exit codes: 0 ok.
help-template = Write the Excel workbook the centre fills in: a 记录 (records) sheet with drop-downs and validation, and reference sheets of rule items with their points, windows and staff
help-template-after =
    Examples:
      kaoping template records.xlsx --roster examples/data/county-2026.json
      kaoping template records.xlsx --year 2026              # without a roster: no window/staff lists
      kaoping template records.xlsx --roster hall.json --policy my-county.json --rows 2000

    The 记录 sheet's 考评项目 column has a drop-down of every rule code with its Chinese description
    (from the 考评项目 sheet); 对象编号 a drop-down of the roster's windows and staff; 日期 accepts
    dates of the roster's year only. Fill it in Excel or WPS, then run kaoping import.

    Exit codes: 0 written; 1 invalid input (roster, policy, or the file cannot be written); 2 usage error.
help-template-output = The workbook to write (.xlsx)
help-template-roster = A dataset JSON whose windows and staff fill the reference sheets and drop-downs
help-template-policy = Another county's policy (JSON); the built-in county measure when absent
help-template-year = The year whose dates the sheet accepts (default: the roster's year, else this year)
help-template-rows = Rows prepared with drop-downs and validation
help-import = Read a filled records sheet (xlsx, xls, ods, or CSV in UTF-8 or GBK) into a dataset
help-import-after =
    Examples:
      kaoping import records.xlsx --roster hall.json -o hall.json             # the sheet's records added to the roster's
      kaoping import records.csv --roster hall.json -o dataset.json           # CSV: UTF-8 or GBK, detected
      kaoping import book.xlsx --sheet 十月 --roster hall.json > dataset.json
      kaoping import records.xlsx --roster hall.json -o hall.json --replace   # the roster's records dropped (says how many)

    The roster is a dataset JSON providing hall, year, departments, windows, staff, targets, metrics
    and the records so far; the sheet's records are added after its records, and a record id
    already in the roster is a problem of its cell, so importing a sheet twice adds nothing twice.
    Only --replace drops the roster's records (the count dropped is printed). The output is written
    whole or not at all (a temporary file renamed over it). Every bad cell is
    reported with its address (记录!D7) and what was expected; the dataset is validated before it
    is written, and its problems are mapped back to the cells. Nothing is written on error.

    Exit codes: 0 imported; 1 invalid input (bad cells, invalid dataset, unreadable file); 2 usage error.
help-import-file = The filled sheet: .xlsx, .xlsm, .xls, .ods or .csv
help-import-roster = The dataset JSON giving hall, year, departments, windows, staff, targets and metrics
help-import-output = Where to write the dataset (JSON); stdout when absent
help-import-append = Add the sheet's records after the roster's (the default; kept for older scripts)
help-import-replace = Drop the roster's records and keep only the sheet's (the count dropped is printed)
help-import-sheet = The sheet to read (default: 记录, else the first sheet)
help-import-policy = Another county's policy (JSON); the built-in county measure when absent
help-report = The period's report: window and staff scores, deduction and bonus details, department feedback, rankings, award lists and every record's outcome
help-report-after =
    Examples:
      kaoping report examples/data/county-2026.json --period 2026-10 -o 2026-10.xlsx
      kaoping report examples/data/county-2026.json --period 2026-Q3 -o 2026-Q3.xlsx
      kaoping report examples/data/county-2026.json --period 2026-10 --by-department 部门反馈-2026-10/
      kaoping report examples/data/county-2026.json --period 2026 --format csv -o report-2026/
      kaoping report data.json --period 2026-10 --format csv --sheet departments > departments.csv
      kaoping report data.json --period 2026-10 --format md > 2026-10.md
      kaoping report data.json --period 2026-Q3 --format json -o q3.json

    Sheets (slug = CSV file name and --sheet value): summary 概况, window-scores 窗口得分,
    staff-scores 人员得分, deductions 扣分明细, bonuses 加分明细, departments 部门反馈,
    rankings 排名, awards 评先名单, records 记录核对.
    xlsx: the first sheet (概况) is a brief with charts (the windows' ranking, deductions by
    category, and for a quarter or year the monthly means); the tables have Chinese headers, frozen
    and filtered header rows, names beside ids, grades coloured, dates as dates, scores as numbers
    formatted 0.00, and print on A4 landscape one page wide.
    --by-department DIR: one workbook per department (its brief, windows, staff, every deduction
    and bonus with rule, article, record and date, its records), evaluation-2026-10-县市场监督管理局.xlsx.
    csv: UTF-8 with BOM (opens in Excel), one file per sheet in the -o directory, or one sheet
    with --sheet. md: to stdout or -o. json: the sheets as {"{"}sheet, columns, rows{"}"}, scores as
    exact decimal strings (for the full result, use kaoping score --format json).

    Exit codes: 0 written; 1 invalid input (dataset, policy, period outside the data); 2 usage error.
help-report-file = The dataset (JSON)
help-report-period = A month 2026-10, a quarter 2026-Q3 or a year 2026
help-report-output = Output file (xlsx, md, json), or directory (csv); md and json go to stdout when absent
help-report-format = xlsx (default; from the -o extension when not given), csv, md or json
help-report-sheet = Only this sheet (slug or Chinese name) — for csv, md and json
help-report-policy = Another county's policy (JSON); the built-in county measure when absent
help-report-by_department = Also (or, without -o, only) one workbook per department in this directory, named evaluation-PERIOD-DEPARTMENT.xlsx, to send to each department as it is
help-explain = How each point of one window's or staff member's month was lost or won, citing rule codes and record ids
help-explain-after =
    Examples:
      kaoping explain examples/data/county-2026.json --subject S001 --month 2026-10
      kaoping explain examples/data/county-2026.json --subject W01 --month 2026-10
      kaoping explain data.json --subject S012 --month 2026-07 --policy my-county.json

    Exit codes: 0 ok; 1 invalid input (dataset, policy, or the subject was not evaluated that month); 2 usage error.
help-explain-file = The dataset (JSON)
help-explain-subject = A window id (W01) or staff id (S001)
help-explain-month = The month, YYYY-MM
help-explain-policy = Another county's policy (JSON); the built-in county measure when absent
help-flag-help = Print help
help-flag-version = Print version
help-heading-usage = Usage:
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options

## the input template (kaoping template): sheet names, columns, instructions, points and what to fill in

template-sheet-records = Records
template-sheet-rules = Rule items
template-sheet-windows = Windows
template-sheet-staff = Staff
template-sheet-lists = Lists
template-sheet-instructions = How to fill in
template-col-id = Record ID
template-col-rule = Rule item
template-col-subject = Subject ID
template-col-date = Date
template-col-count = Count
template-col-minutes = Minutes
template-col-points = Points
template-col-units = Units
template-col-level = Level
template-col-key = Achievement key
template-col-aggravated = Aggravated
template-col-status = Status
template-col-evidence = Evidence
template-col-note = Note
template-help-id = May be left empty: import numbers it R+date-row. When filled in, unique in the year.
template-help-rule = Required. Choose from the drop-down list, or write the code alone, like S1.1.
template-help-subject = Required. A window ID (like W01) or a staff ID (like S001); may be chosen from the drop-down list.
template-help-date = Required. Like 2026-10-09.
template-help-count = How many times the same thing happened, in one row; empty means 1.
template-help-minutes = Minutes late, early or away from the post (S1.1: more than 30 minutes deducts 2).
template-help-points = Required for items scored by severity, like 3 or 2.5 (the range is in the "Rule items" sheet).
template-help-units = For items scored per unit (like per half day): the number of units.
template-help-level = Required for circulars, media coverage and the like: county, city, province, national.
template-help-key = The same article or achievement taken up at several levels keeps one key: only the highest counts.
template-help-aggravated = "yes" when aggravated (a bad effect, a complaint caused, …); empty means no.
template-help-status = Empty means confirmed; "pending" while being checked or appealed (not counted); "revoked" when withdrawn.
template-help-evidence = A photo, a file number, …; required by some items (see the "Rule items" sheet).
template-help-note = What happened.
template-kind-staff = window staff
template-kind-window = window
template-rules-col-option = Drop-down option
template-rules-col-code = Code
template-rules-col-subject = Subject
template-rules-col-category = Category
template-rules-col-name = Rule item
template-rules-col-points = Points
template-rules-col-caps = Caps
template-rules-col-fill = To fill in
template-rules-col-cite = Article
template-rule-derived = { $label } [computed: do not fill in]
template-verb-deduct = deduct
template-verb-add = add
template-points-each = { $verb } { $points } each time
template-points-above-minutes = over { $minutes } minutes: { $verb } { $points }
template-points-from-minutes = { $minutes } minutes or more: { $verb } { $points }
template-points-aggravated = aggravated: { $verb } { $points }
template-points-range = { $verb } { $min }–{ $max } (by severity)
template-points-step = , in steps of { $step }
template-points-level = { $level }: { $verb } { $points }
template-points-per-unit = { $verb } { $points } per { $unit }
template-points-linked = { $verb } with each { $source } record
template-points-linked-factor = { $verb } with each { $source } record (×{ $factor })
template-points-monthly = { $verb } { $points } for the month
template-points-below-target = { $verb } { $points } per indicator below its target
template-points-shortfall = { $verb } { $points } per { $unit } percentage points short
template-points-tier = { $at_least } or more: { $verb } { $points }
template-points-derived = the weighted mean of the staff's { $source } scores
template-points-count-threshold = the category scores nothing once the count is reached
template-level-county = county
template-level-city = city
template-level-province = province
template-level-national = national
template-unit-half_day = half day
template-unit-working_day = working day
template-unit-day = day
template-cap-month = at most { $points } a month
template-cap-year = at most { $points } a year
template-fill-derived = computed, not filled in (from: { $from })
template-fill-minutes = fill in the minutes
template-fill-aggravated = when aggravated, "Aggravated" is "yes"
template-fill-points = points required ({ $min }–{ $max })
template-fill-level = level required; one achievement keeps one achievement key
template-fill-units = units required ({ $unit })
template-fill-evidence = evidence required
template-fill-nothing = nothing else needed
template-col-subject-id = ID
template-col-name = Name
template-col-person = Name
template-col-department = Department
template-col-opened = Opened
template-col-closed = Closed
template-col-heads = Window heads
template-col-windows = Windows
template-span-from = { $who } (from { $from })
template-span-to = { $who } (to { $to })
template-span-both = { $who } ({ $from } to { $to })
template-lists-col-subject = Subject
template-howto-title = { $policy }: evaluation records ({ $year })
template-howto-1 = 1. In the "{ $records }" sheet, one record a row (a problem found on inspection, a complaint, a commendation, …); leave the header row as it is.
template-howto-2 = 2. Required: the rule item (from the drop-down list), the subject ID (a window like W01, a staff member like S001) and the date.
template-howto-3 = 3. The record ID may be left empty: import numbers it R+date-row. Do not import the same record twice.
template-howto-4 = 4. Each rule item's points and what it needs filled in are in the "Points" and "To fill in" columns of the "{ $rules }" sheet.
template-howto-5 = 5. For items scored by severity (like S2.3), write the points in the "Points" column; for circulars, media coverage and the like, choose the level in the "Level" column.
template-howto-6 = 6. An empty status means "confirmed"; a record being checked or appealed is "pending" and does not count; a withdrawn one is "revoked".
template-howto-7 = 7. When one row stands for the same thing several times, write how many in the "Count" column (empty means 1).
template-howto-8 = 8. Then import it: kaoping import this-file.xlsx --roster roster.json -o data.json
template-howto-8b = Import checks every cell; a mistake is reported with its cell (like Records!D7) and what it should hold, and nothing is written until all are corrected.
template-howto-9 = 9. The windows and staff are listed in the "{ $windows }" and "{ $staff }" sheets; the subject ID may be chosen from the drop-down list.
template-valid-rule = Choose a rule item from the drop-down list (see the "{ $rules }" sheet).
template-valid-subject-list = Choose a window or a staff member from the drop-down list.
template-valid-subject = Write a window ID (like W01) or a staff ID (like S001).
template-valid-date = Write a date in { $year }, like { $year }-10-09.
template-valid-count = The count is a whole number from 1; empty means 1.
template-valid-minutes = Minutes are a whole number from 0 to 1440.
template-valid-points = Points are a number from 0 to 100, like 3 or 2.5.
template-valid-units = Units are a positive number, like 1 or 0.5.
template-valid-level = Choose: county, city, province, national.
template-valid-aggravated = Choose "yes" or "no"; empty means no.
template-valid-status = Choose: confirmed, pending, revoked; empty means confirmed.
template-yes = yes
template-no = no

## the import (kaoping import): the cells' problems

import-row = { $sheet }!row { $row }
import-list-separator = {", "}
import-no-header = no header row: it should have columns such as { $columns } (kaoping template makes the template)
import-column-twice = column "{ $column }" twice (already in column { $first })
import-column-missing = the required column "{ $column }" is missing
import-echo-cut = { $start }… ({ $count } characters)
import-question-one = { $one }?
import-question-or = { $rest } or { $last }?
import-question-many = which of the { $count }: { $first }, …? { $see }
import-see-sheet = See the "{ $sheet }" sheet
import-see-sheets = See the "{ $first }" and "{ $second }" sheets
import-no-rule = no rule item "{ $typed }"
import-is-category = "{ $code }" is a category, not a rule item; { $question }
import-describe-window = { $id } (window, { $department })
import-describe-windows = window { $windows }
import-named-one = { $name } is { $id }? Write "{ $id }" or choose "{ $id } { $name }" from the drop-down list
import-named-staff = the roster has { $count } staff members named "{ $name }": { $ids }; write the ID of one of them
import-named-windows = the roster has { $count } windows named "{ $name }": { $ids }; write the ID of one of them
import-named-subjects = the roster has { $count } windows or staff members named "{ $name }": { $ids }; write the ID of one of them
import-not-on-roster = "{ $typed }" is not on the roster
import-id-not-window-name = an ID is wanted, not a name: { $named }
import-id-not-staff-name = an ID is wanted, not a name: { $named }
import-no-subject = no window or staff member "{ $typed }" on the roster; it should be a window ID (like W01) or a staff ID (like S001), which the drop-down list offers (see the "{ $windows }" and "{ $staff }" sheets)
import-id-other-name = ID { $id } is "{ $name }" on the roster, the sheet says "{ $typed }"
import-cell = { $column }: { $message }
import-got = it is "{ $value }"
import-cell-error = the cell holds the error { $error }
import-rule-required = required: a rule item's code (like S1.1), which the drop-down list offers
import-rule-unknown = it should be a rule item's code of the "{ $rules }" sheet (like S1.1); { $got }
import-subject-required = required: a window ID (like W01) or a staff ID (like S001)
import-date-required = required: a date, like { $year }-10-09
import-date-bad = it should be a date, like { $year }-10-09; { $got }
import-count-bad = it should be a whole number from 1 (empty means 1); { $got }
import-minutes-bad = it should be minutes (a whole number, 0 or more); { $got }
import-number-bad = it should be { $what } (a number, 0 or more, like 3 or 2.5); { $got }
import-what-points = points
import-what-units = units
import-level-bad = it should be county, city, province or national; { $got }
import-aggravated-bad = it should be "yes" or "no" (empty means no); { $got }
import-status-bad = it should be confirmed, pending or revoked (empty means confirmed); { $got }
import-record-of = [record { $record }]
import-progress-reading = reading the records
import-progress-checking = checking the data
import-read-shared-strings = cannot read { $path } as a workbook: its shared strings table declares { $count } strings, more than the { $max } a workbook can hold (the file is damaged)
import-read-no-such-sheet = { $path }: no sheet { $sheet }; the sheets are { $sheets }
import-read-no-sheets = { $path }: the workbook has no sheets
import-read-beyond-grid = { $path }: cell { $cell } is beyond the last cell of a sheet (XFD1048576)
import-read-too-large = { $path }: sheet { $sheet } is too large to import: more than { $max } cells up to the last filled cell of each row (at { $cell }); delete what lies right of and below the records
import-read-false-utf16 = the file starts as UTF-16 but is not
import-read-not-text = the file is neither UTF-8 nor GBK text: save it from Excel as “CSV UTF-8” or “CSV (逗号分隔)”
