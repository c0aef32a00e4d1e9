"""JUnit XML: one testcase per file, one failure per diagnostic, an error per unreadable file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from planlint.reporters import Options
from planlint.reporters._words import error_line


def render(report, out: TextIO, options: Options) -> None:
    failures = len(report.diagnostics)
    tests = str(len(report.files) + len(report.errors))
    suites = ET.Element("testsuites", name="planlint", tests=tests,
                        failures=str(failures), errors=str(len(report.errors)))
    suite = ET.SubElement(suites, "testsuite", name="planlint", tests=tests,
                          failures=str(failures), errors=str(len(report.errors)))
    for result in report.files:
        case = ET.SubElement(suite, "testcase", name=result.path, classname="planlint")
        for d in result.diagnostics:
            failure = ET.SubElement(case, "failure", type=d.code, message=f"{d.code} {d.message}")
            failure.text = f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}"
    for error in report.errors:
        case = ET.SubElement(suite, "testcase", name=error.path, classname="planlint")
        ET.SubElement(case, "error", message=error_line(error, options.lang))
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode"))
    out.write("\n")
