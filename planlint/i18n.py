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
    "catalog.no-rule-files": ("目录中没有规则文件（*.yaml 或 *.yml）", "holds no rule files (*.yaml or *.yml)"),
    "catalog.missing-directory": ("规则目录不存在", "no such rules directory"),
    "catalog.not-a-directory": ("不是目录", "is not a directory"),
    "catalog.unknown-kind": ("{value} 不是已知的规则类型；可用的类型：{kinds}", "unknown kind {value}; kinds are {kinds}"),
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
