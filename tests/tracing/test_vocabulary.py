"""The vocabulary: the bundled table, an office's extension, and files that are not one."""

from __future__ import annotations

import pytest

from planlint.tracing.vocabulary import VocabularyError, load_vocabulary


def test_the_bundled_table_reads_variants_as_one_form():
    vocabulary = load_vocabulary()
    assert vocabulary.word("研修班") == "培训" and vocabulary.word("培训") == "培训"
    assert "进一步" in vocabulary.stopwords and "指导思想" in vocabulary.skip_sections


def test_an_office_file_extends_the_table(tmp_path):
    office = tmp_path / "office.yaml"
    office.write_text("synonyms:\n  研修: [跟岗学习]\n  河长制: [河湖长制]\nstopwords: [奋力]\n"
                      "skip-sections: [附件]\n", encoding="utf-8")
    vocabulary = load_vocabulary([office])
    assert vocabulary.word("跟岗学习") == "培训"  # 研修 is itself read as 培训: the office's variant joins that group
    assert vocabulary.word("河湖长制") == "河长制"
    assert "奋力" in vocabulary.stopwords and vocabulary.skip_sections[-1] == "附件"
    assert "进一步" in vocabulary.stopwords  # the bundled words stay


@pytest.mark.parametrize("text, field, key", [
    ("synonyms: [培训]\n", "synonyms", "schema.type.object"),
    ("synonyms:\n  培训: 研修\n", "synonyms.培训", "schema.type.array"),
    ("stop-words: [的]\n", "stop-words", "schema.unknown-key"),
    ("synonyms: {培训: [研修\n", None, "config.bad-yaml"),
])
def test_a_file_that_is_not_a_vocabulary_names_its_field_and_fault(tmp_path, text, field, key):
    office = tmp_path / "office.yaml"
    office.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError) as raised:
        load_vocabulary([office])
    assert (raised.value.path, raised.value.field, raised.value.problem.key) == (str(office), field, key)


def test_a_file_in_another_encoding_is_named(tmp_path):
    office = tmp_path / "office.yaml"
    office.write_bytes("stopwords: [奋力]\n".encode("gb18030"))
    with pytest.raises(VocabularyError) as raised:
        load_vocabulary([office])
    assert raised.value.problem.key == "config.not-utf8"
