from __future__ import annotations

from claimgraph.graph.ids import node_id, normalise_key


def test_ids_are_stable_and_normalised():
    assert node_id("claim", "Russia has denied it") == node_id("claim", "  russia HAS denied it ")
    assert node_id("claim", "x").startswith("claim/")
    assert node_id("claim", "x") != node_id("speaker", "x")


def test_normalise_key_folds_width_case_space():
    assert normalise_key("Ｒussia\u00a0 Has") == "russia has"
