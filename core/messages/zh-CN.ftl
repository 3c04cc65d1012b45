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
