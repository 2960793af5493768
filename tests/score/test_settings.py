"""The fidelity settings: encoder scales, JSON and digest."""

from __future__ import annotations

from aligner.score.settings import DEFAULT_SETTINGS, FidelitySettings


def test_scale_of_an_encoder():
    s = DEFAULT_SETTINGS.with_(encoder="use", encoder_scales=(("e5", -3.5, 4.75),))
    assert s.scale_of("use") == (0.0, 1.0) and s.scale_of("") == (0.0, 1.0)
    assert s.scale_of("e5") == (-3.5, 4.75)
    assert s.scale_of("st:/some/model") is None


def test_encoder_scales_survive_json_and_change_the_digest():
    s = DEFAULT_SETTINGS.with_(encoder_scales=(("e5", -3.5, 4.75),))
    again = FidelitySettings.from_json(s.to_json())
    assert again == s and again.digest() == s.digest()
    assert s.with_(encoder_scales=(("e5", -3.5, 4.5),)).digest() != s.digest()


def test_settings_without_scales_keep_the_json_they_had():
    s = DEFAULT_SETTINGS.with_(encoder_scales=())
    assert "encoder_scales" not in s.to_json()


def test_the_meaning_model_is_read_when_fitted():
    s = DEFAULT_SETTINGS.with_(meaning_weights=(("similarity", 6.0),), meaning_intercept=-2.0,
                               surface_meaning_weights=())
    assert s.meaning_model(False) == (-2.0, {"similarity": 6.0})
    assert s.meaning_model(True) is None
    again = FidelitySettings.from_json(s.to_json())
    assert again == s
