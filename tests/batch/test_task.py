

def test_workers_warm_both_the_alignment_and_the_fidelity_encoder():
    from aligner.batch.task import encoders_of
    from aligner.config import Config

    assert encoders_of(Config(encoder="use", fidelity_encoder="use")) == "use"
    assert encoders_of(Config(encoder="none", fidelity_encoder="use")) == "none+use"
