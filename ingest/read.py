"""Read articles from files, directories, globs, JSONL and stdin into :class:`RawDocument`.

Readers by suffix: ``.txt``/``.md`` (text as scraped), ``.html``/``.htm`` (main text and
metadata through trafilatura), ``.jsonl``/``.json`` (one article object per line, ``text``
required). Bytes are decoded as UTF-8 (BOM honoured), UTF-16 with a BOM, else cp1252/Latin-1;
the encoding used is kept on the document. A file that cannot be used (missing, empty, binary,
undecodable, too large, not a regular file) or a bad JSONL line becomes a :class:`ReadError` in
the stream, never an exception, so one broken article does not stop a batch.

Limits, on purpose: JSON Lines are split on ``\\n`` only (U+2028 and other Unicode line breaks
are text, as in the JSON Lines format); reading is bounded (:data:`MAX_FILE_BYTES` per file and
for stdin) and only regular files are opened, so a FIFO or ``/dev/zero`` is refused, not read
forever; lone surrogates (only a JSON escape can make one) become U+FFFD, which keeps offsets.
Directories of build outputs (and the output directory of the running build) are never read.
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .codepoints import SURROGATES, replace_surrogates, scrub
from .errors import InputError
from .html import read_html

__all__ = [
    "RawDocument",
    "ReadError",
    "read_inputs",
    "expand_inputs",
    "decode_bytes",
    "safe_id",
    "unique_id",
    "is_build_dir",
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
]

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".json", ".ndjson"})
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

#: Files larger than this are refused before reading (a news article is far smaller).
MAX_FILE_BYTES = 64 * 1024 * 1024

_ID_BAD = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class RawDocument:
    """Decoded text of one article and the metadata its container gave (JSONL fields, HTML meta).

    ``given`` holds metadata supplied by the user (JSONL) — it wins over anything guessed
    from the text; ``found`` holds metadata extracted by a reader (HTML ``<meta>``).
    """

    id: str
    text: str
    path: str | None
    encoding: str | None
    url: str | None = None
    given: dict[str, object] = field(default_factory=dict)
    found: dict[str, object] = field(default_factory=dict)
    #: The id the input asked for when another article had it already (``-2`` was added).
    renamed_from: str | None = None
    #: Problems met while reading that did not stop it (carried into the record's ``errors``).
    problems: list[str] = field(default_factory=list)
    #: What reading an HTML page noticed (a body much shorter than its page …).
    warnings: list[str] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class ReadError:
    """An input that was skipped: where it was and why, as one line."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def safe_id(raw: str) -> str:
    """A document id usable as a file name and an IRI segment: no separators, no dot-dot.

    >>> safe_id("../../etc/passwd")
    'etc_passwd'
    >>> safe_id("001_d073dbdb77a7620a")
    '001_d073dbdb77a7620a'
    >>> safe_id("the-latest-trump-s-leaked-taxes-")
    'the-latest-trump-s-leaked-taxes-'
    """
    cleaned = _ID_BAD.sub("_", raw.replace("/", "_").replace("\\", "_"))
    # Leading dots would hide a file; a trailing "-" or "_" is part of many real slugs.
    cleaned = re.sub(r"\.{2,}", "_", cleaned).lstrip("._-").rstrip(".")
    cleaned = re.sub(r"_{2,}", "_", cleaned)
    if not cleaned:
        cleaned = "doc-" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return cleaned[:120]


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding)``.

    Order: UTF-8 with BOM, UTF-16/32 with BOM, UTF-16 without BOM (ASCII text with every
    other byte NUL), UTF-8, then cp1252 (a superset of Latin-1's printable range) and finally
    Latin-1, which cannot fail. Raises :class:`InputError` for data that looks binary (other
    NUL bytes, or many control characters) or that breaks the encoding its BOM declares.

    >>> decode_bytes("café".encode("utf-16"))
    ('café', 'utf-16')
    >>> decode_bytes("café".encode("cp1252"))
    ('café', 'cp1252')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-8 after its byte-order mark ({exc.reason})") from exc
    for bom, enc in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc.replace("-le", "").replace("-be", "")
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {enc} after its byte-order mark ({exc.reason})") from exc
    if b"\x00" in data[:4096]:
        enc = _bomless_utf16(data)
        if enc is None:
            raise InputError("binary data (NUL bytes), not text")
        try:
            return data.decode(enc), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"binary data (NUL bytes), not text ({exc.reason})") from exc
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, enc = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, enc = data.decode("latin-1"), "latin-1"
    sample = text[:4096]
    if sample:
        controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
        if controls / len(sample) > 0.05:
            raise InputError("binary data (control characters), not text")
    return text, enc


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the NULs sit on every other byte, as in mostly-ASCII
    UTF-16 text written without a byte-order mark; else ``None``."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def is_build_dir(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` holds the outputs of a build (``graph.json`` and ``store.sha256``)."""
    p = Path(path)
    return (p / "graph.json").is_file() and (p / "store.sha256").is_file()


def _inside(path: Path, dirs: Iterable[Path]) -> bool:
    return any(path == d or d in path.parents for d in dirs)


def expand_inputs(
    inputs: Iterable[str | os.PathLike[str]], *, exclude: Iterable[str | os.PathLike[str]] = ()
) -> Iterator[str | ReadError]:
    """Expand files, directories (recursively) and globs to files, in a stable sorted order.

    ``-`` passes through for stdin. A path that matches nothing yields a :class:`ReadError`,
    as does a file under one of the ``exclude`` directories (the build's own output) or a
    special file (FIFO, device, socket) met in a directory. Directories holding a build's
    outputs (:func:`is_build_dir`) are left out of a directory's files.
    """
    excluded = [Path(e).resolve() for e in exclude]
    for item in inputs:
        s = os.fspath(item)
        if s == "-":
            yield s
            continue
        p = Path(s)
        if excluded and _inside(p.resolve(), excluded):
            yield ReadError(s, "inside the output directory; outputs are never read as input")
        elif p.is_dir():
            yield from _expand_dir(p, s, excluded)
        elif p.exists():
            yield s
        elif glob.has_magic(s):
            matches = sorted(m for m in glob.glob(s, recursive=True) if Path(m).is_file())
            matches = [m for m in matches if not _inside(Path(m).resolve(), excluded)]
            if not matches:
                yield ReadError(s, "glob matches no files")
            yield from matches
        else:
            yield ReadError(s, "no such file or directory")


def _expand_dir(p: Path, s: str, excluded: list[Path]) -> Iterator[str | ReadError]:
    found: list[str] = []
    problems: list[ReadError] = []
    skip_dirs = [d.resolve() for d in p.rglob("*") if d.is_dir() and is_build_dir(d)]
    skip_dirs += excluded
    for f in p.rglob("*"):
        if any(part.startswith(".") for part in f.relative_to(p).parts):
            continue
        if f.suffix.lower() not in READABLE_SUFFIXES or f.name.upper() == "README.TXT":
            continue
        if skip_dirs and _inside(f.resolve(), skip_dirs):
            continue
        if f.is_file():
            found.append(str(f))
        elif f.is_symlink() and not f.exists():
            reason = "cannot read (broken link: its target does not exist)"
            problems.append(ReadError(str(f), reason))
        elif f.exists() and not f.is_dir():
            problems.append(ReadError(str(f), f"not a regular file ({_file_kind(f)}); not read"))
    if not found and not problems:
        yield ReadError(s, "directory holds no readable articles (.txt .md .html .jsonl)")
    yield from sorted(problems, key=lambda e: e.path)
    yield from sorted(found)


def _file_kind(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError:
        return "unknown kind"
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return name
    return "unknown kind"


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    stdin: object | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
    taken: Iterable[str] = (),
) -> Iterator[RawDocument | ReadError]:
    """Read every article of ``inputs``; ids are unique and stable across runs.

    Ids come from the file stem (or the JSONL ``id``); a clash gets ``-2``, ``-3`` … in input
    order, which is sorted, so the same inputs always give the same ids; the document keeps the
    id it asked for in ``renamed_from``. ``taken`` are ids already in use (a build being
    updated); ``exclude`` are directories never read (the build's output directory).
    """
    seen: dict[str, int] = {}
    for t in taken:
        unique_id(t, seen)
    for item in expand_inputs(inputs, exclude=exclude):
        if isinstance(item, ReadError):
            yield item
            continue
        for doc in _read_one(item, stdin=stdin):
            if isinstance(doc, RawDocument):
                wanted = doc.id
                doc.id = unique_id(doc.id, seen)
                if doc.id != wanted:
                    doc.renamed_from = wanted
            yield doc


def unique_id(doc_id: str, seen: dict[str, int]) -> str:
    """``doc_id``, or ``doc_id-2``, ``-3`` … if ``seen`` already holds it (``seen`` is updated).

    >>> seen = {}
    >>> [unique_id("a", seen) for _ in range(3)]
    ['a', 'a-2', 'a-3']
    """
    n = seen.get(doc_id, 0) + 1
    seen[doc_id] = n
    if n == 1:
        return doc_id
    candidate = f"{doc_id}-{n}"
    while candidate in seen:
        n += 1
        candidate = f"{doc_id}-{n}"
    seen[doc_id] = n
    seen[candidate] = 1
    return candidate


def _read_bytes(path: str) -> bytes:
    """The bytes of a regular file, at most :data:`MAX_FILE_BYTES`.

    Opened without blocking and checked on the open descriptor, so a FIFO is refused rather
    than waited on and a device is never read; the read itself is bounded too, so a file that
    grows while it is read cannot exhaust memory.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a directory" if stat.S_ISDIR(info.st_mode) else _file_kind(Path(path))
            raise InputError(f"not a regular file ({kind}); not read")
        if info.st_size > MAX_FILE_BYTES:
            raise InputError(_too_large(info.st_size))
        with os.fdopen(os.dup(fd), "rb") as fh:
            return _read_bounded(fh)
    finally:
        os.close(fd)


def _too_large(size: int | None) -> str:
    what = f"{size:,} bytes" if size is not None else f"more than {MAX_FILE_BYTES:,} bytes"
    return f"file too large ({what}; the limit is {MAX_FILE_BYTES:,})"


def _read_bounded(stream: object) -> bytes:
    """At most :data:`MAX_FILE_BYTES` from ``stream``; more is an :class:`InputError`."""
    data = stream.read(MAX_FILE_BYTES + 1)  # type: ignore[attr-defined]
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > MAX_FILE_BYTES:
        raise InputError(_too_large(None))
    return data


def _read_one(path: str, *, stdin: object | None) -> Iterator[RawDocument | ReadError]:
    try:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = _read_bounded(stream)
            yield from _from_jsonl_or_text("<stdin>", "stdin", data)
            return
        data = _read_bytes(path)
    except InputError as exc:
        yield ReadError(path, str(exc))
        return
    except OSError as exc:
        yield ReadError(path, f"cannot read ({exc.strerror or exc.__class__.__name__})")
        return
    suffix = Path(path).suffix.lower()
    stem = safe_id(Path(path).stem)
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, stem, data)
        elif suffix in HTML_SUFFIXES:
            yield _read_html(path, stem, data)
        else:
            yield _read_text(path, stem, data)
    except InputError as exc:
        yield ReadError(path, str(exc))


def _from_jsonl_or_text(path: str, stem: str, data: bytes) -> Iterator[RawDocument | ReadError]:
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        yield from _read_jsonl(path, stem, data)
    else:
        try:
            yield _read_text(path, stem, data)
        except InputError as exc:
            yield ReadError(path, str(exc))


def _check_text(text: str) -> None:
    if not text.strip():
        raise InputError("empty file (no text)" if not text else "only whitespace, no text")


def _read_text(path: str, stem: str, data: bytes) -> RawDocument:
    if not data:
        raise InputError("empty file (0 bytes)")
    text, enc = decode_bytes(data)
    _check_text(text)
    return RawDocument(id=stem, text=text, path=path, encoding=enc)


def _read_html(path: str, stem: str, data: bytes) -> RawDocument:
    if not data:
        raise InputError("empty file (0 bytes)")
    html, enc = decode_bytes(data)
    page = read_html(html)
    for warning in page.warnings:
        logger.warning("%s: %s", path, warning)
    return RawDocument(id=stem, text=page.text, path=path, encoding=enc, url=page.url,
                       found=page.found, warnings=page.warnings)


#: JSONL fields besides ``text``: each is null or of its type, or the line is skipped.
_STRING_FIELDS = ("url", "title", "outlet", "published", "language", "dateline")
_GIVEN_FIELDS = ("title", "outlet", "published", "authors", "language", "dateline")


def _json_lines(content: str) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` split on ``\\n`` only, as JSON Lines are (not on U+2028)."""
    for lineno, line in enumerate(content.split("\n"), 1):
        line = line.removesuffix("\r")
        if line.strip():
            yield lineno, line


def _type_name(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}
    names |= {list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _field_problem(obj: dict) -> str | None:
    """Why the fields of a JSONL article cannot be used, or None."""
    text = obj.get("text")
    if not isinstance(text, str):
        if text is None:
            return "no 'text' field with article text"
        return f"field 'text' is {_type_name(text)}, not a string"
    if not text.strip():
        return "field 'text' holds no text"
    given_id = obj.get("id")
    if isinstance(given_id, bool) or not isinstance(given_id, (str, int, type(None))):
        return f"field 'id' is {_type_name(given_id)}, not a string or an integer"
    for key in _STRING_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            return f"field {key!r} is {_type_name(value)}, not a string"
    authors = obj.get("authors")
    if not isinstance(authors, (str, type(None))) and (
        not isinstance(authors, list) or not all(isinstance(a, str) for a in authors)
    ):
        return "field 'authors' must be a string or a list of strings"
    return None


def _surrogate_note(*values: object) -> list[str]:
    n = sum(len(SURROGATES.findall(v)) for v in _strings(values))
    if not n:
        return []
    return [f"{n} lone surrogate code point(s) replaced by U+FFFD (offsets unchanged)"]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)


def _read_jsonl(path: str, stem: str, data: bytes) -> Iterator[RawDocument | ReadError]:
    if not data.strip():
        yield ReadError(path, "empty file (no JSON lines)")
        return
    try:
        content, enc = decode_bytes(data)
    except InputError as exc:
        yield ReadError(path, str(exc))
        return
    stripped = content.strip()
    whole: object = None
    if stripped.startswith("["):
        try:
            whole = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield ReadError(path, f"invalid JSON ({exc.msg} at line {exc.lineno})")
            return
        except RecursionError:
            yield ReadError(path, "invalid JSON (nested too deeply)")
            return
    elif stripped.startswith("{") and "\n" in stripped:
        try:  # one pretty-printed object rather than JSON lines
            whole = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError):
            whole = None
    if isinstance(whole, list):
        numbered = [(i + 1, item) for i, item in enumerate(whole)]
    elif isinstance(whole, dict):
        numbered = [(1, whole)]
    else:
        numbered = []
        for lineno, line in _json_lines(content):
            try:
                numbered.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:
                yield ReadError(f"{path}:{lineno}", f"invalid JSON ({exc.msg}); line skipped")
            except RecursionError:
                reason = "invalid JSON (nested too deeply); line skipped"
                yield ReadError(f"{path}:{lineno}", reason)
    for lineno, obj in numbered:
        where = f"{path}:{lineno}"
        if not isinstance(obj, dict):
            yield ReadError(where, "not a JSON object; line skipped")
            continue
        problem = _field_problem(obj)
        if problem is not None:
            yield ReadError(where, f"{problem}; line skipped")
            continue
        given_id = obj.get("id")
        doc_id = safe_id(str(given_id)) if given_id not in (None, "") else f"{stem}-{lineno}"
        given = {k: obj[k] for k in _GIVEN_FIELDS if obj.get(k) not in (None, "", [])}
        if isinstance(given.get("authors"), str):
            given["authors"] = [given["authors"]]
        url = (obj.get("url") or "").strip() or None
        notes = _surrogate_note(obj["text"], given, url)
        yield RawDocument(
            id=doc_id,
            text=replace_surrogates(obj["text"]),
            path=where,
            encoding=enc,
            url=replace_surrogates(url) if url else None,
            given=scrub(given),
            problems=notes,
        )
