from __future__ import annotations


def test_higher_level_after_lower_is_inverted(findings):
    assert findings("PL105", """
        一、主要任务
        1.甲。
        2.乙。
        （一）丙
        （二）丁
    """) == [(4, 1, "层级倒置：上级序号“（一）”出现在下级序号“1.”之后")]


def test_proper_nesting_is_not_inverted(findings):
    assert findings("PL105", """
        一、主要任务
        （一）甲
        1.子。
        2.丑。
        （二）乙
        1.寅。
        二、保障措施
    """) == []


def test_paren_number_under_ordinal_skips_levels(findings):
    assert findings("PL106", """
        一、主要任务
        （1）甲。
        （2）乙。
    """) == [(2, 1, "层级跳跃：“（1）”直接位于“一、”之下，跳过了 （一） 1. 层级")]


def test_yaodian_style_ordinal_then_number_is_fine(findings):
    assert findings("PL106", """
        一、加强党的建设
        1.甲。
        二、深化改革
        2.乙。
    """) == []


def test_a_section_may_leave_out_the_second_level_that_another_uses(findings):
    assert findings("PL106", """
        一、总体要求
        （一）指导思想
        二、主要任务
        1.甲。
        2.乙。
    """) == []


def test_circled_numbers_enumerate_under_any_level(findings):
    assert findings("PL106", "一、总体要求\n（一）指导思想\n①甲。\n②乙。\n") == []


def test_skip_is_reported_once_per_parent(findings):
    assert len(findings("PL106", "一、甲\n（1）子\n（2）丑\n（3）寅\n")) == 1


def test_an_empty_heading_is_empty_whatever_spaces_end_it(findings):
    # Its trailing ; once hid the emptiness behind a no-break space, and removing the ; (PL201) showed it.
    for line in ("五、大力促进教育公平\xa0;", "五、大力促进教育公平\xa0", "五、大力促进教育公平\u3000；"):
        assert [column for _, column, _ in findings("PL204", line + "\n")] == [1], line
