"""Properties over random input: readers and record assembly never crash, offsets stay valid."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.ingest.errors import InputError
from claimgraph.ingest.metadata import extract_metadata
from claimgraph.ingest.pipeline import prepare
from claimgraph.ingest.read import RawDocument, ReadError, decode_bytes, read_inputs
from claimgraph.ingest.records import DocumentRecord

NEWSY = st.lists(
    st.sampled_from(
        [
            "Home » world »",
            "Published February 15,2022",
            '"We are ready," he said.',
            "Moscow has massed more than 100,000 troops.",
            "© 2022 Reuters",
            "Read more",
            "1 thought on “x”",
            "Leave a Comment",
            "WASHINGTON, Feb 16 — Officials said so.",
            "",
        ]
    )
    | st.text(max_size=80),
    max_size=25,
).map("\n".join)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_a_clear_error(data):
    try:
        text, encoding = decode_bytes(data)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(text, str) and encoding


@FAST
@given(st.binary(max_size=1500), st.sampled_from([".txt", ".jsonl", ".html", ".md"]))
def test_reading_any_file_yields_documents_or_errors_never_raises(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"article{suffix}"
        path.write_bytes(data)
        for item in read_inputs([str(path)]):
            assert isinstance(item, (RawDocument, ReadError))
            if isinstance(item, RawDocument):
                assert item.text.strip() and "/" not in item.id
            else:
                assert item.reason and "\n" not in item.reason


@FAST
@given(NEWSY)
def test_body_ranges_and_metadata_are_well_formed_for_any_text(text):
    if not text.strip():
        return
    record = prepare(RawDocument(id="x", text=text, path=None, encoding="utf-8"))
    for start, end in record.body:
        assert 0 <= start < end <= len(text)
    assert [list(r) for r in sorted(record.body)] == record.body
    if record.published:
        dt.datetime.fromisoformat(record.published)  # ISO 8601 or nothing
    meta = extract_metadata(text, record.body)
    assert meta.get("title") is None or meta["title"] in text


@FAST
@given(NEWSY)
def test_records_round_trip_through_json(text):
    if not text.strip():
        return
    record = prepare(RawDocument(id="x", text=text, path="x.txt", encoding="utf-8"))
    again = DocumentRecord.loads(record.dumps())
    assert again == record
    assert json.loads(record.dumps())["text"] == text
