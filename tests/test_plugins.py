"""Rule kinds and profiles from outside planlint: an installed package's (entry
points), and an office's own profiles in its rules directory.  The package is
tests/data/plugin; most tests register its entry points in this process, and
the slow one installs it into a fresh venv beside planlint."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
import yaml

from planlint.api import check_text
from planlint.catalog import CatalogError, load_catalog

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = ROOT / "tests" / "data" / "plugin"
ENTRY_POINTS = {"planlint.kinds": {"sentence-length": "office_plugin.sentence_length"},
                "planlint.profiles": {"office": "office_plugin:PROFILES"}}
LONG_RULE = {"code": "OF001", "name": "sentence-too-long", "category": "expression", "severity": "info",
             "kind": "sentence-length", "params": {"max": 20},
             "message": {"zh": "句子有 {length} 字，超过 {max} 字", "en": "A sentence of {length} characters, over {max}"},
             "rationale": "本局公文写作要求。",
             "examples": {"bad": ["全面贯彻党的教育方针落实立德树人根本任务推进教育现代化建设教育强区。"],
                          "good": ["全面贯彻党的教育方针。"]}}
PLAN = "某区教育事业发展规划\n一、指导思想\n以习近平新时代中国特色社会主义思想为指导。\n二、主要任务\n（一）加强队伍建设。\n"


@pytest.fixture
def installed(monkeypatch, tmp_path):
    """tests/data/plugin as if installed: its module importable, its entry points
    registered; each test with a cache of its own."""
    from planlint import catalog, plugins

    points = {group: {name: EntryPoint(name, value, group) for name, value in found.items()}
              for group, found in ENTRY_POINTS.items()}
    monkeypatch.syspath_prepend(str(PLUGIN))
    monkeypatch.setattr(plugins, "entry_points", lambda group: points.get(group, {}))
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(catalog, "_read", {})
    _forget_plugin()
    yield points
    _forget_plugin()


def _forget_plugin():
    from planlint import kinds

    kinds.load_kind.cache_clear()
    for name in ("office_plugin", "office_plugin.sentence_length"):
        sys.modules.pop(name, None)


def _rules_dir(tmp_path, *rules: dict) -> Path:
    directory = tmp_path / "rules"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "office.yaml").write_text(yaml.safe_dump({"rules": list(rules)}, allow_unicode=True),
                                           encoding="utf-8")
    return directory


def test_a_rule_of_an_installed_kind_checks(installed, tmp_path):
    catalog = load_catalog([_rules_dir(tmp_path, LONG_RULE)])
    result = check_text("一、全面贯彻党的教育方针落实立德树人根本任务推进教育现代化。\n二、加强党建。\n",
                        select=["OF001"], catalog=catalog)
    assert [(d.code, d.line, d.column, d.message) for d in result.diagnostics] == [
        ("OF001", 1, 1, "句子有 30 字，超过 20 字")]


def test_an_installed_kind_s_state_that_is_not_data_is_prepared_again_from_the_cache(installed, tmp_path,
                                                                                     monkeypatch):
    from planlint import catalog
    from planlint.catalog import load

    directory = _rules_dir(tmp_path, LONG_RULE)
    built = load_catalog([directory])
    monkeypatch.setattr(catalog, "_read", {})
    monkeypatch.setattr(load, "build_catalog", lambda _: pytest.fail("read the rule files again"))
    cached = load_catalog([directory])
    assert type(cached.get("OF001").state).__name__ == "Limit" and cached.get("OF001").state is not \
        built.get("OF001").state
    text = "一、全面贯彻党的教育方针落实立德树人根本任务推进教育现代化。\n"
    assert check_text(text, catalog=cached, select=["OF001"]) == check_text(text, catalog=built, select=["OF001"])


def test_a_changed_installed_kind_is_not_read_from_the_cache(installed, tmp_path, monkeypatch):
    import shutil

    from planlint import catalog

    package = tmp_path / "package"
    shutil.copytree(PLUGIN, package)
    monkeypatch.syspath_prepend(str(package))  # the copy is the installed one
    directory = _rules_dir(tmp_path, LONG_RULE)
    load_catalog([directory])
    module = package / "office_plugin" / "sentence_length.py"
    module.write_text(module.read_text(encoding="utf-8").replace('{"length", "max"}', '{"length"}'),
                      encoding="utf-8")
    monkeypatch.setattr(catalog, "_read", {})
    _forget_plugin()
    with pytest.raises(CatalogError) as caught:  # its message's {max} is no placeholder of the kind any more
        load_catalog([directory])
    assert [(problem.rule, problem.field) for problem in caught.value.problems] == [("OF001", "message.en"),
                                                                                   ("OF001", "message.zh")]


def test_an_installed_profile_adds_a_document_type(installed):
    catalog = load_catalog()
    assert catalog.profiles["规划"].source.endswith("plan.yaml")
    catalog.check_profile("规划")
    result = check_text(PLAN, select=["PL203"], catalog=catalog)
    assert [d.message for d in result.diagnostics] == ["规划缺少以下部分：发展目标、保障措施"]


def test_an_office_profile_in_its_rules_directory_replaces_the_bundled_one(tmp_path, monkeypatch):
    from planlint import catalog as catalog_module

    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(catalog_module, "_read", {})
    directory = tmp_path / "rules" / "profiles"
    directory.mkdir(parents=True)
    (directory / "points.yaml").write_text("type: 工作要点\nsections:\n  - {name: 安全稳定, keywords: [安全]}\n",
                                           encoding="utf-8")
    catalog = load_catalog([tmp_path / "rules"])  # a rules directory of profiles alone is one
    text = "2024年工作要点\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n二、主要任务\n（一）加强队伍建设。\n"
    result = check_text(text, select=["PL203"], catalog=catalog)
    assert [d.message for d in result.diagnostics] == ["工作要点缺少以下部分：安全稳定"]
    assert catalog.profiles["工作要点"].source == str(directory / "points.yaml")


def test_two_profiles_of_one_type_in_one_place_are_a_problem(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    directory = tmp_path / "rules" / "profiles"
    directory.mkdir(parents=True)
    for name in ("a.yaml", "b.yaml"):
        (directory / name).write_text("type: 规划\nsections: []\n", encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog([tmp_path / "rules"])
    [problem] = caught.value.problems
    assert (Path(problem.path).name, problem.field, problem.message) == (
        "b.yaml", "type", f"规划 is already defined in {directory / 'a.yaml'}")


@pytest.mark.parametrize("source, reason", [
    ("PARAMS = {}\nPLACEHOLDERS = set()\n",
     'the rule kind "sentence-length" lacks check (see the protocol in planlint.kinds)'),
    ("raise ImportError('no such thing')\n",
     'the rule kind "sentence-length" cannot be loaded: ImportError: no such thing'),
])
def test_an_installed_kind_that_is_broken_or_incomplete_is_named(installed, tmp_path, monkeypatch, source, reason):
    package = tmp_path / "broken"
    (package / "office_plugin").mkdir(parents=True)
    (package / "office_plugin" / "__init__.py").write_text("PROFILES = __file__\n", encoding="utf-8")
    (package / "office_plugin" / "sentence_length.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(package))
    with pytest.raises(CatalogError) as caught:
        load_catalog([_rules_dir(tmp_path, LONG_RULE)])
    assert [(problem.rule, problem.field, problem.message) for problem in caught.value.problems
            if problem.rule] == [("OF001", "kind", reason)]


def test_an_unknown_kind_lists_the_installed_ones_too(installed, tmp_path):
    with pytest.raises(CatalogError) as caught:
        load_catalog([_rules_dir(tmp_path, {**LONG_RULE, "kind": "sentence-lenght"})])
    [problem] = caught.value.problems
    assert problem.message.startswith('unknown kind "sentence-lenght"; kinds are sequence, hierarchy')
    assert problem.message.endswith(", header, layout, sentence-length")


def test_a_bundled_kind_s_name_cannot_be_taken(installed):
    from planlint.kinds import load_kind

    installed["planlint.kinds"]["pattern"] = EntryPoint("pattern", "office_plugin.sentence_length", "planlint.kinds")
    assert load_kind("pattern").params_schema["required"] == ["pattern"]


@pytest.mark.slow
def test_an_installed_package_adds_its_kind_and_profile(tmp_path):
    """pip installs planlint (from this checkout) and tests/data/plugin into a
    fresh venv; planlint there finds the package's kind and profile by their
    entry points, the first time and from its cache."""
    venv.create(tmp_path / "venv", with_pip=True)
    bin_dir = tmp_path / "venv" / ("Scripts" if sys.platform == "win32" else "bin")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(ROOT), str(PLUGIN)], check=True)
    work = tmp_path / "office"
    _rules_dir(work, LONG_RULE)
    (work / "planlint.toml").write_text('rules-dirs = ["rules"]\nextend-select = ["PL203"]\n', encoding="utf-8")
    (work / "规划.txt").write_text(PLAN.replace("（一）加强队伍建设。", "（一）全面贯彻党的教育方针落实立德树人根本任务推进教育现代化。"),
                                  encoding="utf-8")
    environment = {"PLANLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": str(bin_dir)}
    kept = []
    for _ in range(2):
        run = subprocess.run([str(bin_dir / "planlint"), "check", "--format", "json", "--exit-zero", "规划.txt"],
                             cwd=work, capture_output=True, text=True, encoding="utf-8", env=environment)
        assert run.returncode == 0, run.stderr
        assert [(d["code"], d["line"]) for d in json.loads(run.stdout) if d["code"] in ("OF001", "PL203")] == [
            ("PL203", 1), ("OF001", 3), ("OF001", 5)]
        kept.append([(path, path.stat().st_mtime_ns) for path in (tmp_path / "cache").glob("catalog-*.json")])
    assert len(kept[0]) == 1 and kept[1] == kept[0]  # the second run read the rules the first kept


def test_the_readme_s_kind_works(installed, tmp_path, monkeypatch):
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index("#### Rule kinds and profiles from your own package"):]
    (tmp_path / "readme_kind.py").write_text(re.search(r"```python\n(.*?)```", after, re.S).group(1),
                                             encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    installed["planlint.kinds"]["sentence-length"] = EntryPoint("sentence-length", "readme_kind", "planlint.kinds")
    catalog = load_catalog([_rules_dir(tmp_path, LONG_RULE)])
    result = check_text("一、全面贯彻党的教育方针落实立德树人根本任务推进教育现代化。\n二、加强党建。\n",
                        select=["OF001"], catalog=catalog)
    assert [(d.line, d.column, d.span.end_column, d.message) for d in result.diagnostics] == [
        (1, 1, 31, "句子有 30 字，超过 20 字")]
