import aligner
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


def test_signature_is_pinned():
    assert aligner.Config().signature == (
        f"aligner:{aligner.__version__}|enc:auto|maxbead:5|lex:auto|boiler:drop|seed:0|fenc:use|fid:1"
        f"|encthr:0.9|encbudget:16000|seg:{RULES_VERSION}|aln:{weights_version()}|chk:qa1:all"
    )
