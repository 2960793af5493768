import aligner
from aligner._version import CHECKS_VERSION
from aligner.score.settings import DEFAULT_SETTINGS, FIDELITY_VERSION
from aligner.segment import RULES_VERSION
from aligner.align.bead_scorer import weights_version


def test_public_api_round_trip(tmp_path):
    src = aligner.from_text("Harga naik 5 persen. Pemerintah diam.", "id")
    tgt = aligner.from_text("Prices rose 5 percent. The government was silent.", "en")
    comparison = aligner.compare(src, tgt)
    assert [b.kind for b in comparison.alignment.beads] == ["1-1", "1-1"]
    out = tmp_path / "r.md"
    aligner.write_report(comparison, "md", out)
    assert "Document fidelity" in out.read_text("utf-8")


def test_language_is_detected(seed_paths):
    langs = [aligner.load(seed_paths[k]).lang for k in ("000", "001", "002", "003", "004")]
    assert langs == ["id", "en", "ko", "de", "id"]


def test_signature_follows_the_fidelity_settings(seed_paths):
    from aligner.compare.pair import rescore

    c = aligner.compare_files(seed_paths["000"], seed_paths["001"])
    other = rescore(c, DEFAULT_SETTINGS.with_(mistranslation=DEFAULT_SETTINGS.mistranslation + 0.01))
    assert other.signature != c.signature and f"|fid:{FIDELITY_VERSION}-{other.settings.digest()}|" in other.signature
    assert rescore(c, DEFAULT_SETTINGS).scores == c.scores  # scores come from the evidence alone


def test_signature_is_pinned():
    assert aligner.Config().signature == (
        f"aligner:{aligner.__version__}|enc:auto|maxbead:5|lex:auto|boiler:drop|seed:0|fenc:use"
        f"|fid:{FIDELITY_VERSION}-{DEFAULT_SETTINGS.digest()}"
        f"|encthr:0.9|encbudget:16000|encmax:5000|seg:{RULES_VERSION}|aln:{weights_version()}|chk:{CHECKS_VERSION}:all"
    )
