from __future__ import annotations


def test_deadline_before_signing(findings):
    text = "某局2018年工作要点\n某局\n2018年11月14日\n一、任务\n1.于5月底前完成，2018年6月前启动，2019年3月底前验收。\n"
    assert [message for _, _, message in findings("PL313", text)] == [
        "时限“5月底前”早于成文日期（2018年11月14日）", "时限“2018年6月前”早于成文日期（2018年11月14日）"]


def test_dates_in_book_titles_and_the_header_are_not_deadlines(findings):
    text = "某局2018年工作要点\n某局\n2018年11月14日\n一、任务\n1.落实《2018年5月底前完成的方案》。\n"
    assert findings("PL313", text) == []


def test_beyond_period(findings):
    text = "某区三年行动计划（2018—2020年）\n一、任务\n1.2021年底前完成；到2020年底前建成。\n"
    assert [message for _, _, message in findings("PL314", text)] == [
        "时限“2021年底前”超出了方案期限（2018—2020年）"]


def test_outdated_congress_in_2023(findings):
    text = "某局2023年工作要点\n一、深入学习贯彻党的十九大精神\n二、党的十九大以来成就\n"
    [(line, _, message)] = findings("PL803", text)
    assert line == 2 and "党的二十大已于2022年10月召开" in message


def test_twentieth_congress_before_it_met(findings):
    assert len(findings("PL803", "某局2021年工作要点\n一、学习二十大精神\n")) == 1
    assert findings("PL803", "某局2022年工作要点\n一、学习二十大精神\n") == []
    assert findings("PL803", "某局\n2022年3月1日\n一、迎接党的二十大胜利召开\n") == []


def test_signing_date_decides(findings):
    assert len(findings("PL803", "某局\n2022年3月1日\n一、学习党的二十大精神\n")) == 1


def test_a_bare_month_belongs_to_the_plan_s_year(findings):
    text = "某局2019年工作要点\n某局\n2018年12月20日\n一、任务\n1.于3月底前完成。\n"
    assert findings("PL313", text) == []


def test_a_document_number_gives_the_year(findings):
    text = "某局文件\n某教发〔2023〕5号\n一、深入学习贯彻党的十九大精神\n"
    assert len(findings("PL803", text)) == 1


def test_the_year_the_text_names_most_gives_the_year(findings):
    text = "某局工作要点\n2023年，要突出重点。到2035年建成教育强市。2023年底前完成。\n一、深入学习贯彻党的十九大精神\n"
    assert len(findings("PL803", text)) == 1
    assert findings("PL803", "某局工作要点\n到2023年完成。\n一、深入学习贯彻党的十九大精神\n") == []


def test_two_congresses_taken_as_current_guidance(findings):
    text = "某局工作要点\n一、深入学习贯彻党的二十大精神\n二、全面落实党的十九大精神\n三、党的十九大以来成就显著\n"
    assert [line for line, _, _ in findings("PL803", text)] == [3]


def test_five_year_plan_wording_of_its_time(findings):
    assert len(findings("PL803", "某局2023年工作要点\n一、围绕“十三五”规划收官目标推进。\n")) == 1
    assert findings("PL803", "某局2023年工作要点\n一、“十三五”期间成就显著，2020年“十三五”圆满收官。\n") == []
    assert len(findings("PL803", "某局2027年工作要点\n一、扎实推进“十四五”规划实施。\n")) == 1


def test_deadlines_are_a_plans_and_an_as_of_date_is_none(findings):
    report = "某局2018年工作总结\n某局\n2018年11月14日\n一、工作\n1.于2018年5月底前完成。\n"
    as_of = "某局2018年工作要点\n某局\n2018年11月14日\n一、任务\n1.截至2018年5月底，已完成80%。\n"
    assert findings("PL313", report) == findings("PL313", as_of) == []
