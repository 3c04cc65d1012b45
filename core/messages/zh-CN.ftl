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
flag-disqualified-rest-of-year = 自本月起至年底取消评优资格 (适用于{ $period }及其后各期; { $rule })
flag-carried = { $detail }, 自 { $since } 起
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

## 数据集的问题 (校验)
thing-department = 部门
thing-window = 窗口
thing-staff = 人员
thing-record = 记录
field-heads = 窗口负责人
field-chief-representatives = 首席代表
problem-id-too-long = 编号或代码最多 { $max } 个字符, 实为 { $got } 个
problem-text-too-long = 文字最多 { $max } 个字符, 实为 { $got } 个
problem-beyond-limit = { $value } 超出 ±{ $limit } 的范围
problem-too-many-records = 记录 { $count } 条, 每个数据集最多 { $limit } 条
problem-count-beyond-limit = 次数 { $count } 超出每条记录 { $limit } 次的上限
problem-duplicate-id = { $what }编号 { $id } 已被 { $list }[{ $first }] 使用
problem-empty-id = 编号不能为空
problem-window-unknown-department = 窗口 { $window } 所属部门 { $department } 不在部门名单中
problem-window-closes-before-opening = 窗口 { $window } 撤销日期 ({ $closed }) 早于设立日期 ({ $opened })
problem-term-unknown-staff = 人员 { $staff } 不在人员名单中
problem-term-no-person = 请填写人员编号或姓名
problem-term-ends-before-start = 任期结束日期 ({ $to }) 早于开始日期 ({ $from })
problem-terms-overlap = 窗口 { $window }: 两段{ $field }任期重叠
problem-staff-unknown-department = 人员 { $staff } 所属部门 { $department } 不在部门名单中
problem-assigned-unknown-window = 人员 { $staff } 所在窗口 { $window } 不在窗口名单中
problem-assignment-ends-before-start = 岗位结束日期 ({ $to }) 早于开始日期 ({ $from })
problem-assignments-overlap = 人员 { $staff }: assignments[{ $k }] ({ $a }) 与 assignments[{ $j }] ({ $b }) 时间重叠
problem-target-percentage = 目标值应为 0–100 的百分数, 实为 { $value }
problem-metrics-unknown-window = 没有窗口 { $window }
problem-month-outside-year = 月份 { $month } 不在数据集年度 { $year } 内
problem-rate-percentage = 比率应为 0–100 的百分数, 实为 { $value }
problem-metrics-duplicate = 窗口 { $window } 有两条 { $month } 的业务数据
problem-metrics-missing = 窗口 { $window } 缺少 { $month } 的业务数据 (考评办法要求提供)
problem-record-id-empty = 记录编号不能为空
problem-date-outside-year = 日期 { $date } 不在数据集年度 { $year } 内
problem-count-at-least-1 = 次数至少为 1, 实为 { $count }
problem-unknown-rule = 未知的考评项目代码 { $rule } (考评办法 { $policy } 中没有)
problem-unknown-staff = 未知的人员 { $subject }
problem-unknown-staff-is-window = 未知的人员 { $subject }: { $id } 是窗口, 而 { $rule } 是人员考评项目
problem-unassigned = 人员 { $staff } 在 { $date } 没有窗口岗位 (E9): 无法确定计分窗口
problem-unknown-window = 未知的窗口 { $subject }
problem-unknown-window-is-staff = 未知的窗口 { $subject }: { $id } 是人员, 而 { $rule } 是窗口考评项目
problem-window-not-open = 窗口 { $window } 在 { $date } 未开设
problem-derived-recorded = { $rule } 不能直接记录: 由 { $from } 计算得出 (E3)
problem-keyed-count = 带事项标识的记录代表一项成绩: 次数必须为 1, 实为 { $count } (E4)
problem-year-range = 年度 { $year } 超出可处理的范围 (1900–9999)
problem-staff-id-is-window = 人员编号 { $id } 与 windows[{ $index }] 的编号相同: 记录的对象将无法区分
problem-points-missing = 缺少分值: { $rule } 须填写分值, 幅度 { $range } (C7)
problem-points-outside = 分值 { $points } 超出 { $rule } 的幅度 { $range }
problem-points-step = 分值 { $points } 不是 { $rule } 自 { $min } 起以 { $step } 为单位的分值
problem-level-missing = 缺少级别: { $rule } 须为 { $listed } 之一
problem-level-not-listed = 级别 { $level } 不在 { $rule } 的级别中 (E3); 应为 { $listed } 之一
problem-units-missing = 缺少数量: { $rule } 按{ $unit }计
problem-units-positive = 数量必须大于 0, 实为 { $units }
problem-units-whole = { $rule } 按整{ $unit }计, 实为 { $units }
problem-points-fixed = { $rule } 在此处分值为 { $points } (考评办法规定); 记录填写为 { $stated }
problem-units-beyond-limit = { $units } { $unit } × { $per_unit } 分超出单次 { $limit } 分的上限
problem-no-aggravated-variant = { $rule } 没有“情节严重”的情形

## 问题列表 (命令行工具输出)
document-dataset = 数据集
document-policy = 考评办法
document-request = 请求
errors-header-one = { $document }有 1 个问题:
errors-header-many = { $document }有 { $count } 个问题:
problem-whole-document = (整个文件)
problem-at-record = [记录 { $record }]
problem-at-rule = [项目 { $rule }]
problem-period-outside-year = 考评期 { $period } 不在数据集年度 { $year } 内
problem-kind-window-category = derived_from_staff 计算的是窗口的类别: 该项目须是窗口项目
problem-kind-no-staff-category = 没有工作人员扣分类别 { $source }; 请填写工作人员类别代码或 "total"
problem-kind-max-below-min = 上限 { $max } 小于下限 { $min }
problem-kind-no-level-points = 请至少列出一个级别的分值
problem-kind-factor-limit = 系数 { $factor } 超出上限 { $limit }
problem-kind-via-charges = via { $via } 扣的是{ $charged }的分, 但 { $code } 是{ $subject }项目
problem-kind-no-link-source = 没有可连带的考评项目 { $source }
problem-kind-link-to-linked = { $code } 本身是连带项目, 没有自己的记录可读; 请连带到它所读取的项目
problem-kind-link-source-kind = { $code } 是{ $subject }项目, 但 via { $via } 读取的是{ $reads }的记录
problem-kind-no-metric = 请至少指定一项业务指标
problem-kind-window-metrics = 窗口业务指标: 该项目须是窗口项目
problem-kind-no-tier = 请至少给出一档
problem-kind-positive = { $name } 须大于 0, 实为 { $value }
problem-kind-beyond-limit = { $name } { $value } 超出 ±{ $limit } 的范围
problem-kind-monthly-state-window = monthly_state 读取窗口的人员名单: 该项目须是窗口项目
problem-kind-tier-bound = above (不含) 和 at_least (含) 须且只须给出一个
problem-kind-points-non-negative = 分值须不小于 0, 实为 { $value }
problem-kind-veto-zero = at_least 为 0 时每月都会触发: 请给出 1 或以上
problem-kind-window-ratings = 窗口好差评: 该项目须是窗口项目
problem-kind-counts-missing = 请指定计数的考评项目
problem-kind-counts-itself = { $code } 会计数自身, 而自身没有记录: 请指定被计数次数的考评项目
problem-unknown-kind = 未知的规则类型 { $kind }; 已注册的类型: { $kinds }
problem-params-not-a-list = { $kind } 的参数须按名称写在对象中 ({"{"}"name": value, …{"}"}), 不能写成列表

## 窗口业务数据: 名称, 及达到某档的数值
metric-cases = 办件量
metric-online_full_process = 全程网办率
metric-online_available = 网上可办率
metric-one_network = 一网通办率
line-metric-tier = { $window }: { $metric } { $value } ≥ { $at_least }
line-metric-tier-per-staff = { $window }: { $metric } { $value } / { $staff } 人 = { $per } ≥ { $at_least }

## 考评说明: 当月每一分如何扣减或加得
explain-window = 窗口
explain-staff = 窗口工作人员
explain-heading = { $who } { $id } { $name } ({ $department }) — { $month } 月度考评
explain-links-staff = 所在窗口: { $list }
explain-links-window = 在岗人员: { $list }
explain-link = { $id } { $days }天
explain-total = 总分 { $total } = 基础分 { $base } + 加分 { $bonus }; 等次 { $grade }
explain-forced = 等次由 { $by } 一票否决
explain-record = 记录 { $record }
explain-flag = 标记 { $code } [{ $rule }{ $record }]: { $detail }
explain-warning = 提示: { $warning }
explain-not-counted = 未计分记录:
explain-category = { $code } { $name } 满分 { $max } 得分 { $score }
explain-line-cut = (应计 { $raw }, { $reason })
explain-zeroed = → 由 { $rule } 判定此项不得分

## 命令行工具自身的消息
cli-error = 错误: { $message }
cli-too-large = { $path } 有 { $size } 字节, 文件最大 { $limit } 字节
cli-cannot-read = 无法读取 { $path }: { $error }
cli-not-utf8 = { $path } 不是有效的 UTF-8 文本 (第 { $byte } 字节处); 请另存为 UTF-8 编码
cli-cannot-write = 无法写入 { $path }: { $error }
cli-policy-ok = 通过: 考评办法 { $id }, 共 { $count } 个考评项目
cli-dataset-ok = 通过: { $hall } ({ $year }年), 窗口 { $windows } 个, 人员 { $staff } 名, 记录 { $records } 条, 业务数据 { $metrics } 行
cli-template-written = 已写入 { $path }: { $count } 个考评项目{ $lists }, { $year } 年的日期
cli-template-lists = , 下拉列表含窗口 { $windows } 个、人员 { $staff } 名
cli-template-no-roster = {" "}(未给名册: 用 --roster 提供窗口和人员列表)
cli-cannot-build-template = 无法生成模板: { $error }
cli-usage-month-or-period = 请给出 --month YYYY-MM 或 --period (2026-10、2026-Q3、2026)
cli-unknown-format = 未知的格式 { $format }: 可用 { $choices }
cli-unknown-schema = 未知的模式 { $name }: 可选 { $names }
cli-bad-year = --year { $year }: 应为 1900–9999 之间的年份
cli-bad-rows = --rows { $rows }: 应为 1 至 1048575
cli-sheet-csv = --sheet 只用于工作簿; CSV 文件只有一个工作表
cli-imported = 已从 { $source } 导入 { $imported } 条记录{ $how }, 现共 { $total } 条记录
cli-imported-after = , 接在 { $roster } 原有的 { $kept } 条之后
cli-imported-replaced = ; --replace 删除了 { $roster } 原有的 { $dropped } 条记录
cli-then-wrote = { $summary }; 已写入 { $path }
cli-import-problem = { $source }: 有 1 处问题, 未写入任何内容:
cli-import-problems = { $source }: 有 { $count } 处问题, 未写入任何内容:
cli-not-evaluated = { $subject } 在 { $month } 未参加考评 (当月未开放, 或未分配到窗口)
cli-no-subject = { $path } 中没有窗口或工作人员 { $subject }
cli-months-without-data = 提示: { $months } 没有任何记录和指标数据, 按无扣分计算; 本期的排名和评先名单是暂定的, 数据录入完整后请重新计算。
cli-unknown-sheet = 未知的工作表 { $name }: 可选 { $names }
cli-by-department-xlsx = --by-department 写出包含全部工作表的 xlsx 工作簿: 请不要同时给出 --format 和 --sheet
cli-xlsx-needs-output = xlsx 报告需要 -o 文件.xlsx 或 --by-department 目录 (或用 --format csv|md|json 输出到屏幕)
cli-xlsx-sheet = --sheet 只用于 csv、md 和 json; xlsx 报告包含全部工作表
cli-csv-needs-output = csv 报告需要 -o 目录 (每个工作表一个文件) 或 --sheet 名称 (一个工作表, 输出到屏幕或 -o 文件)
cli-cannot-create-dir = 无法创建目录 { $path }: { $error }
cli-wrote-department-books = 已写入 { $count } 个部门的考评反馈工作簿: { $path }
cli-wrote-sheets = 已写入 { $path } ({ $count } 个工作表)
cli-wrote-csv = 已写入 { $count } 个 CSV 文件: { $path }
cli-wrote = 已写入 { $path }
cli-not-a-workbook = 无法将 { $path } 作为工作簿读取: { $error }
cli-cannot-read-sheet = 无法读取 { $path } 的工作表 { $sheet }: { $error }
cli-false-utf8 = 文件以 UTF-8 标记开头, 但内容不是有效的 UTF-8: { $error }

## 命令行工具的表格 (kaoping score, kaoping awards)
cli-table-month-title = { $hall } — { $month } 月度考评 ({ $policy })
cli-table-period-title = { $hall } — { $period } 考评 ({ $policy })
cli-table-period-month = { $month } 月度
cli-table-period-quarter = { $year }年第{ $quarter }季度
cli-table-period-year = { $year }年度
cli-table-heading = == { $title } ({ $count } 个) ==
cli-table-windows = 窗口考评
cli-table-staff = 窗口工作人员考评
cli-table-window-ranking = 窗口排名
cli-table-staff-ranking = 窗口工作人员排名
cli-table-rank = 名次
cli-table-department-rank = 部门内名次
cli-table-id = 编号
cli-table-name = 名称
cli-table-department = 部门
cli-table-months = 参评月数
cli-table-score = 得分
cli-table-deductions = 扣分
cli-table-complaints = 投诉
cli-table-bonus = 加分
cli-table-total = 总分
cli-table-grade = 等次
cli-table-flags = 标记
cli-table-eligibility = 评先资格
cli-table-disqualified = 取消
cli-table-records = 记录 { $records } 条: 计分 { $counted } 条, 未计分 { $not_counted } 条; 提示 { $warnings } 条
cli-award-none-this-period = (本期无评先项目)
cli-award-heading = == { $period } { $award } — 名额 { $quota } (参评 { $participants }, { $detail }) ==
cli-award-nobody = 无
cli-award-awarded = ★ { $id } { $name } ({ $department }) 得分 { $score } 第{ $rank }名
cli-award-tied = 名额线并列, 提请中心研究决定: { $list }
cli-award-not-eligible = × { $id } 第{ $rank }名 不具备资格: { $detail }
cli-award-policy-has-none = 本考评办法不设评先项目
cli-award-not-this-period = { $names }按{ $when }评选, 本期不评选
cli-award-period-month = 月度
cli-award-period-quarter = 季度
cli-award-period-year = 年度
# 表格和报告中对象的标记 (flags 的代码)
flag-label-recommend-reassignment = 建议调岗或辞退
flag-label-disqualified-month = 取消当月评先
flag-label-disqualified-quarter = 取消季度评先
flag-label-disqualified-year = 取消年度评先
flag-label-category-zeroed-for-year = 投诉处理年度不得分
flag-label-forced-grade = 一票否决

## 考评报告 (kaoping report): 工作表名称, 标题, 列名和说明
report-sheet-summary = 概况
report-sheet-window-scores = 窗口得分
report-sheet-staff-scores = 人员得分
report-sheet-deductions = 扣分明细
report-sheet-bonuses = 加分明细
report-sheet-departments = 部门反馈
report-sheet-rankings = 排名
report-sheet-awards = 评先名单
report-sheet-records = 记录核对
report-title = { $hall } { $period } 考评报告
report-title-summary = 考评概况
report-title-window-scores = 窗口考评得分
report-title-staff-scores = 窗口工作人员考评得分
report-title-deductions = 扣分明细
report-title-bonuses = 加分明细
report-title-departments = 进驻部门考评情况反馈
report-title-rankings = 考评排名
report-title-awards = 评先名单
report-title-records = 考评记录核对
report-title-department-brief = { $department } 考评情况反馈
report-period-month = { $year }年{ $month }月
report-period-quarter = { $year }年第{ $quarter }季度
report-period-year = { $year }年度
report-month = { $month }月
report-month-note = { $month }月: { $note }
report-list-separator = 、
report-no-department = 未归属部门
report-progress-evaluating = 计算考评结果
report-progress-writing = 写入 { $sheet }
report-fact-hall = 大厅
report-fact-period = 考评期间
report-fact-months = 考评月份
report-fact-policy = 考评办法
report-policy-version = { $name } ({ $version }版)
report-fact-windows = 参评窗口(个)
report-fact-staff = 参评人员(名)
report-fact-records = 考评记录(条)
report-fact-counted = 其中计分
report-fact-not-counted = 其中未计分
report-fact-incomplete = 数据不完整
report-incomplete = { $months } 没有任何记录和指标数据, 按无扣分计算; 本期排名和评先名单为暂定
report-fact-warnings = 提示
report-warnings-count = { $count } 条, 见本页“提示”
report-fact-department = 部门
report-fact-indicator = 政务服务指标
report-fact-deductions = 扣分合计
report-fact-bonuses = 加分合计
report-department-no-windows = (本部门无参评窗口)
report-department-file = 考评-{ $period }-{ $department }
report-page-footer = 第 { $page } 页 / 共 { $pages } 页
report-section-facts = 基本情况
report-section-grades = 等次分布
report-section-compare-month = 与上月比较
report-section-compare-quarter = 与上季度比较
report-section-top-windows = 窗口得分前{ $n }名
report-section-bottom-windows = 窗口得分后{ $n }名
report-section-top-staff = 人员得分前{ $n }名
report-section-bottom-staff = 人员得分后{ $n }名
report-section-top-rules = 扣分最多的考评项目(前{ $n }项)
report-section-categories = 各类别扣分
report-section-monthly-means = 各月平均得分
report-section-awards = 评先
report-section-warnings = 提示
report-section-department-windows = 本部门窗口
report-section-department-staff = 本部门人员
report-section-notes = 说明
report-award-title-window = { $award } (名额 { $quota } 个, 参评 { $participants } 个)
report-award-title-staff = { $award } (名额 { $quota } 名, 参评 { $participants } 名)
report-award-nobody = 本期无当选
report-no-awards = (本期无评先项目: { $why })
report-none-this-period = 本期无
report-department-brief-note = 全厅名次为在全厅同类对象中的名次(名次/参评总数); 扣分、加分的每一条见“扣分明细”“加分明细”, 每条记录的计分情况见“记录核对”。
report-department-none-evaluated = (本期无参评窗口和人员)
report-mean-window = 窗口平均得分
report-mean-staff = 人员平均得分
report-total = 合计
report-applies-window = 窗口
report-applies-staff = 窗口工作人员
report-disqualified = 取消评先: { $detail }
report-eligibility-disqualified = 取消
report-not-evaluated = 未参评
report-grade-forced = 等次由 { $by } 一票否决
report-category-zeroed = 此项不得分
report-chart-window-ranking = 窗口得分排名
report-chart-window-ranking-top = 窗口得分排名(前{ $n }名)
report-chart-categories = 各类别扣分(蓝: 人员, 橙: 窗口)
report-axis-score = 得分
report-axis-deductions = 扣分
report-axis-mean = 平均得分
report-col-fact = 项目
report-col-value = 内容
report-col-grade = 等次
report-col-windows-count = 窗口(个)
report-col-staff-count = 人员(名)
report-col-measure = 指标
report-col-this-period = 本期
report-col-previous-month = 上月({ $period })
report-col-previous-quarter = 上季度({ $period })
report-col-change = 增减
report-col-rank = 名次
report-col-hall-rank = 全厅名次
report-col-department-rank = 部门内名次
report-col-id = 编号
report-col-name = 名称
report-col-department = 部门
report-col-department-id = 部门编号
report-col-indicator = 政务服务指标
report-col-score = 得分
report-col-rule = 项目
report-col-rule-name = 项目名称
report-col-article = 条款
report-col-deductions-total = 扣分合计
report-col-occurrences = 次数
report-col-counted-occurrences = 计分次数
report-col-category = 类别
report-col-applies-to = 适用对象
report-col-month = 月份
report-col-window-mean = 窗口平均分
report-col-staff-mean = 人员平均分
report-col-result = 结果
report-col-subject = 对象
report-col-subject-name = 对象名称
report-col-message = 内容
report-col-months-evaluated = 参评月数
report-col-deductions = 扣分
report-col-bonus = 加分
report-col-complaints = 投诉次数
report-col-eligibility = 评先资格
report-col-notes = 说明
report-col-kind = 类型
report-col-record = 记录编号
report-col-date = 日期
report-col-deduction-due = 应扣
report-col-deduction-counted = 实扣
report-col-bonus-due = 应加
report-col-bonus-counted = 实加
report-col-cut-reason = 未全额计分原因
report-col-award = 评先项目
report-col-quota = 名额
report-col-participants = 参评数
report-col-quota-detail = 名额计算
report-col-status = 状态
report-col-points = 分值
report-col-not-counted-reason = 未计分原因
report-col-linked = 关联计分

## 考评办法的问题
policy-counted-statuses = 计分的记录状态必须包含 "confirmed" (C10), 实为 { $got }
policy-duplicate-code = 考评项目代码 { $rule } 出现两次
policy-unknown-category = 没有{ $kind }类别 { $category }; 应为 { $codes } 之一
policy-negative-cap = 上限不能为负数, 实为 { $cap }
policy-item-exceeds-category = { $rule } 单次可计 { $most } 分, 但所属类别 { $category } 满分仅 { $max }
policy-duplicate-category = 类别 { $category } 出现两次
policy-negative-max = 满分不能为负数, 实为 { $max }
policy-base-mismatch = 基础分 { $base } 必须等于各扣分类别满分之和 { $sum } (C1)
policy-max-total-below-base = 总分上限 max_total { $max_total } 低于基础分 { $base } (C1, C3): 无任何记录的对象也得不到基础分
policy-min-above-max = 总分下限 min_total { $min_total } 高于上限 max_total { $max_total }
policy-rest-of-year-without-category = persistence 为 rest_of_year 时，被清零的类别保持到年底: 请在 zero_category 中给出类别；全年取消评优资格请用 effects.disqualify_rest_of_year
policy-band-without-floor = 只有最后一个等次可以没有下限
policy-last-band-floor = 最后一个等次不能有下限
policy-bands-order = 等次须从高到低排列, 每个下限低于前一个: { $min } 不低于 { $previous }
policy-award-share-or-count = 评选项目 { $award }: share (比例) 与 count (名额) 须且只须给出一个
policy-award-share-range = 比例应为 0 到 1 之间的小数 (10% 写作 0.10), 实为 { $share }
policy-complaint-rule-unknown = 投诉项目 { $rule } (第 { $entry } 项) 不是考评项目
policy-unknown-grade = 没有名为 { $grade } 的等次
policy-threshold-no-condition = 至少需要一个条件
policy-threshold-condition-shape = at_least (含本数, C5) 与 more_than 须且只须给出一个
policy-threshold-at-least-0 = at_least 0 对每个对象每月都成立: 请给 1 或更大的数
policy-threshold-unknown-item = 没有可计数的考评项目 { $rule }
policy-threshold-other-subject = { $counted } 是{ $counted_kind }项目; { $rule } 计数的是{ $kind }项目
policy-threshold-unknown-category = 没有{ $kind }扣分类别 { $category }
kind-staff = 人员
kind-window = 窗口

## 计算类项目的依据 (E3), 及分钟档次
from-staff-scores = 人员的 { $source } 得分
from-linked-assigned = { $source } 记录 (计入记录当日该人员所在的窗口)
from-linked-chief = { $source } 记录 (计入窗口首席代表)
from-linked-head = { $source } 记录 (计入窗口负责人)
from-window-metrics = 窗口业务数据 { $metrics }
from-window-metric = 窗口业务数据 { $metric }
tier-above = 超过{ $minutes }分钟
tier-at-least = { $minutes }分钟及以上
period-pro-rated = 按期折算: { $sum } ÷ 本期 { $months } 个月 (参评 { $evaluated } 个月) = { $score }
rollup-term-mean = { $weight } × ({ $sum } ÷ { $months })
rollup-term-input = { $weight } × { $value } ({ $input })
rollup-term-missing = { $weight } × { $value } ({ $input }: 未提供)
rollup-detail = { $terms } = { $score }
award-score-composed = { $detail }; 评选得分 { $score }
award-tie-all = 名额线上并列: { $tied } 个对象并列争 { $left } 个剩余名额, 全部授予
award-tie-centre = 名额线上并列: { $left } 个名额留待中心从 { $tied } 个并列对象中决定
grade-none = 参评 { $evaluated } 个月, 少于 { $min } 个月: { $grade }
grade-quota-demoted = { $grade } 至多 { $share } × { $graded } 名定等人数 = { $exact } → { $quota } 名: 超出名额, 定为 { $next }
policy-grade-quota-grade = 等次比例限制的等次须有下一等次: 请给出最后一档以外的等次, 实为 { $grade }
policy-share-range = 比例应为 0 到 1 之间的小数 (15% 写作 0.15), 实为 { $share }
policy-rollup-no-parts = 加权汇总至少需要一个组成部分
from-window-ratings = 窗口的好差评
line-ratings-none = 本月无评价: { $score }
line-ratings-mean = 评价 ({ $terms }) ÷ { $n } = { $score }
line-rating-rate-low = 评价率 { $n } ÷ { $cases } 件 = { $rate }%, 低于 { $min }%
line-rating-veto = 非常不满意 { $count } 次, 达到 { $at_least } 次即一票否决
flag-because = { $why }: { $detail }

## the labels of a record's status and outcome and of an award standing's status
label-status-confirmed = 已确认
label-status-pending = 待核实
label-status-revoked = 已撤销
label-outcome-counted = 计分
label-outcome-partly_counted = 部分计分
label-outcome-not_counted = 未计分
label-award-awarded = 当选
label-award-not_eligible = 不具备资格
label-award-quota_full = 名额已满
label-award-tie_at_quota_line = 名额线并列(提请中心研究)

## the command's help (kaoping --help): every command, argument and heading
help-about = 考评: 按考评办法为政务服务大厅的窗口和窗口工作人员计分
help-after =
    中心每月的流程:
      kaoping template records.xlsx --roster hall.json          # 1. 生成要填写的表格
      (在 Excel 或 WPS 中填写“记录”工作表)                        # 2.
      kaoping import records.xlsx --roster hall.json -o hall.json            # 3. (追加到已有记录之后)
      kaoping validate hall.json                                # 4.
      kaoping report hall.json --period 2026-10 -o 2026-10.xlsx # 5. (季度时另有评先名单)

    每个子命令都有 --help, 附有示例。
    退出码: 0 成功; 1 输入有误 (问题输出到 stderr); 2 用法错误。
help-arg-lang = 结果中文字的语言 (明细、原因、标记、提示、评先说明), 用于表格、报告和 JSON: zh-CN (默认) 或 en
help-score = 计算一个月的得分: 带中文标签的窗口表和人员表
help-score-after =
    示例:
      kaoping score examples/data/county-2026.json --month 2026-10
      kaoping score examples/data/county-2026.json --period 2026-Q3
      kaoping score examples/data/county-2026.json --period 2026 --top 10
      kaoping score data.json --month 2026-10 --format json > result.json

    退出码: 0 成功; 1 输入有误 (数据集、考评办法、月份不在数据年度内: 问题输出到 stderr); 2 用法错误。
help-score-file = 数据集 (JSON)
help-score-month = 月份, YYYY-MM: 该月的完整结果 (每条类别明细、每条记录的处理结果)
help-score-period = 月份 2026-10、季度 2026-Q3 或年度 2026: 本期得分、排名和评先 (用 --format json 时为本期结果; --month 给出一个月的完整明细)
help-score-policy = 其他县的考评办法 (JSON); 不给出时使用内置的县级考评办法
help-score-format = `table` (默认) 或 `json` (含每条记录处理结果的完整结果)
help-score-top = 每张表的行数 (0: 全部)
help-awards = 季度或年度的排名和评先名单 (示范窗口、政务之星)
help-awards-after =
    示例:
      kaoping awards examples/data/county-2026.json --period 2026-Q3
      kaoping awards examples/data/county-2026.json --period 2026 --format json

    退出码: 0 成功; 1 输入有误 (问题输出到 stderr); 2 用法错误。
help-awards-file = 数据集 (JSON)
help-awards-period = 季度 2026-Q3 或年度 2026 (考评办法按月评先时也可为月份)
help-awards-policy = 其他县的考评办法 (JSON); 不给出时使用内置的县级考评办法
help-awards-format = `table` (默认) 或 `json`
help-validate = 检查数据集 (用 --policy-only 时检查考评办法), 列出全部问题
help-validate-after =
    示例:
      kaoping validate examples/data/county-2026.json
      kaoping validate --policy my-county.json examples/data/county-2026.json
      kaoping validate --policy-only my-county.json

    退出码: 0 有效; 1 有问题 (每个问题注明位置、记录和考评项目, 输出到 stderr); 2 用法错误。
help-validate-file = 数据集 (JSON), 用 --policy-only 时为考评办法文件
help-validate-policy = 其他县的考评办法 (JSON); 不给出时使用内置的县级考评办法
help-validate-policy_only = FILE 是考评办法文件: 只检查它本身
help-schema = 输出公布的 JSON Schema: policy、dataset、result、year_result、errors
help-schema-after =
    示例:
      kaoping schema dataset > dataset.schema.json
      kaoping schema policy > policy.schema.json

    退出码: 0 成功; 2 未知的模式名称。
help-schema-name = policy、dataset、result、year_result、period_result 或 errors
help-policy = 以 JSON 输出内置的考评办法 (县级考评办法)
help-policy-after =
    示例:
      kaoping policy > my-county.json     # 编写其他县的考评办法从这里开始
      kaoping validate --policy-only my-county.json

    退出码: 0 成功。
help-template = 生成中心填写用的 Excel 工作簿: 带下拉列表和数据验证的“记录”工作表, 以及考评项目 (含分值)、窗口和人员的参考工作表
help-template-after =
    示例:
      kaoping template records.xlsx --roster examples/data/county-2026.json
      kaoping template records.xlsx --year 2026              # 不给名册: 没有窗口和人员列表
      kaoping template records.xlsx --roster hall.json --policy my-county.json --rows 2000

    “记录”工作表的“考评项目”列有全部考评项目代码及其中文说明的下拉列表 (来自“考评项目”
    工作表); “对象编号”列有名册中窗口和人员的下拉列表; “日期”只接受名册年度内的日期。
    在 Excel 或 WPS 中填写后, 运行 kaoping import。

    退出码: 0 已写入; 1 输入有误 (名册、考评办法, 或文件无法写入); 2 用法错误。
help-template-output = 要写入的工作簿 (.xlsx)
help-template-roster = 数据集 JSON, 其中的窗口和人员填入参考工作表和下拉列表
help-template-policy = 其他县的考评办法 (JSON); 不给出时使用内置的县级考评办法
help-template-year = 表格接受的日期所在年度 (默认: 名册的年度, 否则为今年)
help-template-rows = 预置下拉列表和数据验证的行数
help-import = 把填好的记录表 (xlsx、xls、ods, 或 UTF-8、GBK 编码的 CSV) 读入数据集
help-import-after =
    示例:
      kaoping import records.xlsx --roster hall.json -o hall.json             # 表中记录追加到名册的记录之后
      kaoping import records.csv --roster hall.json -o dataset.json           # CSV: 自动识别 UTF-8 或 GBK
      kaoping import book.xlsx --sheet 十月 --roster hall.json > dataset.json
      kaoping import records.xlsx --roster hall.json -o hall.json --replace   # 删除名册原有记录 (并说明删除了多少条)

    名册是一个数据集 JSON, 提供大厅、年度、部门、窗口、人员、目标值、业务数据和已有记录;
    表中记录追加在其记录之后, 名册中已有的记录编号是其所在单元格的问题, 因此同一张表导入两次
    不会重复添加。只有 --replace 会删除名册原有记录 (并输出删除的条数)。输出文件要么完整写入,
    要么不写 (先写临时文件再改名覆盖)。每个有误的单元格都会报告其地址 (记录!D7) 和应填的
    内容; 数据集在写入前经过校验, 其问题对应回单元格。有误时不写入任何内容。

    退出码: 0 已导入; 1 输入有误 (单元格有误、数据集无效、文件无法读取); 2 用法错误。
help-import-file = 填好的表格: .xlsx、.xlsm、.xls、.ods 或 .csv
help-import-roster = 数据集 JSON, 提供大厅、年度、部门、窗口、人员、目标值和业务数据
help-import-output = 数据集 (JSON) 的写入位置; 不给出时输出到 stdout
help-import-append = 把表中记录追加到名册的记录之后 (默认行为; 为兼容旧脚本保留)
help-import-replace = 删除名册原有记录, 只保留表中记录 (会输出删除的条数)
help-import-sheet = 要读取的工作表 (默认: 记录, 否则为第一个工作表)
help-import-policy = 其他县的考评办法 (JSON); 不给出时使用内置的县级考评办法
help-report = 本期报告: 窗口和人员得分、扣分和加分明细、部门反馈、排名、评先名单和每条记录的处理结果
help-report-after =
    示例:
      kaoping report examples/data/county-2026.json --period 2026-10 -o 2026-10.xlsx
      kaoping report examples/data/county-2026.json --period 2026-Q3 -o 2026-Q3.xlsx
      kaoping report examples/data/county-2026.json --period 2026-10 --by-department 部门反馈-2026-10/
      kaoping report examples/data/county-2026.json --period 2026 --format csv -o report-2026/
      kaoping report data.json --period 2026-10 --format csv --sheet departments > departments.csv
      kaoping report data.json --period 2026-10 --format md > 2026-10.md
      kaoping report data.json --period 2026-Q3 --format json -o q3.json

    工作表 (slug 即 CSV 文件名和 --sheet 的值): summary 概况, window-scores 窗口得分,
    staff-scores 人员得分, deductions 扣分明细, bonuses 加分明细, departments 部门反馈,
    rankings 排名, awards 评先名单, records 记录核对。
    xlsx: 第一个工作表 (概况) 是带图表的简报 (窗口排名、各类别扣分, 季度或年度时还有各月平均分);
    各表有中文表头, 表头行冻结并可筛选, 编号旁有名称, 等次着色, 日期为日期格式, 得分为数字
    (格式 0.00), 按 A4 横向、一页宽打印。
    --by-department 目录: 每个部门一个工作簿 (部门简报、窗口、人员、每条扣分和加分及其考评项目、
    条款、记录和日期、部门的记录), 如 考评-2026-10-县市场监督管理局.xlsx。
    csv: 带 BOM 的 UTF-8 (可直接用 Excel 打开), -o 目录中每个工作表一个文件, 或用 --sheet 输出一个
    工作表。md: 输出到 stdout 或 -o。json: 各工作表为 {"{"}sheet, columns, rows{"}"}, 得分为精确的十进制字符串
    (完整结果请用 kaoping score --format json)。

    退出码: 0 已写入; 1 输入有误 (数据集、考评办法、考评期不在数据年度内); 2 用法错误。
help-report-file = 数据集 (JSON)
help-report-period = 月份 2026-10、季度 2026-Q3 或年度 2026
help-report-output = 输出文件 (xlsx、md、json) 或目录 (csv); 不给出时 md 和 json 输出到 stdout
help-report-format = xlsx (默认; 未给出时按 -o 的扩展名), csv、md 或 json
help-report-sheet = 只输出这个工作表 (slug 或中文名称), 用于 csv、md 和 json
help-report-policy = 其他县的考评办法 (JSON); 不给出时使用内置的县级考评办法
help-report-by_department = 另外 (不给 -o 时则只) 在此目录中为每个部门生成一个工作簿, 名为 考评-考评期-部门.xlsx, 可直接发给各部门
help-explain = 说明一个窗口或工作人员某月的每一分是怎样扣减或增加的, 注明考评项目代码和记录编号
help-explain-after =
    示例:
      kaoping explain examples/data/county-2026.json --subject S001 --month 2026-10
      kaoping explain examples/data/county-2026.json --subject W01 --month 2026-10
      kaoping explain data.json --subject S012 --month 2026-07 --policy my-county.json

    退出码: 0 成功; 1 输入有误 (数据集、考评办法, 或该对象当月未参加考评); 2 用法错误。
help-explain-file = 数据集 (JSON)
help-explain-subject = 窗口编号 (W01) 或人员编号 (S001)
help-explain-month = 月份, YYYY-MM
help-explain-policy = 其他县的考评办法 (JSON); 不给出时使用内置的县级考评办法
help-flag-help = 显示帮助
help-flag-version = 显示版本
help-heading-usage = 用法:
help-heading-commands = 命令
help-heading-arguments = 参数
help-heading-options = 选项

## 填写模板 (kaoping template): 工作表名称, 列名, 说明, 分值和填写要求

template-sheet-records = 记录
template-sheet-rules = 考评项目
template-sheet-windows = 窗口
template-sheet-staff = 人员
template-sheet-lists = 选项
template-sheet-instructions = 填写说明
template-col-id = 记录编号
template-col-rule = 考评项目
template-col-subject = 对象编号
template-col-date = 日期
template-col-count = 次数
template-col-minutes = 分钟
template-col-points = 分值
template-col-units = 单位数
template-col-level = 级别
template-col-key = 成果标识
template-col-aggravated = 情节加重
template-col-status = 状态
template-col-evidence = 佐证材料
template-col-note = 备注
template-help-id = 可留空: 导入时自动编为 R+日期-行号。填写时全年不得重复。
template-help-rule = 必填。从下拉列表选择, 或只填代码如 S1.1。
template-help-subject = 必填。窗口编号 (如 W01) 或人员编号 (如 S001); 可从下拉列表选择。
template-help-date = 必填。如 2026-10-09。
template-help-count = 一行代表几次相同问题; 留空为 1。
template-help-minutes = 迟到、早退、离岗的分钟数 (S1.1: 超过 30 分钟扣 2 分)。
template-help-points = 视情节扣分的项目必填, 如 3 或 2.5 (范围见“考评项目”表)。
template-help-units = 按单位计分的项目 (如每半天) 填写单位数。
template-help-level = 通报、媒体采用等项目必填: 县级、市级、省级、国家级。
template-help-key = 同一篇稿件、同一项成果在不同级别采用时填写相同标识, 只计最高一次。
template-help-aggravated = 情节加重 (造成不良影响、引起投诉等) 填“是”; 留空为否。
template-help-status = 留空为已确认; 待核实、申诉中填“待核实” (不计分); 撤销填“已撤销”。
template-help-evidence = 照片、文件编号等; 部分项目必填 (见“考评项目”表)。
template-help-note = 情况说明。
template-kind-staff = 窗口工作人员
template-kind-window = 窗口
template-rules-col-option = 下拉选项
template-rules-col-code = 代码
template-rules-col-subject = 对象
template-rules-col-category = 类别
template-rules-col-name = 项目名称
template-rules-col-points = 分值
template-rules-col-caps = 上限
template-rules-col-fill = 填写要求
template-rules-col-cite = 出处
template-rule-derived = { $label }【系统计算,勿填】
template-verb-deduct = 扣
template-verb-add = 加
template-points-each = 每次{ $verb }{ $points }分
template-points-above-minutes = 超过{ $minutes }分钟{ $verb }{ $points }分
template-points-from-minutes = { $minutes }分钟及以上{ $verb }{ $points }分
template-points-aggravated = 情节加重{ $verb }{ $points }分
template-points-range = { $verb }{ $min }–{ $max }分(视情节)
template-points-step = , 以{ $step }分为单位
template-points-level = { $level }{ $verb }{ $points }分
template-points-per-unit = 每{ $unit }{ $verb }{ $points }分
template-points-linked = 随{ $source }记录同{ $verb }
template-points-linked-factor = 随{ $source }记录{ $verb }(×{ $factor })
template-points-monthly = 当月{ $verb }{ $points }分
template-points-below-target = 每项未达标{ $verb }{ $points }分
template-points-shortfall = 每低{ $unit }个百分点{ $verb }{ $points }分
template-points-tier = { $at_least }以上{ $verb }{ $points }分
template-points-derived = 按工作人员{ $source }得分加权平均
template-points-count-threshold = 达到次数时该类别不得分
template-level-county = 县级
template-level-city = 市级
template-level-province = 省级
template-level-national = 国家级
template-unit-half_day = 半天
template-unit-working_day = 工作日
template-unit-day = 天
template-cap-month = 每月最多{ $points }分
template-cap-year = 每年最多{ $points }分
template-fill-derived = 系统计算, 不填写 (依据: { $from })
template-fill-minutes = 填写分钟
template-fill-aggravated = 情节加重时“情节加重”填“是”
template-fill-points = 必须填写分值 ({ $min }–{ $max })
template-fill-level = 必须填写级别; 同一成果填写相同的成果标识
template-fill-units = 必须填写单位数 ({ $unit })
template-fill-evidence = 必须填写佐证材料
template-fill-nothing = 无需其他信息
template-col-subject-id = 编号
template-col-name = 名称
template-col-person = 姓名
template-col-department = 部门
template-col-opened = 开设日期
template-col-closed = 撤销日期
template-col-heads = 窗口负责人
template-col-windows = 所在窗口
template-span-from = { $who }({ $from }起)
template-span-to = { $who }(至{ $to })
template-span-both = { $who }({ $from }至{ $to })
template-lists-col-subject = 对象
template-howto-title = { $policy } 考评记录表 ({ $year } 年)
template-howto-1 = 1. 在“{ $records }”表中每行填写一条记录 (巡查发现的问题、投诉、表扬等), 表头不要改动。
template-howto-2 = 2. 必填: 考评项目 (从下拉列表选择)、对象编号 (窗口编号如 W01, 人员编号如 S001)、日期。
template-howto-3 = 3. 记录编号可留空, 导入时自动编为 R+日期-行号; 同一记录不要重复导入。
template-howto-4 = 4. 各考评项目的分值和需要填写的信息见“{ $rules }”表的“分值”“填写要求”两列。
template-howto-5 = 5. 视情节扣分的项目 (如 S2.3) 在“分值”列填写具体分值; 通报、媒体采用等项目在“级别”列选择级别。
template-howto-6 = 6. 状态留空即为“已确认”; 待核实或申诉中的记录填“待核实”, 不计分; 撤销的记录填“已撤销”。
template-howto-7 = 7. 一行代表多次相同问题时, 在“次数”列填写次数 (留空为 1)。
template-howto-8 = 8. 填好后导入: kaoping import 本文件.xlsx --roster 名单.json -o 数据.json
template-howto-8b = 导入时逐格检查, 有错误会指明单元格 (如 记录!D7) 和应填内容, 全部改正后才会写出文件。
template-howto-9 = 9. 窗口和人员名单见“{ $windows }”“{ $staff }”表; 对象编号可从下拉列表选择。
template-valid-rule = 请从下拉列表中选择考评项目 (见“{ $rules }”表)。
template-valid-subject-list = 请从下拉列表中选择窗口或人员。
template-valid-subject = 请填写窗口编号 (如 W01) 或人员编号 (如 S001)。
template-valid-date = 请填写 { $year } 年内的日期, 如 { $year }-10-09。
template-valid-count = 次数为 1 以上的整数, 留空为 1。
template-valid-minutes = 分钟为 0–1440 的整数。
template-valid-points = 分值为 0–100 的数, 如 3 或 2.5。
template-valid-units = 单位数为正数, 如 1 或 0.5。
template-valid-level = 请选择: 县级、市级、省级、国家级。
template-valid-aggravated = 请选择“是”或“否”, 留空为否。
template-valid-status = 请选择: 已确认、待核实、已撤销; 留空为已确认。
template-yes = 是
template-no = 否

## 导入 (kaoping import): 单元格的问题

import-row = { $sheet }!第{ $row }行
import-list-separator = 、
import-no-header = 找不到表头行: 应有 { $columns } 等列 (模板用 kaoping template 生成)
import-column-twice = 列“{ $column }”重复 (已在 { $first } 列)
import-column-missing = 缺少必填列“{ $column }”
import-echo-cut = { $start }…(共 { $count } 字)
import-question-one = 是 { $one }?
import-question-or = 是 { $rest } 还是 { $last }?
import-question-many = 是 { $first } 等 { $count } 项中的哪一项? { $see }
import-see-sheet = 见“{ $sheet }”表
import-see-sheets = 见“{ $first }”“{ $second }”表
import-no-rule = 没有考评项目“{ $typed }”
import-is-category = “{ $code }” 是类别, 不是考评项目; { $question }
import-describe-window = { $id } (窗口, { $department })
import-describe-windows = 窗口 { $windows }
import-named-one = { $name } 是 { $id }? 请填写“{ $id }”或从下拉列表选择“{ $id } { $name }”
import-named-staff = 名单中有 { $count } 人名为“{ $name }”: { $ids }; 请填写其中一人的编号
import-named-windows = 名单中有 { $count } 个窗口名为“{ $name }”: { $ids }; 请填写其中一个的编号
import-named-subjects = 名单中有 { $count } 个窗口或人员名为“{ $name }”: { $ids }; 请填写其中一个的编号
import-not-on-roster = 名单中没有“{ $typed }”
import-id-not-window-name = 应填编号, 不是名称: { $named }
import-id-not-staff-name = 应填编号, 不是姓名: { $named }
import-no-subject = 名单中没有窗口或人员“{ $typed }”; 应为窗口编号 (如 W01) 或人员编号 (如 S001), 可从下拉列表选择 (见“{ $windows }”“{ $staff }”表)
import-id-other-name = 编号 { $id } 在名单中是“{ $name }”, 表中写的是“{ $typed }”
import-cell = { $column }: { $message }
import-got = 实为“{ $value }”
import-cell-error = 单元格为错误值 { $error }
import-rule-required = 必填: 应为考评项目代码 (如 S1.1), 可从下拉列表选择
import-rule-unknown = 应为“{ $rules }”表中的考评项目代码 (如 S1.1), { $got }
import-subject-required = 必填: 应为窗口编号 (如 W01) 或人员编号 (如 S001)
import-date-required = 必填: 应为日期, 如 { $year }-10-09
import-date-bad = 应为日期, 如 { $year }-10-09; { $got }
import-count-bad = 应为 1 以上的整数 (留空为 1); { $got }
import-minutes-bad = 应为分钟数 (不小于 0 的整数); { $got }
import-number-bad = 应为{ $what } (不小于 0 的数, 如 3 或 2.5); { $got }
import-what-points = 分值
import-what-units = 单位数
import-level-bad = 应为 县级、市级、省级 或 国家级; { $got }
import-aggravated-bad = 应为“是”或“否” (留空为否); { $got }
import-status-bad = 应为 已确认、待核实 或 已撤销 (留空为已确认); { $got }
import-record-of = [记录 { $record }]
import-progress-reading = 读取记录
import-progress-checking = 校验数据
import-read-shared-strings = 无法将 { $path } 作为工作簿读取: 其共享字符串表声明了 { $count } 个字符串, 超过工作簿最多可容纳的 { $max } 个 (文件已损坏)
import-read-no-such-sheet = { $path }: 没有工作表 { $sheet }; 现有的工作表: { $sheets }
import-read-no-sheets = { $path }: 工作簿中没有工作表
import-read-beyond-grid = { $path }: 单元格 { $cell } 超出了工作表的最后一个单元格 (XFD1048576)
import-read-too-large = { $path }: 工作表 { $sheet } 太大, 无法导入: 到各行最后一个已填单元格为止超过 { $max } 个单元格 (在 { $cell }); 请删除记录右侧和下方的内容
import-read-false-utf16 = 文件以 UTF-16 标记开头, 但内容不是有效的 UTF-16
import-read-not-text = 文件既不是 UTF-8 也不是 GBK 文本: 请在 Excel 中另存为 “CSV UTF-8” 或 “CSV (逗号分隔)”
