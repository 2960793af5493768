"""Set comparison: relations, sentence coverage, groups, N-way views, errors."""

from __future__ import annotations

import numpy as np
import pytest

from aligner import Config, ConfigError, InputError, from_text
from aligner.compare.multiset import SetThresholds, compare_set, sentence_coverage



def _tagged(tags, lang, path, filler="Sentence", template="{filler} about #{tag} here."):
    sentences = [template.format(filler=filler, tag=t) for t in tags]
    return from_text(" ".join(sentences), lang, path=path)


def test_sentence_coverage_needs_order():
    e = np.eye(6, dtype=np.float32)
    assert sentence_coverage(e, e, 0.5)[:2] == (6, 1.0)
    matched, cov, mean = sentence_coverage(e, e[::-1], 0.5)
    assert matched == 1 and cov == pytest.approx(2 / 12) and mean == 1.0


def test_sentence_coverage_empty_side():
    assert sentence_coverage(np.zeros((0, 4), np.float32), np.eye(4, dtype=np.float32), 0.5) == (0, 0.0, 0.0)


def test_translation_related_unrelated(fake_encoder):
    tags = [f"a{k}" for k in range(8)]
    en = _tagged(tags, "en", "en.txt", "A sentence")
    idn = _tagged(tags, "id", "id.txt", "Kalimat")
    other = _tagged([f"z{k}" for k in range(8)], "en", "other.txt")
    sc = compare_set([en, idn, other], encoder=fake_encoder, thresholds=SetThresholds(candidate_cosine=-1.0))
    assert [(p.a, p.b, p.relation) for p in sc.pairs] == [
        (0, 1, "translation"), (0, 2, "unrelated"), (1, 2, "unrelated")]
    assert sc.pairs[0].similarity == pytest.approx(1.0)
    assert sc.groups == ((0, 1),)
    assert sc.stats.full_comparisons == 1 and len(sc.comparisons) == 1
    assert sc.comparison_for(1, 0) is sc.comparisons[0]
    assert sc.comparison_for(0, 2) is None


def test_shared_salient_name_makes_related(fake_encoder):
    a = from_text("Maria Gonzalez won the race. #x1 Gonzalez thanked fans. #x2 Rain fell. #x3", "en", path="a")
    b = from_text("Pemenang Maria Gonzalez tiba. #y1 Lalu Gonzalez pulang. #y2 Hujan turun. #y3", "id", path="b")
    enc = type(fake_encoder)(topic=1.0)  # same topic direction: cosine about 0.5, no sentence matches
    sc = compare_set([a, b], encoder=enc)
    p = sc.pairs[0]
    assert p.relation == "related"
    assert "gonzalez" in p.evidence.salient_names
    assert sc.stats.full_comparisons == 0
    assert sc.stories and sc.stories[0].shared()


def test_one_sentence_documents_need_a_close_match(fake_encoder):
    # two one-sentence documents whose only sentences match moderately are not translations
    a = from_text("Totally different words here.", "en", path="a")
    b = from_text("Something else entirely now.", "en", path="b")
    enc = type(fake_encoder)(topic=1.2)
    sc = compare_set([a, b], encoder=enc, thresholds=SetThresholds(candidate_cosine=0.0, sentence_match=0.5))
    assert sc.pairs[0].evidence.matched == 1 and sc.pairs[0].evidence.coverage == 1.0
    assert sc.pairs[0].relation != "translation"


def test_group_of_three_versions_and_pivot(fake_encoder):
    tags = [f"s{k}" for k in range(8)]
    # no filler words shared by all sentences: with them ("about ... here"), a sentence merged
    # with its neighbour shares as many words with the other side as it does alone, and the
    # surface scorer may merge the omitted sentence instead of leaving it out
    # (the shared-token feature sums matches over the pairs of a merged group)
    short = "{filler} #{tag}."
    en = _tagged(tags, "en", "en.txt", template=short)
    idn = _tagged(tags[:5] + tags[6:], "id", "id.txt", "Kalimat", short)  # omits s5
    de = _tagged(tags[:3] + ["extra"] + tags[3:], "de", "de.txt", "Satz", short)  # adds one
    # the pair alignments use surface evidence only: the tagged sentences differ only in their
    # tags (and no lexicon: it would link the fillers "Sentence" and "Kalimat" across all pairs)
    surface = Config(encoder="none", fidelity_encoder="none", lexicon="none")
    sc = compare_set([idn, de, en], surface, encoder=fake_encoder, pivot="en")
    assert sc.groups == ((0, 1, 2),)
    (view,) = sc.views
    assert view.pivot == 2 and view.members == (2, 0, 1)
    by_doc = {v.doc: v for v in view.versions}
    assert by_doc[0].omitted == (5,)
    assert by_doc[1].omitted == () and by_doc[1].added == (3,)
    assert sc.stats.full_comparisons == 3  # id-de, en-id, en-de


def test_relation_lookup_matches_pairs(fake_encoder):
    docs = [_tagged([f"{c}{k}" for k in range(3)], "en", f"{c}.txt") for c in "abcd"]
    sc = compare_set(docs, encoder=fake_encoder)
    assert [(p.a, p.b) for p in sc.pairs] == [(a, b) for a in range(4) for b in range(a + 1, 4)]
    for p in sc.pairs:
        assert sc.relation(p.b, p.a) is p
    with pytest.raises(IndexError):
        sc.relation(0, 4)


def test_needs_two_documents_and_an_encoder(fake_encoder):
    doc = _tagged(["a"], "en", "a.txt")
    with pytest.raises(InputError, match="at least two"):
        compare_set([doc], encoder=fake_encoder)
    with pytest.raises(ConfigError, match="encoder"):
        compare_set([doc, doc], encoder="none")
    with pytest.raises(ConfigError, match="unknown encoder"):
        compare_set([doc, doc], encoder="nope")


@pytest.mark.parametrize("field, value", [("translation_coverage", 1.5), ("min_matches", 0), ("related_min_names", 0)])
def test_thresholds_are_validated(field, value):
    with pytest.raises(ConfigError, match=field):
        SetThresholds(**{field: value})


def test_signature_names_set_settings(fake_encoder):
    sc = compare_set([_tagged(["a"], "en", "a"), _tagged(["b"], "en", "b")], encoder=fake_encoder)
    assert sc.signature == (
        Config().signature + "|set-enc:fake"
        "|cand:0.45|sent:0.45|cov:0.5|relnames:2@0.3|rel:0.8|minmatch:3@0.7")


def test_furniture_is_not_fingerprinted(fake_encoder):
    # the Chinese forum line in a Korean post is boilerplate and gives no vector
    ko = from_text("找回密码 立即注册\n\n오늘 회의가 열렸다 #k1. 결과가 발표되었다 #k2.", "ko", path="ko")
    en = from_text("A meeting was held today #k1. The result was announced #k2.", "en", path="en")
    sc = compare_set([ko, en], encoder=fake_encoder)
    assert any(s.kind == "boilerplate" for s in ko.sentences)
    assert sc.pairs[0].evidence.n_a == len(ko.content_indices)


def test_pivot_must_be_a_language_code(fake_encoder):
    docs = [_tagged(["a"], "en", "a"), _tagged(["b"], "en", "b")]
    with pytest.raises(ConfigError, match="pivot"):
        compare_set(docs, encoder=fake_encoder, pivot="english!")


def test_document_without_content_is_unrelated(fake_encoder):
    furniture_only = from_text("找回密码\n\n立即注册", "ko", path="chrome")
    assert furniture_only.content_indices == ()
    sc = compare_set([furniture_only, _tagged(["a", "b"], "en", "en")], encoder=fake_encoder)
    assert sc.pairs[0].relation == "unrelated" and sc.pairs[0].evidence.n_a == 0


def test_inputs_are_not_changed(fake_encoder):
    docs = [_tagged([f"a{k}" for k in range(4)], "en", "a"), _tagged([f"a{k}" for k in range(4)], "id", "b")]
    before = [(d.text, d.sentences) for d in docs]
    sc = compare_set(docs, encoder=fake_encoder)
    assert [(d.text, d.sentences) for d in docs] == before
    assert sc.documents[0] is docs[0]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fake_encoder import FakeEncoder  # noqa: E402


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdefgh"), min_size=1, max_size=6), min_size=2, max_size=5))
def test_every_pair_once_with_a_valid_relation(tag_lists):
    docs = [_tagged([f"{t}{k}" for k, t in enumerate(tags)], "en", f"d{i}") for i, tags in enumerate(tag_lists)]
    sc = compare_set(docs, Config(encoder="none", fidelity_encoder="none"), encoder=FakeEncoder())  # fast pairs
    n = len(docs)
    assert len(sc.pairs) == n * (n - 1) // 2 == sc.stats.pairs
    for p in sc.pairs:
        assert p.relation in ("translation", "related", "unrelated") and 0.0 <= p.similarity <= 1.0
        if p.relation == "translation":
            assert sc.comparison_for(p.a, p.b) is not None
            assert any(p.a in g and p.b in g for g in sc.groups)
    members = sorted(i for g in sc.groups for i in g)
    assert len(members) == len(set(members))
    assert sc.stats.full_comparisons == len(sc.comparisons)


def test_two_copies_of_one_article_are_versions(fake_encoder):
    tags = [f"c{k}" for k in range(5)]
    a, b = _tagged(tags, "en", "copy1.txt"), _tagged(tags, "en", "copy2.txt")
    sc = compare_set([a, b], encoder=fake_encoder)
    assert sc.pairs[0].relation == "translation" and sc.pairs[0].similarity == pytest.approx(1.0)


def test_connected_components():
    import doctest

    from aligner.compare import components
    from aligner.compare.components import connected_components

    assert doctest.testmod(components).failed == 0
    assert connected_components(0, []) == []
    assert connected_components(3, [(0, 0), (2, 1), (1, 2)]) == [[0], [1, 2]]
    assert connected_components(5, [(3, 4), (0, 4), (2, 1)]) == [[0, 3, 4], [1, 2]]


def _three_versions():
    tags = [f"s{k}" for k in range(8)]
    short = "{filler} #{tag}."
    en = _tagged(tags, "en", "en.txt", template=short)
    idn = _tagged(tags[:5] + tags[6:], "id", "id.txt", "Kalimat", short)  # omits s5
    de = _tagged(tags[:2] + tags[3:5] + tags[6:], "de", "de.txt", "Satz", short)  # omits s2 and s5
    return [idn, de, en], Config(encoder="none", fidelity_encoder="none", lexicon="none")


def test_pivot_defaults_to_the_longest_version(fake_encoder):
    docs, surface = _three_versions()
    (view,) = compare_set(docs, surface, encoder=fake_encoder).views
    assert view.pivot == 2  # the English original, not a translation that omits


def test_pivot_by_file_name(fake_encoder):
    docs, surface = _three_versions()
    (view,) = compare_set(docs, surface, encoder=fake_encoder, pivot="id.txt").views
    assert view.pivot == 0
