"""The issue's acceptance checks on the five seed articles (real encoder, about 10 s)."""

from __future__ import annotations

import pytest

from aligner.api import compare_set_files


@pytest.fixture(scope="module")
def seed_set(seed_paths):
    paths = [str(seed_paths[k]) for k in ("000", "001", "002", "003", "004")]
    return paths, compare_set_files(paths)


def test_seed_languages(seed_set):
    _, sc = seed_set
    assert [d.lang for d in sc.documents] == ["id", "en", "ko", "de", "id"]


def test_exactly_one_translation_pair(seed_set):
    _, sc = seed_set
    assert [(p.a, p.b) for p in sc.by_relation("translation")] == [(0, 1)]
    assert sc.groups == ((0, 1),)
    (c,) = sc.comparisons
    assert len(c.alignment.beads) == 15


def test_forum_post_and_german_article_are_related_to_the_english(seed_set):
    _, sc = seed_set
    assert sc.relation(1, 2).relation == "related"
    assert sc.relation(1, 3).relation == "related"
    assert sc.relation(1, 4).relation == "unrelated"  # Meta's AI team: another story


def test_paths_are_kept_as_given(seed_set):
    paths, sc = seed_set
    assert [d.path for d in sc.documents] == paths


def test_chinese_forum_lines_are_furniture(seed_set):
    _, sc = seed_set
    ko = sc.documents[2]
    furniture = " ".join(ko.sentence_text(i) for i, s in enumerate(ko.sentences) if s.kind == "boilerplate")
    content = " ".join(ko.sentence_text(i) for i in ko.content_indices)
    for piece in ("找回密码", "立即注册", "本版积分规则", "回帖", "Powered by Discuz"):
        assert piece in furniture and piece not in content


def test_german_language_menu_is_furniture(seed_set):
    _, sc = seed_set
    de = sc.documents[3]
    content = " ".join(de.sentence_text(i) for i in de.content_indices)
    assert "EnglishFrançais" not in content
