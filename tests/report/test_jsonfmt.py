"""JSON report: contract keys, the shipped JSON Schema, evidence text from offsets."""

from __future__ import annotations

import copy
import json
import re

import jsonschema
import pytest

from aligner.report import jsonfmt, render

from .conftest import FLAG_MESSAGE, SRC_PATH


@pytest.fixture(scope="module")
def validator():
    schema = jsonfmt.load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", ["seed_comparison", "hostile", "hostile_pipeline"])
def test_output_validates_against_the_shipped_schema(request, validator, name):
    data = json.loads(render(request.getfixturevalue(name), "json"))
    errors = sorted(validator.iter_errors(data), key=str)
    assert not errors, errors[0].message


@pytest.mark.parametrize("breakage", [
    lambda d: d.pop("beads"),
    lambda d: d.pop("schema_version"),
    lambda d: d["beads"][0]["flags"][0].update(severity="fatal"),
    lambda d: d["beads"][0].update(fidelity=1.5),
    lambda d: d["beads"][0]["flags"][0]["evidence"][0].update(side="both"),
    lambda d: d["source"].pop("sentences"),
])
def test_schema_rejects_broken_reports(hostile, validator, breakage):
    data = json.loads(render(hostile, "json"))
    broken = copy.deepcopy(data)
    breakage(broken)
    assert not validator.is_valid(broken)


def test_contract_keys_and_values(hostile):
    data = json.loads(render(hostile, "json"))
    assert data["schema_version"] == jsonfmt.SCHEMA_VERSION
    assert data["signature"] == hostile.signature
    assert data["fidelity"] == hostile.fidelity
    assert [(b["src"], b["tgt"]) for b in data["beads"]] == [
        (list(b.src), list(b.tgt)) for b in hostile.alignment.beads]
    first = data["beads"][0]
    assert re.fullmatch(r"entity_mismatch-[0-9a-f]{10}", first["flags"][0].pop("id"))
    assert data["verdict"] == hostile.verdict
    assert first["flags"][0] == {
        "type": "entity_mismatch", "severity": "major", "message": FLAG_MESSAGE,
        "evidence": [
            {"side": "src", "sentence": 0, "start": 0, "end": 27, "text": '<script>alert("x")</script>'},
            {"side": "tgt", "sentence": 0, **_span(hostile.tgt.text, "<script>alert(2)</script>")},
        ],
    }
    assert first["parts"] == {"length": 0.9, "semantic": 0.95}
    assert data["source"]["path"] == SRC_PATH
    assert data["summary"]["coverage"] == {"src": 0.8, "tgt": 0.75}
    assert data["flag_counts"]["omission"] == 1


def _span(text: str, needle: str) -> dict[str, object]:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle}


def test_offsets_rebuild_text(hostile_pipeline):
    data = json.loads(render(hostile_pipeline, "json"))
    for side in ("source", "target"):
        doc = data[side]
        for s in doc["sentences"]:
            assert doc["text"][s["start"] : s["end"]] == s["text"]
    for bead in data["beads"]:
        for flag in bead["flags"]:
            for ev in flag["evidence"]:
                doc = data["source" if ev["side"] == "src" else "target"]
                assert doc["text"][ev["start"] : ev["end"]] == ev["text"]


def test_output_is_deterministic_utf8_with_sorted_keys(hostile):
    a, b = render(hostile, "json"), render(hostile, "json")
    assert a == b and a.endswith("}\n")
    assert "🎉" in a and "שלום" in a and "\\ud83c" not in a
    assert list(json.loads(a)) == sorted(json.loads(a))


def test_non_finite_parts_become_null(hostile, validator):
    import dataclasses

    from aligner.score import BeadScore

    scores = (BeadScore(0.5, {"semantic": float("nan"), "length": float("inf")}),) + hostile.scores[1:]
    data = json.loads(render(dataclasses.replace(hostile, scores=scores), "json"))
    assert data["beads"][0]["parts"] == {"length": None, "semantic": None}
    assert validator.is_valid(data)
