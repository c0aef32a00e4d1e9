from __future__ import annotations


def test_run_together_signing_date(findings):
    assert findings("PL301", "南宁市教育局\n  2018319\n") == [
        (2, 3, "日期缺少“年月日”：“2018319”应写作“2018年3月19日”")]


def test_run_together_before_ri(findings):
    assert findings("PL301", "请于2019614日前报送。") == [
        (1, 3, "日期缺少“年月日”：“2019614日”应写作“2019年6月14日”")]


def test_ambiguous_run_together_offers_both_readings(findings):
    [(_, _, message)] = findings("PL301", "2018111\n")
    assert "2018年1月11日 / 2018年11月1日" in message


def test_numbers_that_are_not_dates(findings):
    assert findings("PL301", "投入资金20183196元。\n学位5010个。\n索引号: 113710000043592137\n") == []


def test_invalid_dates(findings):
    assert [message for _, _, message in findings("PL304", "2019年2月29日、2020年2月29日、4月31日、0月")] == [
        "日期不存在：“2019年2月29日”", "日期不存在：“4月31日”", "日期不存在：“0月”"]


def test_glued_year_and_month(findings):
    assert findings("PL302", "(二)实施阶段(20186月至202011月)。") == [
        (1, 9, "年份与月份连写：“20186月”应写作“2018年6月”"),
        (1, 16, "年份与月份连写：“202011月”应写作“2020年11月”")]


def test_glued_year_range(findings):
    assert findings("PL303", "实施方案(20152020年)") == [
        (1, 6, "年份范围缺少连接号：“20152020年”应写作“2015—2020年”")]


def test_zero_padded_signing_date_only(findings):
    assert findings("PL305", "南宁市教育局\n2018年03月09日\n一、总体要求\n于2018年03月完成。\n") == [
        (2, 6, "成文日期的月、日不编虚位：“03”应写作“3”"),
        (2, 9, "成文日期的月、日不编虚位：“09”应写作“9”")]


def test_dates_in_page_chrome_are_ignored(findings):
    assert findings("PL301", "发布时间:2018319\n") == []


def test_run_together_in_a_dates_context(findings):
    assert [message for _, _, message in findings(
        "PL301", "截至2020630，全市完成。自2021101起施行。实施期为2022315—2022630。")] == [
        "日期缺少“年月日”：“2020630”应写作“2020年6月30日”",
        "日期缺少“年月日”：“2021101”应写作“2021年10月1日”",
        "日期缺少“年月日”：“2022315”应写作“2022年3月15日”",
        "日期缺少“年月日”：“2022630”应写作“2022年6月30日”"]


def test_digits_in_a_dates_context_that_are_no_dates(findings):
    assert findings("PL301", "电话0771-2018319。截至2020630万元。编号2018319号。于2018319A完成。") == []


def test_a_year_glued_to_its_month_after_a_dash_is_pl302s(findings):
    assert findings("PL301", "实施阶段（20186月至202011月）。") == []
