"""The command line's own words, in Chinese (default) and English.

Rule messages live with the rules in YAML; this is everything else.
"""

from __future__ import annotations

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
    "error-prefix": ("错误", "error"),
    "summary": ("共检查 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 条提示",
                "Checked {files:file}: {errors:error}, {warnings:warning}, {infos:info}"),
    "summary-clean": ("共检查 {files} 个文件，未发现问题", "Checked {files:file}: no problems found"),
    "summary-failed": ("另有 {count} 个文件或规则未能检查", "{count:file or rule} could not be checked"),
    "aggregate": ("（全文共 {count} 处，此处为第一处）", " ({count:occurrence} in this document; this is the first)"),
    "fixed": ("已自动修复 {count} 处", "{count:fix} applied"),
    "unknown-selector": ("未知的规则代码或类别：{selector}", "unknown rule code or category: {selector}"),
    "unknown-rule": ("没有这条规则：{code}", "no such rule: {code}"),
    "catalog-error": ("规则文件有误：", "Broken rule file:"),
    "cache-cleaned": ("已清除缓存 {path}（{count} 个文件）", "Removed the cache {path} ({count:file})"),
    "cache-not-cleaned": ("无法清除缓存 {path}：{reason}", "Could not remove the cache {path}: {reason}"),
    "config-error": ("配置有误：", "Broken configuration:"),
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


def say(key: str, lang: str = "zh", **values) -> str:
    zh, en = _TEXT[key]
    if lang != "en":
        return zh.format(**values)
    return en.format(**{name: _Count(v) if isinstance(v, int) else v for name, v in values.items()})
