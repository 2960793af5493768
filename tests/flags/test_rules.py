"""Divergence flags: one test per flag type, with a deterministic encoder."""

from __future__ import annotations

from aligner.align.model import Bead
from aligner.flags import FLAG_TYPES, flag_bead, flag_document
from aligner.flags.rules import UNSUPPORTED_SIMILARITY, unsupported_sentences
from aligner.score import DEFAULT_SETTINGS, Scorer
from aligner.segment import make_document


def _flags(src_text: str, tgt_text: str, encoder, src_lang: str = "en", tgt_lang: str = "id", tgt_extra: str = ""):
    src = make_document(src_text + "\n", src_lang, presegmented=True)
    tgt = make_document(tgt_text + "\n" + (tgt_extra + "\n" if tgt_extra else ""), tgt_lang, presegmented=True)
    bead = Bead((0,), (0,))
    (score,) = Scorer(src, tgt, encoder=encoder).score_all([bead])
    return src, tgt, flag_bead(src, tgt, bead, score)


def _types(flags) -> list[str]:
    return [f.type for f in flags]


def test_a_faithful_pair_has_no_flags(concept_encoder):
    *_, flags = _flags("Prices rose 5 percent yesterday.", "Harga naik 5 persen kemarin.", concept_encoder)
    assert flags == ()


def test_number_mismatch_points_at_the_numbers(concept_encoder):
    src, tgt, flags = _flags("Prices rose 5 percent yesterday.", "Harga naik 7 persen kemarin.", concept_encoder)
    (flag,) = flags
    assert flag.type == "number_mismatch" and flag.severity == "major"
    assert {(e.side, (src if e.side == "src" else tgt).text[e.start : e.end]) for e in flag.evidence} == {
        ("src", "5 percent"), ("tgt", "7 persen")}


def test_a_number_left_out_with_none_in_its_place_is_a_note(concept_encoder):
    src, tgt, flags = _flags("Prices rose 5 percent yesterday.", "Harga naik kemarin.", concept_encoder)
    (flag,) = [f for f in flags if f.type == "number_mismatch"]
    assert flag.severity == "info" and "left out" in flag.message
    # a changed number leaves one on both sides: still major
    *_, flags = _flags("Prices rose 5 percent in 2019.", "Harga naik 7 persen pada 2019.", concept_encoder)
    assert [f.severity for f in flags if f.type == "number_mismatch"] == ["major"]
    # three numbers left out, none in their place: no paraphrase of a number
    *_, flags = _flags("Prices rose 5 percent, 7 percent and 9 percent yesterday.", "Harga naik kemarin.",
                       concept_encoder)
    assert [f.severity for f in flags if f.type == "number_mismatch"] == ["major"]
    *_, flags = _flags("Prices rose 5 percent and 7 percent yesterday.", "Harga naik kemarin.", concept_encoder)
    assert [f.severity for f in flags if f.type == "number_mismatch"] == ["info"]


def test_unrelated_sentence_is_a_mistranslation(concept_encoder):
    # in a document, so that the margin (a bead against its neighbours) can be measured
    src = make_document("Prices rose sharply yesterday.\nThe minister resigned.\nThe government was silent.\n"
                        "Investors were worried.\n", "en", presegmented=True)
    tgt = make_document("Harga naik tajam kemarin.\nMenteri mengundurkan diri.\nKucing itu tidur di pasar.\n"
                        "Investor khawatir.\n", "id", presegmented=True)
    beads = tuple(Bead((k,), (k,)) for k in range(4))
    scores = Scorer(src, tgt, encoder=concept_encoder).score_all(beads)
    assert min(range(4), key=lambda k: scores[k].fidelity) == 2  # the unrelated bead scores lowest
    # the rule itself, with a threshold between the unrelated bead's meaning and the others'
    threshold = (scores[2].parts["meaning"] + min(scores[k].parts["meaning"] for k in (0, 1, 3))) / 2
    settings = DEFAULT_SETTINGS.with_(mistranslation=threshold)
    flags = [flag_bead(src, tgt, b, s, settings) for b, s in zip(beads, scores)]
    assert "mistranslation" in _types(flags[2])
    assert not any(f.severity != "info" for k in (0, 1, 3) for f in flags[k])


def test_added_clause_is_a_partial_addition_with_its_span(concept_encoder):
    src, tgt, flags = _flags(
        "Prices rose yesterday.",
        "Harga naik kemarin, dan pertandingan sepak bola di kota itu ditunda karena hujan deras sekali.",
        concept_encoder)
    (flag,) = [f for f in flags if f.type == "partial_addition"]
    shown = " ".join(tgt.text[e.start : e.end] for e in flag.evidence)
    assert "pertandingan sepak bola" in shown and "Harga" not in shown


def test_dropped_clause_is_a_partial_omission_with_its_span(concept_encoder):
    src, tgt, flags = _flags(
        "Prices rose yesterday, and the football match in the city was postponed because of heavy rain.",
        "Harga naik kemarin.", concept_encoder)
    (flag,) = [f for f in flags if f.type == "partial_omission"]
    shown = " ".join(src.text[e.start : e.end] for e in flag.evidence)
    assert "football match" in shown and "Prices" not in shown


def test_replaced_name_is_an_entity_mismatch(concept_encoder):
    *_, flags = _flags("Minister Patton said prices rose.", "Menteri Suharjo mengatakan harga naik.", concept_encoder)
    (flag,) = [f for f in flags if f.type == "entity_mismatch"]
    assert "Patton" in flag.message and "Suharjo" in flag.message and flag.severity == "major"


def test_copied_source_is_untranslated(concept_encoder):
    text = "The minister resigned after the vote on Friday evening."
    *_, flags = _flags(text, text, concept_encoder)
    assert _types(flags) == ["untranslated"]


def test_third_language_is_wrong_language(concept_encoder):
    *_, flags = _flags("The minister resigned after the vote on Friday evening.",
                       "Der Minister ist nach der Abstimmung am Freitagabend zurückgetreten.", concept_encoder)
    assert _types(flags) == ["wrong_language"]


def test_typography_notes_are_info_and_point_at_the_slip(concept_encoder):
    src, tgt, flags = _flags("Prices rose carefully.", "Harga naik dengan hati -hati.", concept_encoder)
    (flag,) = flags
    assert (flag.type, flag.severity) == ("typography", "info")
    assert tgt.text[flag.evidence[0].start : flag.evidence[0].end] == " -"


def test_unbalanced_quotes_only_when_the_other_side_is_balanced(concept_encoder):
    *_, flags = _flags('He said "prices rose".', 'Dia mengatakan "harga naik.', concept_encoder)
    assert _types(flags) == ["typography"]
    *_, flags = _flags('He said "prices rose.', 'Dia mengatakan "harga naik.', concept_encoder)
    assert flags == ()


def test_case_only_name_variant_is_a_typography_note(concept_encoder):
    *_, flags = _flags("OpenAI said prices rose.", "Openai mengatakan harga naik.", concept_encoder)
    assert _types(flags) == ["typography"] and "Openai" in flags[0].message


def test_omission_addition_and_document_truncation():
    src = make_document("One.\nTwo.\nThree.\nFour.\n", "en", presegmented=True)
    tgt = make_document("Satu.\n", "id", presegmented=True)
    beads = (Bead((0,), (0,)), Bead((1,), ()), Bead((2,), ()), Bead((3,), ()))
    doc_flags = flag_document(src, tgt, beads)
    assert list(doc_flags) == [3] and doc_flags[3][0].type == "truncation"
    assert [e.sentence for e in doc_flags[3][0].evidence] == [1, 2, 3]


def test_every_flag_type_is_produced_somewhere():
    import aligner.flags.rules as rules
    import inspect

    from aligner.checks import CHECKS

    source = inspect.getsource(rules)
    check_types = {c.type for c in CHECKS.values()}
    for t in FLAG_TYPES:
        assert f'"{t}"' in source or t in check_types, t


def test_a_name_left_out_with_none_in_its_place_is_a_note(concept_encoder):
    *_, flags = _flags("Minister Patton said prices rose in Oxford.", "Menteri Patton mengatakan harga naik.",
                       concept_encoder, tgt_extra="Kata menteri itu.")
    (flag,) = [f for f in flags if f.type == "entity_mismatch"]
    assert flag.severity == "info" and "Oxford" in flag.message and "left out" in flag.message


def test_a_name_put_for_a_capitalised_common_word_stays_a_flag(concept_encoder):
    *_, flags = _flags("Minister David Patton said prices rose.", "Menteri David Yang mengatakan harga naik.",
                       concept_encoder)
    (flag,) = [f for f in flags if f.type == "entity_mismatch"]
    assert flag.severity == "minor" and "Patton" in flag.message


def test_a_shorter_target_starting_mid_sentence_is_a_partial_omission(concept_encoder):
    *_, flags = _flags("After the long football match on Sunday evening ended, prices rose 5 percent yesterday.",
                       "harga naik 5 persen kemarin.", concept_encoder)
    assert "partial_omission" in _types(flags)


def _bead_with(concept_encoder, src_text: str, tgt_text: str, **evidence):
    """A scored 1-1 bead whose evidence is changed by ``evidence`` (the flag rules read only it)."""
    from dataclasses import replace

    from aligner.score.fidelity import BeadScore

    src = make_document(src_text + "\n", "en", presegmented=True)
    tgt = make_document(tgt_text + "\n", "id", presegmented=True)
    bead = Bead((0,), (0,))
    (score,) = Scorer(src, tgt, encoder=concept_encoder).score_all([bead])
    meaning = evidence.pop("meaning", None)
    parts = dict(score.parts) if meaning is None else {**score.parts, "meaning": meaning}
    return src, tgt, bead, BeadScore(score.fidelity, parts, replace(score.evidence, **evidence))


def test_a_low_meaning_bead_that_stands_out_from_its_neighbours_is_a_partial_change(concept_encoder):
    src, tgt, bead, score = _bead_with(concept_encoder, "Prices rose yesterday, the minister said on Monday.",
                                       "Menteri berkata.", length_z=-3.0, meaning=0.05, margin=0.1, src_part=None)
    settings = DEFAULT_SETTINGS.with_(mistranslation=0.3, length_z_weak=1.5, partial_margin=0.0)
    assert "partial_omission" in _types(flag_bead(src, tgt, bead, score, settings))
    # no better than its neighbours (margin below partial_margin): the two sides say different things
    assert "mistranslation" in _types(flag_bead(src, tgt, bead, score, settings.with_(partial_margin=0.2)))
    # the lengths agree: nothing was dropped
    _, _, _, even = _bead_with(concept_encoder, "Prices rose yesterday, the minister said on Monday.",
                               "Menteri berkata.", length_z=0.2, meaning=0.05, margin=0.1, src_part=None)
    assert "mistranslation" in _types(flag_bead(src, tgt, bead, even, settings))


def test_a_number_only_on_the_longer_side_supports_a_partial_addition(concept_encoder):
    from aligner.flags.rules import longer_side_unmatched

    text = ("Prices rose yesterday.", "Harga naik kemarin dan 40 orang datang.")
    src, tgt, bead, score = _bead_with(concept_encoder, *text, length_z=1.6, meaning=0.9, tgt_part=None)
    assert score.evidence.numbers[1] and not score.evidence.numbers[0]
    assert longer_side_unmatched(score.evidence)
    settings = DEFAULT_SETTINGS.with_(length_z_weak=1.5, length_z_strong=3.0, partial_fidelity=0.5)
    assert "partial_addition" in _types(flag_bead(src, tgt, bead, score, settings))
    # the same number on the shorter side instead: it says nothing about what the longer side adds
    shorter = type(score)(score.fidelity, score.parts, _replace(score.evidence, length_z=-1.6))
    assert not longer_side_unmatched(shorter.evidence)
    assert not {"partial_addition", "partial_omission"} & set(_types(flag_bead(src, tgt, bead, shorter, settings)))


def _replace(ev, **changes):
    from dataclasses import replace

    return replace(ev, **changes)


def test_a_target_cut_at_its_start_is_a_partial_omission_from_fragment_z(concept_encoder):
    text = ("Although flooding is a serious concern, some of this rain will be beneficial.",
            "sebagian hujan ini akan bermanfaat.")
    src, tgt, bead, score = _bead_with(concept_encoder, *text, length_z=-0.8, meaning=0.9, src_part=None)
    settings = DEFAULT_SETTINGS.with_(length_z_weak=1.5, length_z_strong=3.0, partial_fidelity=0.2)
    assert "partial_omission" in _types(flag_bead(src, tgt, bead, score, settings.with_(fragment_z=0.5)))
    assert "partial_omission" not in _types(flag_bead(src, tgt, bead, score, settings.with_(fragment_z=1.0)))


def test_a_stray_bead_is_a_mistranslation_whatever_its_meaning_fidelity(concept_encoder):
    from aligner.flags.rules import is_stray

    text = ("Prices rose yesterday.", "Harga naik kemarin.")
    settings = DEFAULT_SETTINGS.with_(mistranslation=0.3, stray_similarity=0.25, stray_margin=0.0)
    src, tgt, bead, score = _bead_with(concept_encoder, *text, similarity=0.15, margin=-0.08, meaning=0.7,
                                       length_z=0.1)
    assert is_stray(0.15, -0.08, settings)
    assert "mistranslation" in _types(flag_bead(src, tgt, bead, score, settings))
    # either value at or above its bound, or a margin that could not be measured: not stray
    for sim, margin in ((0.25, -0.08), (0.15, 0.0), (0.15, None)):
        assert not is_stray(sim, margin, settings)
        _, _, _, other = _bead_with(concept_encoder, *text, similarity=sim, margin=margin, meaning=0.7, length_z=0.1)
        assert "mistranslation" not in _types(flag_bead(src, tgt, bead, other, settings))
    # the rule is off in settings that do not set it
    assert not is_stray(0.15, -0.08, DEFAULT_SETTINGS.with_(stray_similarity=-9.0))


def test_a_name_left_out_by_a_shorter_target_supports_a_partial_omission(concept_encoder):
    from aligner.flags.rules import longer_side_unmatched

    text = ("Minister Patton said prices rose in Oxford and Cambridge after the vote.",
            "Menteri Patton mengatakan harga naik.")
    src, tgt, bead, score = _bead_with(concept_encoder, *text, length_z=-1.6, meaning=0.9, src_part=None)
    names = score.evidence.names
    assert names.src_only and not names.tgt_only and names.left_out  # a note as a name flag
    assert longer_side_unmatched(score.evidence)
    settings = DEFAULT_SETTINGS.with_(length_z_weak=1.5, length_z_strong=3.0, partial_fidelity=0.5)
    assert "partial_omission" in _types(flag_bead(src, tgt, bead, score, settings))
    # a longer target that lacks the source's names: nothing supports a clause added or dropped
    longer = type(score)(score.fidelity, score.parts, _replace(score.evidence, length_z=1.6))
    assert not longer_side_unmatched(longer.evidence)


def test_a_partial_omission_without_any_known_word_does_not_list_the_whole_sentence(concept_encoder):
    from aligner.score.lexical import Coverage

    text = ("Prices rose yesterday in every shop of the old town, the minister said.", "Menteri berkata.")
    src, tgt, bead, score = _bead_with(concept_encoder, *text, length_z=-3.0, meaning=0.9, src_part=None)
    words = score.evidence.src_coverage.words
    assert words
    blind = type(score)(score.fidelity, score.parts,
                        _replace(score.evidence, src_coverage=Coverage(words, words)))  # no counterpart known
    (flag,) = [f for f in flag_bead(src, tgt, bead, blind) if f.type == "partial_omission"]
    assert "no source word has a known counterpart" in flag.message and "Prices" not in flag.message
    assert [(e.side, e.start, e.end) for e in flag.evidence] == [("src", 0, src.sentences[0].end)]
    # some words with a counterpart: the others are what was left out
    some = type(score)(score.fidelity, score.parts,
                       _replace(score.evidence, src_coverage=Coverage(words, words[1:])))
    (flag,) = [f for f in flag_bead(src, tgt, bead, some) if f.type == "partial_omission"]
    assert "source words with no counterpart" in flag.message


def test_an_unrelated_sentence_merged_into_a_bead_is_an_addition(concept_encoder):
    src = make_document("Prices rose sharply yesterday and investors were worried.\n", "en", presegmented=True)
    tgt = make_document("Harga naik tajam kemarin.\nKucing itu tidur di pasar.\n", "id", presegmented=True)
    bead = Bead((0,), (0, 1))
    (score,) = Scorer(src, tgt, encoder=concept_encoder).score_all([bead])
    sims = score.evidence.tgt_sentence_similarity
    assert len(sims) == 2 and sims[1] < UNSUPPORTED_SIMILARITY < sims[0]
    flags = flag_bead(src, tgt, bead, score)
    (added,) = [f for f in flags if f.type == "addition"]
    assert added.severity == "major" and [e.sentence for e in added.evidence] == [1]
    # a source sentence split in two faithful target sentences: each says part of it
    tgt = make_document("Harga naik tajam kemarin.\nInvestor khawatir.\n", "id", presegmented=True)
    (score,) = Scorer(src, tgt, encoder=concept_encoder).score_all([bead])
    assert unsupported_sentences(score.evidence) == () and "addition" not in _types(flag_bead(src, tgt, bead, score))
