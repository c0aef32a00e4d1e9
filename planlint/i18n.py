"""The command line's own words, in Chinese (default) and English.

Rule messages live with the rules in YAML; this is everything else.  A run
speaks one language: code below the command line that has something to say
(a configuration error, a broken rule file) returns ``Words`` (a key and its
values), and the command line puts them into the run's language.
"""

from __future__ import annotations

from typing import NamedTuple

LANGUAGES = ("zh", "en")

_TEXT = {
    "missing": ("文件或目录不存在", "no such file or directory"),
    "permission": ("没有读取权限", "permission denied"),
    "directory": ("是目录，不是文件", "is a directory"),
    "unreadable": ("无法读取", "cannot be read"),
    "binary": ("是二进制文件，不是文本，已跳过", "is a binary file, not text; skipped"),
    "undecodable": ("无法识别文字编码（不是 UTF-8、UTF-16 或 GB18030/GBK），已跳过",
                    "cannot be decoded (not UTF-8, UTF-16 or GB18030/GBK); skipped"),
    "doc-format": ("是旧版 Word 二进制格式（.doc），请另存为 .docx 后再检查", "is an old binary Word file (.doc); save it as .docx to check it"),
    "encrypted": ("是加密（有密码保护）的 Word 文件，无法读取", "is a password-protected Word file and cannot be read"),
    "corrupt-docx": ("不是有效的 .docx 文件（文件已损坏）", "is not a valid .docx file (the package is damaged)"),
    "docx-fix": ("不会自动修改 .docx 文件（请在 Word 中修改），该文件未作任何改动",
                 "is a .docx file: fixes are never written into Word files (edit it in Word); left untouched"),
    "not-written": ("修复未写回，文件保持原样", "fixes not written; the file is unchanged"),
    "rule-failed": ("规则 {code} 未能完成：{reason}", "rule {code} did not finish: {reason}"),
    "rule-failure.timeout": ("正则表达式运行超过 {seconds} 秒，已停止", "its pattern took longer than {seconds}s and was stopped"),
    "rule-failure.crashed": ("规则出错（{detail}）", "it raised an error ({detail})"),
    "error-prefix": ("错误", "error"),
    "summary": ("共检查 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 条提示",
                "Checked {files:file}: {errors:error}, {warnings:warning}, {infos:info}"),
    "summary-clean": ("共检查 {files} 个文件，未发现问题", "Checked {files:file}: no problems found"),
    "summary-failed": ("另有 {count} 个文件或规则未能检查", "{count:file or rule} could not be checked"),
    "aggregate": ("（全文共 {count} 处，此处为第一处）", " ({count:occurrence} in this document; this is the first)"),
    "fixed": ("已自动修复 {count} 处", "{count:fix} applied"),
    "unknown-selector": ("未知的规则代码或类别：{selector}", "unknown rule code or category: {selector}"),
    "unknown-rule": ("没有这条规则：{code}", "no such rule: {code}"),
    "cache-cleaned": ("已清除缓存 {path}（{count} 个文件）", "Removed the cache {path} ({count:file})"),
    "cache-not-cleaned": ("无法清除缓存 {path}：{reason}", "Could not remove the cache {path}: {reason}"),
    "config.key": ("配置项 {key}", "key {key}"),
    "config.not-utf8": ("不是 UTF-8 文本（第 {byte} 字节）", "not UTF-8 text (byte {byte})"),
    "config.bad-toml": ("不是有效的 TOML：{detail}", "not valid TOML: {detail}"),
    "config.bad-yaml": ("不是有效的 YAML：{detail}", "not valid YAML: {detail}"),
    "config.unreadable": ("无法读取：{detail}", "cannot read: {detail}"),
    "config.unknown-selector": ("{value} 不是已知的规则代码、名称或类别", "unknown rule code, name or category {value}"),
    "unknown-code": ("{value} 不是已知的规则代码", "unknown rule code {value}"),
    "config.missing-directory": ("目录 {value} 不存在（{resolved}）", "directory {value} does not exist ({resolved})"),
    "config.not-a-directory": ("{value} 不是目录（{resolved}）", "{value} is not a directory ({resolved})"),
    "config.unknown-profile": ("{value} 不是已知的文档类型；已知的类型：{known}", "unknown document type {value}; known types: {known}"),
    "unknown-profile": ("--profile 的值 {value} 不是已知的文档类型；已知的类型：{known}",
                        "--profile {value} names no known document type; known types: {known}"),
    "schema.type.array": ("应为列表，而不是 {value}", "must be a list, not {value}"),
    "schema.type.object": ("应为表（键和值），而不是 {value}", "must be a table (keys and values), not {value}"),
    "schema.type.string": ("应为文字（字符串），而不是 {value}", "must be a string, not {value}"),
    "schema.type.integer": ("应为整数，而不是 {value}", "must be a whole number, not {value}"),
    "schema.type.number": ("应为数字，而不是 {value}", "must be a number, not {value}"),
    "schema.type.boolean": ("应为 true 或 false，而不是 {value}", "must be true or false, not {value}"),
    "schema.type": ("类型应为 {expected}，而不是 {value}", "must be of type {expected}, not {value}"),
    "schema.enum": ("值 {value} 无效，可选：{choices}", "{value} is not one of {choices}"),
    "schema.const": ("值应为 {expected}，而不是 {value}", "must be {expected}, not {value}"),
    "schema.required": ("缺少必填项 {names}", "required but missing: {names}"),
    "schema.unknown-key": ("未知的键；可用的键：{known}", "unknown key; known keys are {known}"),
    "schema.no-keys": ("此处不能有键", "unknown key; no keys are allowed here"),
    "schema.non-empty-list": ("列表不能为空", "must not be an empty list"),
    "schema.min-items": ("至少要有 {limit} 项", "must have at least {limit:item}"),
    "schema.max-items": ("最多只能有 {limit} 项", "must have at most {limit:item}"),
    "schema.empty-text": ("不能为空", "must not be empty"),
    "schema.min-length": ("至少要有 {limit} 个字符", "must have at least {limit:character}"),
    "schema.max-length": ("最多只能有 {limit} 个字符", "must have at most {limit:character}"),
    "schema.pattern": ("值 {value} 的写法不对，应符合 {pattern}", "{value} does not match {pattern}"),
    "schema.minimum": ("值 {value} 太小，最小为 {limit}", "{value} is less than the minimum of {limit}"),
    "schema.maximum": ("值 {value} 太大，最大为 {limit}", "{value} is more than the maximum of {limit}"),
    "schema.min-properties": ("至少要有 {limit} 个键", "must have at least {limit:key}"),
    "schema.unique-items": ("列表中有重复的项", "has repeated items"),
    "schema.other": ("值 {value} 不符合要求（{validator}）", "{value} is not valid here ({validator})"),
    "catalog.rule": ("规则 {rule}", "rule {rule}"),
    "catalog.field": ("字段 {field}", "field '{field}'"),
    "catalog.unreadable": ("无法读取：{detail}", "cannot read: {detail}"),
    "catalog.bad-yaml-at": ("不是有效的 YAML（第 {line} 行第 {column} 列）：{detail}",
                            "not valid YAML (line {line}, column {column}): {detail}"),
    "catalog.bad-yaml": ("不是有效的 YAML：{detail}", "not valid YAML: {detail}"),
    "catalog.no-rules": ("文件中没有规则（rules: 下至少要有一条）", "holds no rules (rules: needs at least one)"),
    "catalog.no-rule-files": ("目录中没有规则文件（*.yaml 或 *.yml）或文档类型配置（profiles/*.yaml）",
                              "holds no rule files (*.yaml or *.yml) or profiles (profiles/*.yaml)"),
    "catalog.missing-directory": ("规则目录不存在", "no such rules directory"),
    "catalog.not-a-directory": ("不是目录", "is not a directory"),
    "catalog.unknown-kind": ("{value} 不是已知的规则类型；可用的类型：{kinds}", "unknown kind {value}; kinds are {kinds}"),
    "catalog.broken-kind": ("规则类型 {value} 无法加载：{detail}", "the rule kind {value} cannot be loaded: {detail}"),
    "catalog.incomplete-kind": ("规则类型 {value} 缺少 {detail}（见 planlint.kinds 的约定）",
                                "the rule kind {value} lacks {detail} (see the protocol in planlint.kinds)"),
    "catalog.broken-entry-point": ("无法加载：{detail}", "cannot be loaded: {detail}"),
    "catalog.bad-param": ("取值无效：{detail}", "invalid: {detail}"),
    "catalog.placeholder-syntax": ("占位符写法有误：{detail}", "bad placeholder syntax: {detail}"),
    "catalog.unknown-placeholder": ("占位符 {names} 不存在；此规则类型提供：{allowed}",
                                    "unknown placeholder {names}; this kind offers {allowed}"),
    "catalog.duplicate": ("{value} 已在 {source} 中定义", "{value} is already defined in {source}"),
    "baseline.unreadable": ("无法读取基线文件：{detail}", "cannot read the baseline: {detail}"),
    "baseline.not-baseline": ("不是 planlint 的基线文件（基线由 --write-baseline 生成）",
                              "not a planlint baseline (one is made by --write-baseline)"),
    "baseline.version": ("基线文件的版本 {found} 不受支持（此版本的 planlint 读写版本 {version}）",
                         "baseline version {found} is not supported (this planlint reads and writes version {version})"),
    "baseline.not-written": ("无法写入基线：{reason}", "cannot write the baseline: {reason}"),
    "baseline-hidden": ("基线隐藏了 {count} 条诊断", "{count:diagnostic} hidden by the baseline"),
    "report-not-written": ("无法写入报告：{reason}", "cannot write the report: {reason}"),
    "missing-directory": ("所在目录不存在", "its directory does not exist"),
    "output-closed": ("标准输出在报告写完之前被关闭", "standard output was closed before the report was written"),
    "interrupted": ("已中断", "interrupted"),
    "internal-error": ("planlint 内部错误（{detail}）。这是 planlint 的缺陷，请连同命令和输入一起报告；"
                       "加 --verbose 或设置 PLANLINT_DEBUG=1 可显示完整的回溯",
                       "internal error in planlint ({detail}). This is a bug: please report it with the command "
                       "and the input (--verbose or PLANLINT_DEBUG=1 shows the traceback)"),
    "usage.help-hint": ("（用法见 {command} --help）", " (see {command} --help)"),
    "usage.no-such-option": ("没有 {name} 这个选项", "no such option {name}"),
    "usage.no-such-command": ("没有 {name} 这个命令", "no such command {name}"),
    "usage.did-you-mean": ("（是否想用 {names}？）", " (did you mean {names}?)"),
    "usage.needs-value": ("选项 {name} 需要一个值", "option {name} needs a value"),
    "usage.takes-no-value": ("选项 {name} 不接受值", "option {name} takes no value"),
    "usage.missing-argument": ("缺少参数 {name}", "missing argument {name}"),
    "usage.missing-option": ("缺少选项 {name}", "missing option {name}"),
    "usage.choice": ("{name} 的值 {value} 无效，可选：{choices}", "invalid value {value} for {name}; choose from {choices}"),
    "usage.at-least": ("{name} 的值 {value} 无效，应为不小于 {minimum} 的整数",
                       "invalid value {value} for {name}: a whole number of at least {minimum} is needed"),
    "usage.path-missing": ("{name}：{value} 不存在", "{name}: {value} does not exist"),
    "usage.path-is-directory": ("{name}：{value} 是目录，应为文件", "{name}: {value} is a directory, not a file"),
    "usage.path-is-file": ("{name}：{value} 不是目录", "{name}: {value} is not a directory"),
    "usage.path-permission": ("{name}：{value} 没有访问权限", "{name}: {value}: permission denied"),
    "usage.other": ("命令用法有误：{detail}", "usage error: {detail}"),
    "baseline-written": ("已将 {count} 条诊断记入基线 {path}", "Recorded {count:diagnostic} in the baseline {path}"),
    "example-silent": ("错误示例没有触发该规则", "the bad example did not raise the rule"),
    "examples-summary": ("{rules} 条规则：{passed} 个示例通过，{failed} 个未通过",
                         "{rules:rule}: {passed} examples passed, {failed} failed"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "severity.info": ("提示", "info"),
    "rule.category": ("类别", "category"),
    "rule.severity": ("级别", "severity"),
    "rule.kind": ("规则类型", "kind"),
    "rule.params": ("参数", "params"),
    "rule.fix": ("自动修复", "fix"),
    "rule.enabled": ("默认启用", "enabled by default"),
    "rule.message": ("提示信息", "message"),
    "rule.rationale": ("依据", "rationale"),
    "rule.bad": ("错误示例", "bad examples"),
    "rule.good": ("正确示例", "good examples"),
    "rule.source": ("定义于", "defined in"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "fix.safe": ("安全（--fix）", "safe (--fix)"),
    "fix.unsafe": ("需确认（--unsafe-fixes）", "unsafe (--unsafe-fixes)"),
    "fix.none": ("无", "none"),
    "tree.type": ("类型", "type"),
    "tree.year": ("年份", "year"),
    "tree.part": ("第 {index} 部分", "part {index}"),
    "tree.line": ("第 {line} 行", "line {line}"),
    "tree.paragraph": ("第 {line} 段", "paragraph {line}"),
    "tree.modes": ("编号方式", "numbering"),
    "mode.restart": ("逐级重新编号", "restarts under each parent"),
    "mode.continuous": ("全文连续编号", "runs on across sections"),
    "mode.single": ("单一序列", "a single run"),
    "mode.mixed": ("不一致", "mixed"),
    "symlink-loop": ("是循环的符号链接（链接最终指回自身），无法打开，已跳过",
                     "is a symbolic link that loops back on itself and cannot be opened; skipped"),
    "broken-link": ("是符号链接，但它指向的文件不存在，已跳过", "is a symbolic link to a file that does not exist; skipped"),
    "special-file": ("不是普通文件（而是管道、设备或套接字），已跳过",
                     "is not a regular file (a pipe, device or socket); skipped"),
    "too-large": ("超过文件大小上限（上限可用配置项 max-file-size 调整，单位 MB），已跳过",
                  "is over the size limit (the max-file-size setting, in MB); skipped"),
    "truncated-docx": ("不是完整的 .docx 文件（文件被截断，可能是下载或复制中断），无法读取",
                       "is an incomplete .docx file (cut off, as by an interrupted download or copy)"),
    "docx-bomb": ("解压后的大小与压缩大小极不相称，疑为“压缩炸弹”，不是正常的 Word 文件，已跳过",
                  "unpacks to far more than any real Word file (a zip bomb?); skipped"),
    "docx-too-large": ("解压后超过文件大小上限（上限可用配置项 max-file-size 调整，单位 MB），已跳过",
                       "unpacks to more than the size limit (the max-file-size setting, in MB); skipped"),
    "not-word.xlsx": ("是 Excel 工作簿（.xlsx），不是 Word 文档，已跳过", "is an Excel workbook (.xlsx), not a Word document; skipped"),
    "not-word.pptx": ("是 PowerPoint 演示文稿（.pptx），不是 Word 文档，已跳过",
                      "is a PowerPoint presentation (.pptx), not a Word document; skipped"),
    "not-word.odt": ("是 OpenDocument 文本（.odt），不是 .docx；请在 WPS、Word 或 LibreOffice 中另存为 .docx 后再检查",
                     "is an OpenDocument text (.odt), not a .docx; save it as .docx (WPS, Word or LibreOffice) to check it"),
    "not-word.ods": ("是 OpenDocument 电子表格（.ods），不是 Word 文档，已跳过",
                     "is an OpenDocument spreadsheet (.ods), not a Word document; skipped"),
    "not-word.odp": ("是 OpenDocument 演示文稿（.odp），不是 Word 文档，已跳过",
                     "is an OpenDocument presentation (.odp), not a Word document; skipped"),
    "not-word.ofd": ("是 OFD 版式文件（.ofd），不是 Word 文档，已跳过", "is an OFD fixed-layout document (.ofd), not a Word document; skipped"),
    "not-word.zip": ("是 ZIP 压缩包，不是 Word 文档，已跳过", "is a zip archive, not a Word document; skipped"),
    "not-word.word-variant": ("是 Word 模板或启用宏的文档（.dotx/.docm），请另存为 .docx 后再检查",
                              "is a Word template or macro-enabled document (.dotx/.docm); save it as .docx to check it"),
    "not-word.xls": ("是旧版 Excel 工作簿（.xls），不是 Word 文档，已跳过", "is an old Excel workbook (.xls), not a Word document; skipped"),
    "not-word.ppt": ("是旧版 PowerPoint 演示文稿（.ppt），不是 Word 文档，已跳过",
                     "is an old PowerPoint presentation (.ppt), not a Word document; skipped"),
    "not-word.ole": ("是旧版 Office 或 WPS 的二进制文件，不是 .docx，已跳过",
                     "is an old binary Office or WPS file, not a .docx; skipped"),
    "not-word.pdf": ("是 PDF 文件，不是 Word 文档，已跳过", "is a PDF file, not a Word document; skipped"),
    "not-word.html": ("是网页（HTML），不是 .docx；请在 Word 或 WPS 中打开并另存为 .docx 后再检查",
                      "is a web page (HTML), not a .docx; open it in Word or WPS and save it as .docx to check it"),
    "not-word.mht": ("是单个文件网页（.mht），不是 .docx；请在 Word 或 WPS 中打开并另存为 .docx 后再检查",
                     "is a single-file web page (.mht), not a .docx; open it in Word or WPS and save it as .docx to check it"),
    "not-word.rtf": ("是 RTF 文档，不是 .docx；请在 Word 或 WPS 中另存为 .docx 后再检查",
                     "is an RTF document, not a .docx; save it as .docx (Word or WPS) to check it"),
    "not-word.word-xml": ("是 Word XML 文档（不是 .docx 压缩包）；请在 Word 中另存为 .docx 后再检查",
                          "is a Word XML document, not a .docx package; save it as .docx in Word to check it"),
    "not-word.image": ("是图片，不是 Word 文档，已跳过", "is an image, not a Word document; skipped"),
    "not-word.archive": ("是压缩包（RAR、7z 或 gzip 等），不是 Word 文档，已跳过",
                         "is a compressed archive (RAR, 7z, gzip…), not a Word document; skipped"),
    "not-word.text": ("是纯文本文件，不是 Word 文档；请将扩展名改为 .txt 后再检查",
                      "is a plain text file, not a Word document; rename it to .txt to check it"),
    "not-word.empty": ("是空文件（0 字节），不是 Word 文档，已跳过", "is empty (0 bytes), not a Word document; skipped"),
    "read-only": ("文件是只读的，修复未写入，文件保持原样", "is read-only: fixes not written; the file is unchanged"),
    "owner-not-kept": ("无法让修复后的文件保持原来的所有者和属组，修复未写入，文件保持原样",
                       "fixes not written: the fixed file could not keep the file's owner and group; the file is unchanged"),
    "hard-linked": ("文件有多个硬链接，写入修复会使它们不再相同，修复未写入，文件保持原样",
                    "has other hard links, which writing the fixes would part from it: fixes not written; "
                    "the file is unchanged"),
    "fix-rolled-back": ("修复会引出新的问题或两轮内不能完成，已全部撤销，文件保持原样",
                        "fixes rolled back (they would bring new problems or do not settle in two passes); "
                        "the file is unchanged"),
    "example-no-fixed": ("规则有自动修复，但没有修复示例（examples.fixed）",
                         "the rule has a fix but no fixed example (examples.fixed)"),
    "example-misfixed": ("修复结果与示例不符：应为“{expected}”，实为“{result}”",
                         "the fix gives “{result}”, not “{expected}”"),
    "rule.fixed": ("修复示例", "fixed examples"),
    # planlint trace
    "trace.plan": ("计划", "Plan"),
    "trace.summary": ("总结", "Summary"),
    "trace.part": ("第 {index} 部分", "part {index}"),
    "trace.line": ("第 {line} 行", "line {line}"),
    "trace.status.reported": ("已报告", "reported"),
    "trace.status.partial": ("部分报告", "partly reported"),
    "trace.status.unreported": ("未报告", "not reported"),
    "trace.verdict.met": ("达到", "met"),
    "trace.verdict.short": ("未达到", "short"),
    "trace.verdict.unknown": ("无法判断", "unknown"),
    "trace.target": ("目标", "target"),
    "trace.no-figure": ("总结未给出", "not in the summary"),
    "trace.done": ("已完成", "done"),
    "trace.terms": ("共有词", "shared words"),
    "trace.named": ("总结点名了此项", "the summary names this item"),
    "trace.unplanned": ("计划外的成绩", "Achievements no task planned"),
    "trace.totals": ("共 {tasks} 项任务：已报告 {reported}，部分报告 {partial}，未报告 {unreported}；"
                     "目标 {targets} 个：达到 {met}，未达到 {short}，无法判断 {unknown}；计划外成绩 {unplanned} 条",
                     "{tasks:task}: {reported} reported, {partial} partly reported, {unreported} not reported; "
                     "{targets:target}: {met} met, {short} short, {unknown} unknown; "
                     "{unplanned:unplanned achievement}"),
    "trace.title": ("计划执行情况", "Was the plan carried out?"),
    "trace.missing-extra": ("planlint trace 需要可选的分词库（rjieba），请安装：pip install '{extra}'",
                            "planlint trace needs the optional word segmenter (rjieba): pip install '{extra}'"),
    "trace.no-tasks": ("没有找到任务项（编号标题的最末一级条目）", "no task items found (the last level of its numbered headings)"),
    "trace.years-differ": ("注意：计划是 {plan} 年的，总结是 {summary} 年的", "note: the plan is for {plan}, the summary for {summary}"),
    "trace.plan-is-summary": ("注意：{path} 是一份工作总结，却作为计划给出", "note: {path} is a 工作总结 (a summary) but was given as the plan"),
    "trace.summary-is-plan": ("注意：{path} 不是工作总结，却作为总结给出", "note: {path} is not a 工作总结 (a summary) but was given as the summary"),
}


class _Count(int):
    """An int whose format spec is an English noun: f"{_Count(2):file}" is "2 files"."""

    def __format__(self, noun: str) -> str:
        if not noun:
            return str(int(self))
        if self != 1:
            noun = noun.replace(" or ", "s or ") + "s" if " or " in noun else noun + "s"
        return f"{int(self)} {noun}"


def _listed(values: tuple, lang: str) -> str:
    return ("、" if lang != "en" else ", ").join(map(str, values))


def say(key: str, lang: str = "zh", /, **values) -> str:
    """The text of ``key`` in ``lang``; a tuple value is listed, an int counts an English noun."""
    zh, en = _TEXT[key]
    values = {name: _listed(v, lang) if isinstance(v, tuple) else v for name, v in values.items()}
    if lang != "en":
        return zh.format(**values)
    return en.format(**{name: _Count(v) if isinstance(v, int) and not isinstance(v, bool) else v
                        for name, v in values.items()})


class Words(NamedTuple):
    """Something to say, put into a language only when it is said: an i18n key and
    its values (a tuple of pairs, so that Words compare, hash and pickle)."""

    key: str
    values: tuple = ()

    def say(self, lang: str) -> str:
        return say(self.key, lang, **dict(self.values))

    def __str__(self) -> str:
        return self.say("en")


def words(key: str, **values) -> Words:
    if key not in _TEXT:  # fail where the words are made, not where they are said
        raise KeyError(key)
    return Words(key, tuple(values.items()))
