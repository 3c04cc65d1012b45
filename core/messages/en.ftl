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
