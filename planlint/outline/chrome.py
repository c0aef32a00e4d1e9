"""Web page chrome: the lines a scraper keeps from the page around a document.

They are recognised line by line and left out of the outline and of content
rules; line numbers are untouched, so every position still points at the file.
"""

from __future__ import annotations

import re

_FIELD_LABELS = (
    "发布时间|发布日期|发布机构|发布单位|发布者|发布|来源|信息来源|来源单位|作者|编审|编辑|责任编辑|责编|供稿|摄影|"
    "审核|浏览次数|浏览量|访问量|访问次数|点击次数|点击量|点击数|阅读次数|阅读量|阅读数|索引号|信息索取号|"
    "内容分类|主题分类|体裁分类|组配分类|服务对象分类|公开方式|公开范围|公开时限|公开形式|有效性|效力状态|"
    "文号|发文字号|成文日期|发文日期|生成日期|印发日期|实施日期|生效日期|废止日期|发文机关|所属机构|主题词|关键词|"
    "分享到|字号|字体|分类|我要纠错|"
    # the same labels on pages in traditional script
    "發布時間|發布日期|發佈日期|發布機構|來源|信息來源|編輯|責任編輯|瀏覽次數|點擊次數|閱讀次數|索引號|"
    "發文字號|發文日期|發文機關|成文日期|生效日期|主題分類|公開方式|公開範圍|有效性|字號|字體|分享到"
)
# Lines are matched with their spaces and tabs taken out (_SQUEEZE): a label may be
# written with spaces inside (发 布 日 期), as portals lay out their tables, and
# spelling that out between every character made the pattern take 50 ms to compile.
_SQUEEZE = str.maketrans("", "", " \t\u3000\xa0")
_PROBE_LENGTH = 240  # the longest stretch a pattern reads from a line's start
_LABEL = "(?:" + _FIELD_LABELS + ")"
_GAP = ""
_DATE = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"

_DATE_LABEL = "|".join((
    "发布时间", "发布日期", "成文日期", "发文日期", "印发日期", "生效日期", "實施日期",
    "發布時間", "發布日期", "發佈日期", "發文日期", "生成日期", "公开日期", "公開日期", "更新时间", "更新時間"))

_CLOCK = r"\d{1,2}\s*(?:[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?|时\s*\d{1,2}\s*分(?:\s*\d{1,2}\s*秒)?)"

_CHROME = re.compile(
    r"^[\s\ufeff]*[|｜]?[ \t\u3000\xa0]*[【\[［(（]?[ \t\u3000\xa0]*(?:"
    r".{0,40}欢迎(?:访问|您|光临)"
    r"|(?:您的|当前|您当前所在|所在)位置"
    rf"|{_LABEL}(?:/[^:：]{{0,8}})?{_GAP}[:：]"
    rf"|{_LABEL}{_GAP}[|｜]"  # a portal's table as Markdown rows: 文号 | 成文日期: | 2025年04月15日 |
    rf"|(?:{_DATE_LABEL}){_GAP}{_DATE}"  # a label run into its value: 發布日期2020年01月23日有效性有效
    rf"|[•·●▪]{_GAP}{_DATE}{_GAP}$"  # a date as a list bullet of the page's metadata
    rf"|时间{_GAP}[:：]{_GAP}\d{{1,2}}:\d{{2}}"
    rf"|(?:日期|时间){_GAP}[:：]{_GAP}{_DATE}(?:{_GAP}\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?[ \t\u3000\xa0】\]］)）]*$"
    rf"|{_DATE}(?:{_GAP}\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?{_GAP}(?:{_LABEL}){_GAP}[:：]"
    rf"|{_DATE}{_GAP}{_CLOCK}[\s\xa0]*$"  # a page's time stamp: 2026年02月10日 07时41分
    r"|.{0,40}(?:文件大小|上传时间|上传者|下载次数)[:：]"
    r"|分享到|扫(?:码|一扫)|微信扫|.{0,12}点击(?:图片|进入|查看|下载|这里)"
    # a document-sharing site's notices around the text it shows
    r"|.{0,12}(?:下载文档前请|本文档|当前文档由用户|本站|文档内容版权归|文档的总页数|版权说明|如果您对本文有版权争议"
    r"|网站可能会|仅部分预览|网站客服|下载积分|原创力文档|免费下载|如文档侵犯您的权益|文档描述)"
    # a sharing site's headline and its introduction: …工作计划(通用6篇), …-10篇(第3/21页), 下面是小编为大家整理的…
    r"|.{0,60}(?:[(（](?:通用|精选|优选|热门|最新)?\d+篇[)）]|[(（]第\d+/\d+页[)）])[\s\xa0]*$"
    r"|.{0,160}?(?:下面是|以下是|本文是)[^。]{0,30}(?:为大家|为您)(?:精心)?(?:整理|收集|分享|准备|带来)"
    r"|.{0,160}?小编(?:为大家|为您|精心|整理|收集)"
    # an encyclopedia's or a library's template around the text it shows
    r"|.{0,12}本作品收[录錄][于於]"
    r"|.{2,80}[.。]是.{2,30}(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[发發][布佈]的[档檔]案"
    r"|.{0,80}(?:由会员分享|可在线阅读|已阅读\d+页|还剩\d+页未读|继续免费阅读|阅读全部图文内容|\d+页珍藏版)"
    r"|[【】\[\]大中小][\s\xa0\u3000]*$"  # a page widget broken over lines: 【 / 字号 大 / 中 / 小 / 】
    r"|【?(?:打印|关闭)(?:本页|窗口)?】?[\s\xa0]*$"
    r"|>"
    r"|.{0,40}首页[ \t\u3000\xa0]*[>›»]"
    r"|.{0,80}\.(?:docx?|pdf|xlsx?|wps|zip|rar)[\s\xa0]*$"
    r")"
)


# A label alone on its line (成文日期：), its value on the very next: a portal's table read
# cell by cell (an empty counter, 点击次数:, has none).
_TABLE_LABELS = ("索引号|信息索取号|主题分类|内容分类|体裁分类|组配分类|服务对象分类|分类|发文机关|发布机构|所属机构|"
                 "发文字号|文号|成文日期|发文日期|发布日期|发布时间|生成日期|印发日期|实施日期|废止日期|有效性|效力状态|"
                 "公开方式|公开范围|公开时限|公开形式|来源|信息来源|主题词|关键词")
_BARE_LABEL = re.compile(r"^[\s\ufeff]*(?:" + _TABLE_LABELS + r")(?:/[^:：]{0,8})?[:：]$")
_HEADING_START = re.compile(r"^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,3}[.．、])")
_VALUE_LENGTH = 60


def chrome_lines(lines: list[str]) -> frozenset[int]:
    """1-based numbers of the lines that are page chrome."""
    chrome = set()
    value_expected = False
    for number, text in enumerate(lines, 1):
        if value_expected:
            value_expected = False
            stripped = text.strip()
            if stripped and len(stripped) <= _VALUE_LENGTH and stripped[-1] not in ":：" \
                    and not _CHROME.match(_probe(text)) and not _HEADING_START.match(text):
                chrome.add(number)
                continue
        probe = _probe(text)
        if _CHROME.match(probe):
            chrome.add(number)
            value_expected = bool(_BARE_LABEL.match(probe))
    return frozenset(chrome)


def _probe(text: str) -> str:
    """What the patterns read of a line: its spaces taken out, and of a long line (a
    paragraph, never chrome but for what opens it) only its opening, closed by a
    character no pattern's end takes, so that no ``$`` matches where it was cut."""
    return (text if len(text) <= _PROBE_LENGTH else text[:_PROBE_LENGTH] + "\x00").translate(_SQUEEZE)
