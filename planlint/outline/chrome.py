"""Web page chrome: the lines a scraper keeps from the page around a document.

They are recognised line by line and left out of the outline and of content
rules; line numbers are untouched, so every position still points at the file.
"""

from __future__ import annotations

import re

_FIELD_LABELS = (
    "发布时间|发布日期|发布机构|发布单位|发布|来源|信息来源|作者|编审|编辑|责任编辑|"
    "审核|浏览次数|浏览量|访问量|点击次数|点击量|点击数|阅读次数|阅读量|索引号|"
    "内容分类|主题分类|公开方式|公开范围|公开时限|有效性|文号|成文日期|发文日期|发文机关|分享到|字号"
)

_CHROME = re.compile(
    r"^[\s\ufeff]*(?:"
    r".{0,40}欢迎(?:访问|您|光临)"
    r"|(?:您的|当前|您当前所在|所在)位置"
    rf"|(?:{_FIELD_LABELS})(?:/[^:：]{{0,8}})?[ \t\u3000\xa0]*[:：]"
    r"|时间[ \t\u3000\xa0]*[:：][ \t\u3000\xa0]*\d{1,2}:\d{2}"
    r"|分享到|扫(?:码|一扫)|微信扫"
    r"|【?(?:打印|关闭)(?:本页|窗口)?】?[\s\xa0]*$"
    r"|>"
    r"|.{0,40}首页[ \t\u3000\xa0]*[>›»]"
    r"|.{0,80}\.(?:docx?|pdf|xlsx?|wps|zip|rar)[\s\xa0]*$"
    r")"
)


def chrome_lines(lines: list[str]) -> frozenset[int]:
    """1-based numbers of the lines that are page chrome."""
    return frozenset(number for number, text in enumerate(lines, 1) if _CHROME.match(text))
