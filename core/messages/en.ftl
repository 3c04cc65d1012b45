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
