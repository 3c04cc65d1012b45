# kaoping 消息目录, 简体中文 (默认). 每条消息在 en.ftl 中有相同参数的英文版本;
# core/src/messages.rs 列出全部消息, 任一文件缺少一条时其测试失败. 数字均已按精确小数写好.

## 记录未计分 (或未全部计分) 的原因 (result::Reason)
reason-pending = 待核实/申诉中
reason-revoked = 已撤销
reason-category-exhausted = 该项扣完为止
reason-month-cap = 达到本项月度上限
reason-year-cap = 达到本项年度上限
reason-bonus-cap = 奖励加分已达上限
reason-not-highest-of-key = 同一项目取最高值
reason-already-counted = 同一项目已按更高值计分
reason-no-evidence = 未提供佐证材料
reason-derived-item = 该项由其他数据计算
reason-no-target = 无可计分对象
reason-category-zeroed = 该项已不得分

## 记录结果说明
outcome-counted = 计分: { $points } 分
outcome-partly-counted = { $occurrences } 次中计 { $counted } 次: { $reason } (计 { $points } 分, 原 { $raw } 分)
outcome-not-counted = 未计分: { $reason }

## 当月标记
period-month = 本月
period-quarter = 本季度
period-year = 本年度
flag-disqualified = 取消{ $period }评先评优资格 ({ $rule })
flag-forced-grade = 不论得分, 定为“{ $grade }”

## 当月提示
warning-no-metrics = 窗口 { $window } 缺少 { $month } 的业务数据: 数据类考评项目未计算
warning-no-one-to-charge = 记录 { $record }: { $date } 无 { $rule } 的关联计分对象

## 季度与年度
period-category-zeroed = { $category } 全年按 0 分计 (原 { $score } 分)
period-forced-in-month = { $month } { $by }
period-flag-in-month = { $detail } ({ $month })

## 评先评优: 资格, 名额与排名
award-not-every-month = 本期 { $months } 个月中仅参评 { $evaluated } 个月 (P7)
award-disqualified = 因 { $rule } 取消资格: { $detail }
award-disqualified-record = 因 { $rule } (记录 { $record }) 取消资格: { $detail }
award-within-quota = 排名第 { $rank }, 在 { $quota } 个名额内
award-quota-filled = 排名第 { $rank }: { $quota } 个名额已满
award-tie-at-line = 名额线上并列, 由中心决定: { $tied } 个对象并列争 { $left } 个剩余名额 (已用尽全部比较规则)
quota-fixed = 固定名额 { $count } 个
quota-share = { $share } × { $base } = { $exact } → { $quota } ({ $rounding })
quota-none = 未设比例或名额
quota-minimum = { $detail }; 最少 { $minimum } 个
rounding-down = 向下取整
rounding-up = 向上取整
rounding-half-up = 四舍五入

## 分项明细: 一条记录的次数, 当月状态或计算得分
line-within-range = { $points } 分 (幅度 { $min }–{ $max })
line-level = { $level }
level-county = 县级
level-city = 市级
level-province = 省级
level-national = 国家级
line-minutes = { $minutes } 分钟
line-minutes-tier = { $minutes } 分钟: { $tier }
line-aggravated = 情节严重
line-per-unit = { $units } { $unit } × { $per_unit }
line-linked = { $subject } 的 { $source } 记录: { $detail }
line-linked-factor = { $subject } 的 { $source } 记录: { $points } × { $factor }
line-rate-below-target = { $metric } { $value }%, 低于目标 { $target }%
line-metric-shortfall = { $metric } { $value }, 低于目标 { $target }: 差 { $units } 个单位 × { $per_unit }
line-beyond-decimal = 超出小数可表示范围
line-no-window-head = { $days } 个工作日中 { $missing } 日未指定窗口负责人
line-no-chief-representative = { $days } 个工作日中 { $missing } 日无首席代表
line-no-staff-full-marks = 本月无在岗人员: 按满分计
line-derived-score = 计算得分 { $score }: { $detail }
line-key-already-counted = { $detail }; 同一事项 { $key } 已按 { $best } 分计入
line-key-top-up = { $detail }; 同一事项 { $key } 已计 { $best } 分, 本次补足差额
threshold-count-month = 本月 { $rule } { $count } 次
threshold-count-year = 本年累计 { $rule } { $count } 次
threshold-since = 自 { $since } 起
threshold-zeroed = { $category } 记 0 分: { $why }
flag-zeroed-for-year = { $category } 全年记 0 分 ({ $why }): 年度结果中每月该项均按 0 分计
forced-by-record = { $rule } (记录 { $record })

## 考评项目的提示
warning-no-staff-on-duty = { $rule }: 本月无在岗人员, 按满分计
warning-no-rate = { $rule }: 缺少 { $month } 的 { $metric } 比率
warning-no-target = { $rule }: 未设 { $metric } 的目标值
warning-no-metric = { $rule }: 缺少 { $month } 的 { $metric }
warning-shortfall-limited = { $rule }: { $metric } 差额按 { $unit } 计超过 { $limit } 分, 按 { $limit } 分计
