"""Per-bead and per-document fidelity."""

from __future__ import annotations

import pytest

from aligner.align.model import Bead
from aligner.document import BOILERPLATE, Document, Span
from aligner.score import SIGNALS, Scorer, document_fidelity
from aligner.score.lexical import coverage, gloss
from aligner.lexicon import load_lexicon
from aligner.segment import make_document


def _docs(src: str, tgt: str) -> tuple[Document, Document]:
    return (make_document(src, "en", presegmented=True), make_document(tgt, "id", presegmented=True))


def test_parts_are_all_in_unit_range_and_named(concept_encoder):
    src, tgt = _docs("Prices rose 5 percent yesterday.\n", "Harga naik 5 persen kemarin.\n")
    (score,) = Scorer(src, tgt, encoder=concept_encoder).score_all([Bead((0,), (0,))])
    signals = set(SIGNALS)
    assert set(score.parts) == signals | {f"{k}_effect" for k in signals} | {"language", "meaning"}
    assert score.parts["language"] == 1.0 and 0.0 <= score.parts["similarity"] <= 1.0
    assert score.fidelity >= 0.8


def test_without_an_encoder_the_similarity_part_is_left_out():
    src, tgt = _docs("Prices rose 5 percent yesterday.\n", "Harga naik 5 persen kemarin.\n")
    (score,) = Scorer(src, tgt, encoder=None).score_all([Bead((0,), (0,))])
    assert "similarity" not in score.parts and 0.0 < score.fidelity <= 1.0


def test_a_changed_number_lowers_fidelity(concept_encoder):
    src, tgt = _docs("Prices rose 5 percent.\nPrices rose 5 percent.\n", "Harga naik 5 persen.\nHarga naik 7 persen.\n")
    good, bad = Scorer(src, tgt, encoder=concept_encoder).score_all([Bead((0,), (0,)), Bead((1,), (1,))])
    assert good.parts["numbers"] == 0.0 and bad.parts["numbers"] >= 1.0 and bad.fidelity < good.fidelity


def test_untranslated_target_scores_zero(concept_encoder):
    text = "The minister resigned after the vote on Friday evening.\n"
    src, tgt = _docs(text, text)
    (score,) = Scorer(src, tgt, encoder=concept_encoder).score_all([Bead((0,), (0,))])
    assert score.parts["language"] == 0.0 and score.fidelity == 0.0


@pytest.mark.parametrize("text, untranslated", [
    ("Elite League: Dundee Stars 5-3 Belfast Giants\n", False),  # names, copied as they are
    ("It Is Very Bad.\n", True),  # a title-case sentence left in English
])
def test_a_line_of_names_copied_is_not_untranslated(concept_encoder, text, untranslated):
    src, tgt = _docs(text, text)
    (score,) = Scorer(src, tgt, encoder=concept_encoder).score_all([Bead((0,), (0,))])
    assert (score.parts["language"] == 0.0) == untranslated


def test_omissions_score_zero_and_boilerplate_is_left_out_of_the_document_score(concept_encoder):
    text = "Home | News\nPrices rose 5 percent.\nThe minister resigned.\n"
    src = make_document(text, "en", presegmented=True)
    src = src.with_sentences((Span(0, 11, 0, BOILERPLATE),) + src.sentences[1:])
    tgt = make_document("Harga naik 5 persen.\n", "id", presegmented=True)
    beads = (Bead((0,), ()), Bead((1,), (0,)), Bead((2,), ()))
    scores = Scorer(src, tgt, encoder=concept_encoder).score_all(beads)
    assert scores[0].fidelity == 0.0 and scores[2].fidelity == 0.0
    with_boiler = document_fidelity(src, tgt, beads, scores)
    without = document_fidelity(src, tgt, beads[1:], scores[1:])
    assert with_boiler == without and 0.0 < without < scores[1].fidelity


def test_coverage_uses_the_lexicon_and_stems():
    cov = coverage("The government raised prices.", "en", "Pemerintah menaikkan harga.", "id", load_lexicon("en", "id"))
    assert [t.surface for t in cov.words] == ["government", "raised", "prices"] and cov.share == 1.0
    back = coverage("Pemerintah menaikkan harga.", "id", "The government raised prices.", "en", load_lexicon("id", "en"))
    assert back.share == 1.0


def test_coverage_points_at_words_without_counterpart():
    cov = coverage("The driver stopped but the man died at the scene.", "en", "Pria itu meninggal.", "id",
                   load_lexicon("en", "id"))
    assert {"driver", "stopped", "scene"} <= {t.surface for t in cov.uncovered}


def test_gloss_is_deterministic():
    assert gloss("Pemerintah menaikkan harga", "id", load_lexicon("id", "en")) == "government raise price"


def test_typographic_punctuation_does_not_change_the_length_part():
    # Curly quotes, dashes, an ellipsis and the euro sign are one character each, as their
    # ASCII stand-ins are; only Han, kana and Hangul letters weigh three (aligner.measures).
    src_text = "He said prices rose by five euros this year, and then he left the room.\n"
    plain = 'Dia berkata "harga naik lima euro - 5 E - tahun ini." lalu pergi.\n'  # same length
    typographic = "Dia berkata \u201charga naik lima euro \u2014 5 \u20ac \u2014 tahun ini\u2026\u201d lalu pergi.\n"
    scores = []
    for tgt_text in (plain, typographic):
        src, tgt = _docs(src_text, tgt_text)
        (score,) = Scorer(src, tgt, encoder=None).score_all([Bead((0,), (0,))])
        scores.append(score.parts["length"])
    assert 0.0 < scores[0] < 1.0  # the length part is sensitive here...
    assert scores[1] == scores[0]  # ...and the typography does not move it


def test_another_encoders_cosines_are_read_through_its_fitted_scale(concept_encoder):
    from dataclasses import replace

    from aligner.score.fidelity import scaled_similarity, signals_of
    from aligner.score.settings import DEFAULT_SETTINGS

    src, tgt = _docs("Prices rose 5 percent yesterday.\n", "Harga naik 5 persen kemarin.\n")
    (score,) = Scorer(src, tgt, encoder=concept_encoder, encoder_name="probe").score_all([Bead((0,), (0,))])
    ev = replace(score.evidence, similarity=0.9, margin=0.1)
    assert "similarity" not in signals_of(ev, DEFAULT_SETTINGS.with_(encoder_scales=()))  # no scale: surface model
    scaled = DEFAULT_SETTINGS.with_(encoder_scales=(("probe", -3.0, 4.0),))
    sim, margin, factor = scaled_similarity(ev, scaled)
    assert abs(sim - 0.6) < 1e-9 and abs(margin - 0.4) < 1e-9 and factor == 4.0
    sig = signals_of(ev, scaled)
    assert abs(sig["similarity"] - 0.6) < 1e-9 and abs(sig["margin"] - 0.4) < 1e-9
    # the encoder the settings were fitted on reads its cosines as they are
    assert scaled_similarity(replace(ev, encoder=scaled.encoder), scaled) == (0.9, 0.1, 1.0)
    # an encoder that does not know the languages gives no encoder signals, whatever the scale
    assert scaled_similarity(replace(ev, similarity_fitted=False), scaled) is None


def test_meaning_comes_from_the_meaning_model_and_leaves_the_fidelity_alone(concept_encoder):
    from aligner.score.fidelity import fidelity_from_evidence
    from aligner.score.settings import DEFAULT_SETTINGS

    src, tgt = _docs("Prices rose 5 percent yesterday.\n", "Harga naik 5 persen kemarin.\n")
    (score,) = Scorer(src, tgt, encoder=concept_encoder).score_all([Bead((0,), (0,))])
    plain = DEFAULT_SETTINGS.with_(meaning_weights=(), surface_meaning_weights=())
    strict = plain.with_(meaning_intercept=-30.0, meaning_weights=(("similarity", 0.0),))
    a = fidelity_from_evidence(score.evidence, "en", "id", plain)
    b = fidelity_from_evidence(score.evidence, "en", "id", strict)
    assert a.fidelity == b.fidelity and a.parts["meaning"] > 0.5 and b.parts["meaning"] < 1e-6


@pytest.mark.parametrize("signal, field", [("low_similarity", "similarity"), ("low_margin", "margin")])
def test_a_hinge_signal_grows_only_below_its_bound(concept_encoder, signal, field):
    from dataclasses import replace

    from aligner.score.fidelity import LOW_MARGIN, LOW_SIMILARITY, fidelity_from_evidence, signals_of
    from aligner.score.settings import DEFAULT_SETTINGS

    bound = {"low_similarity": LOW_SIMILARITY, "low_margin": LOW_MARGIN}[signal]
    src, tgt = _docs("Prices rose 5 percent yesterday.\n", "Harga naik 5 persen kemarin.\n")
    (score,) = Scorer(src, tgt, encoder=concept_encoder).score_all([Bead((0,), (0,))])
    high = signals_of(replace(score.evidence, **{field: bound + 0.3}), DEFAULT_SETTINGS)
    low = signals_of(replace(score.evidence, **{field: bound - 0.2}), DEFAULT_SETTINGS)
    assert high[signal] == 0.0 and abs(low[signal] - 0.2) < 1e-9
    assert signal not in signals_of(replace(score.evidence, similarity=None), DEFAULT_SETTINGS)
    # its weight pulls the fidelity down below the bound, nowhere else
    steep = DEFAULT_SETTINGS.with_(weights=(*DEFAULT_SETTINGS.weights, (signal, -50.0)))
    flat = DEFAULT_SETTINGS.with_(weights=tuple(w for w in DEFAULT_SETTINGS.weights if w[0] != signal))
    for value, moved in ((bound + 0.3, False), (bound - 0.2, True)):
        ev = replace(score.evidence, **{field: value})
        a = fidelity_from_evidence(ev, "en", "id", steep).fidelity
        b = fidelity_from_evidence(ev, "en", "id", flat).fidelity
        assert (a < b) == moved


def test_without_a_measured_margin_low_margin_takes_the_typical_value(concept_encoder):
    from dataclasses import replace

    from aligner.score.fidelity import fidelity_from_evidence
    from aligner.score.settings import DEFAULT_SETTINGS

    src, tgt = _docs("Prices rose 5 percent yesterday.\n", "Harga naik 5 persen kemarin.\n")
    (score,) = Scorer(src, tgt, encoder=concept_encoder).score_all([Bead((0,), (0,))])
    one = fidelity_from_evidence(replace(score.evidence, margin=None), "en", "id", DEFAULT_SETTINGS)
    assert one.parts["low_margin"] == dict(DEFAULT_SETTINGS.reference).get("low_margin", 0.0)
    assert one.parts["margin"] == dict(DEFAULT_SETTINGS.reference)["margin"]



def test_length_excess_bends_the_length_signal_above_its_knee(concept_encoder):
    from dataclasses import replace

    from aligner.score.fidelity import LENGTH_KNEE, signals_of
    from aligner.score.settings import DEFAULT_SETTINGS

    src, tgt = _docs("Prices rose 5 percent yesterday.\n", "Harga naik 5 persen kemarin.\n")
    (score,) = Scorer(src, tgt, encoder=None).score_all([Bead((0,), (0,))])
    for z, length, excess in ((0.5, 0.5, 0.0), (-(LENGTH_KNEE + 1.5), LENGTH_KNEE + 1.5, 1.5), (9.0, 4.0, 4.0 - LENGTH_KNEE)):
        sig = signals_of(replace(score.evidence, length_z=z), DEFAULT_SETTINGS)
        assert abs(sig["length"] - length) < 1e-9 and abs(sig["length_excess"] - excess) < 1e-9
    # both models weigh it (it needs no encoder), pulling the fidelity down
    assert dict(DEFAULT_SETTINGS.weights)["length_excess"] < 0 and dict(DEFAULT_SETTINGS.surface_weights)["length_excess"] < 0


def test_names_left_out_repeats_the_names_count_only_for_names_left_out():
    from dataclasses import replace

    from aligner.score.entities import NameMatch
    from aligner.score.fidelity import fidelity_from_evidence, signals_of
    from aligner.score.settings import DEFAULT_SETTINGS
    from aligner.score.text import tokens

    src, tgt = _docs("The minister met Kowalczyk.\n", "Menteri bertemu dia.\n")
    (score,) = Scorer(src, tgt, encoder=None).score_all([Bead((0,), (0,))])
    names = NameMatch(src_only=tuple(tokens("Kowalczyk")), tgt_only=(), variants=(), matched=0)
    replaced = replace(score.evidence, names=replace(names, left_out=False))
    left_out = replace(score.evidence, names=replace(names, left_out=True))
    a, b = signals_of(replaced, DEFAULT_SETTINGS), signals_of(left_out, DEFAULT_SETTINGS)
    assert a["names"] == b["names"] >= 1.0 and a["names_left_out"] == 0.0 and b["names_left_out"] == b["names"]
    # the shipped fit weighs a name left out less than one put for another, and not in the meaning
    fa = fidelity_from_evidence(replaced, "en", "id", DEFAULT_SETTINGS)
    fb = fidelity_from_evidence(left_out, "en", "id", DEFAULT_SETTINGS)
    assert fa.fidelity < fb.fidelity and fa.parts["meaning"] == fb.parts["meaning"]


def test_fragment_marks_a_target_that_starts_mid_sentence():
    from aligner.score.fidelity import signals_of, starts_mid_sentence
    from aligner.score.settings import DEFAULT_SETTINGS

    assert starts_mid_sentence("\u201cWe won,\u201d he said.", "\u201dkata dia.")
    assert not starts_mid_sentence("We won.", "Kami menang.")
    assert not starts_mid_sentence("we won.", "kami menang.")  # both start small: a house style
    assert not starts_mid_sentence("We won.", "\uc6b0\ub9ac\uac00 \uc774\uacbc\ub2e4.")  # no letter case
    src, tgt = _docs("After the match ended, prices rose.\n", "harga naik.\n")
    (score,) = Scorer(src, tgt, encoder=None).score_all([Bead((0,), (0,))])
    assert signals_of(score.evidence, DEFAULT_SETTINGS)["fragment"] == 1.0
    # both models weigh it against the bead
    assert dict(DEFAULT_SETTINGS.weights)["fragment"] < 0 and dict(DEFAULT_SETTINGS.surface_weights)["fragment"] < 0


def test_a_script_without_capitals_does_not_start_mid_sentence():
    from aligner.score.fidelity import starts_mid_sentence

    assert starts_mid_sentence("He said so.", "dan dia bilang.")
    assert not starts_mid_sentence("Where are you going?", "სად მიდიხარ?")  # Georgian writes no capitals
