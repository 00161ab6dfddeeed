"""Write files and whole output directories atomically.

A file is written to a temp file in its directory, fsynced, then ``os.replace``d. A build's
outputs change together or not at all: they are written into a new directory beside ``DIR``
(:func:`swap_in`) which then takes ``DIR``'s place in one step (``renameat2`` with
``RENAME_EXCHANGE`` on Linux; elsewhere two renames, so ``DIR`` is missing for an instant but
never mixed). Whatever else ``DIR`` holds (the record cache, files written by
``claimgraph export``) is carried over. :func:`output_lock` makes a second build into the same
directory refuse at once with a one-line message instead of interleaving with the first.

A build killed at any moment leaves the previous outputs whole; what it leaves behind
(``.DIR.build-*.tmp`` beside ``DIR``, ``.*.tmp`` files inside it) is removed by the next build
into ``DIR`` (:func:`remove_stale`), after moving back anything that is not a build output.

Limits: the lock is an advisory ``flock`` on ``.DIR.lock`` beside ``DIR`` (local file systems;
NFS locks depend on the server). Readers open files by path, so one that reads ``graph.json``
just before a swap and ``records.jsonl`` just after sees two builds; ``claimgraph.load`` checks
that the two agree.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..ingest.errors import ExportError

__all__ = [
    "atomic_open",
    "atomic_write_text",
    "atomic_write_bytes",
    "output_lock",
    "swap_in",
    "remove_stale",
    "prepare_dir",
]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w") -> Iterator[IO]:
    """Open a temp file beside ``path``; on success it replaces ``path``, on error it vanishes."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror})") from exc
    try:
        kwargs = {} if "b" in mode else {"encoding": "utf-8", "newline": "\n"}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ExportError(f"{target}: cannot write ({exc.strerror})") from exc
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    with atomic_open(path, "w") as fh:
        fh.write(text)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_open(path, "wb") as fh:
        fh.write(data)


# -- whole output directories ---------------------------------------------------------------
def _why(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def prepare_dir(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute and its parent created; one-line :class:`ExportError` otherwise.

    A symbolic link to a directory stands for its target (the target is what is replaced).
    """
    out = Path(os.path.realpath(path))
    cwd = Path.cwd().resolve()
    if out == cwd or out in cwd.parents or out.parent == out:
        raise ExportError(
            f"{path}: is the working directory or holds it; a build replaces its output "
            "directory whole, so give it a directory of its own"
        )
    if out.exists() and not out.is_dir():
        raise ExportError(f"{path}: exists and is not a directory")
    blocker = next((p for p in out.parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise ExportError(f"{path}: cannot create it, {blocker} is a file, not a directory")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{path}: cannot create its directory ({_why(exc)})") from exc
    if not os.access(out.parent, os.W_OK | os.X_OK):
        raise ExportError(f"{path}: cannot write in {out.parent} (permission denied or read-only)")
    return out


def _lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lock"


@contextlib.contextmanager
def output_lock(out_dir: str | os.PathLike[str]) -> Iterator[Path]:
    """Hold the exclusive build lock of ``out_dir``; yields the directory's real path.

    A second holder is refused at once (:class:`ExportError` naming the running build's pid):
    two builds into one directory would each see the other's half-written state.
    """
    import fcntl

    out = prepare_dir(out_dir)
    lock = _lock_path(out)
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise ExportError(f"{out_dir}: cannot create the lock {lock} ({_why(exc)})") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise ExportError(f"{out_dir}: cannot lock ({_why(exc)})") from exc
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise ExportError(
                f"{out_dir}: another build is writing there (pid {holder}); "
                "wait for it to finish or choose another --out"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        remove_stale(out)
        yield out
    finally:
        os.close(fd)  # releases the flock


def remove_stale(out: Path, *, outputs: Iterable[str] = ()) -> None:
    """Remove what killed builds left in and beside ``out`` (call with the lock held).

    Staging directories beside ``out`` give back every entry that is not a build output and
    that ``out`` lacks (the cache, a user's exports) before they are deleted.
    """
    produced = set(outputs) | _OUTPUT_NAMES
    for old in sorted(out.parent.glob(f".{out.name}.old-*.tmp")):
        if not out.exists() and (old / "out").is_dir():  # killed between the two renames
            with contextlib.suppress(OSError):
                os.replace(old / "out", out)
        _remove(old)
    for leftover in sorted(out.parent.glob(f".{out.name}.build-*.tmp")):
        if leftover.is_dir() and out.is_dir():
            for entry in leftover.iterdir():
                if entry.name not in produced and not (out / entry.name).exists():
                    with contextlib.suppress(OSError):
                        os.replace(entry, out / entry.name)
        _remove(leftover)
    if out.is_dir():
        for entry in out.iterdir():
            if entry.name.startswith(".") and entry.name.endswith(".tmp"):
                _remove(entry)
        cache = out / "cache"
        if cache.is_dir():
            for entry in cache.rglob(".*.tmp"):
                _remove(entry)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


#: Names a build writes into its directory; anything else found there is carried over.
_OUTPUT_NAMES = {
    "records.jsonl",
    "graph.json",
    "graph.trig",
    "graph.nq",
    "graph.ttl",
    "graph.jsonld",
    "graph.html",
    "store",
    "store.sha256",
    "report.json",
}


@contextlib.contextmanager
def swap_in(out: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a new, empty directory beside ``out``; on success it becomes ``out`` as a whole.

    Call with :func:`output_lock` held. Entries of the old ``out`` that the new one lacks and
    that are not build outputs are carried over first. On any error (or a signal turned into
    an exception) the new directory is removed and ``out`` is untouched.
    """
    target = Path(out)
    try:
        staging = Path(
            tempfile.mkdtemp(prefix=f".{target.name}.build-", suffix=".tmp", dir=target.parent)
        )
    except OSError as exc:
        raise ExportError(f"{target}: cannot write beside it ({_why(exc)})") from exc
    try:
        yield staging
        os.chmod(staging, 0o777 & ~_umask())
        if target.is_dir():
            for entry in target.iterdir():
                name = entry.name
                if name in _OUTPUT_NAMES or (name.startswith(".") and name.endswith(".tmp")):
                    continue
                if not (staging / name).exists():
                    os.replace(entry, staging / name)
            _exchange(staging, target)
        else:
            os.replace(staging, target)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({_why(exc)})") from exc
    finally:
        if staging.exists():
            remove_stale(target)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(new: Path, target: Path) -> None:
    """Put ``new`` at ``target`` and delete what was there; atomic where the OS allows."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is not None:
        a, b = os.fsencode(new), os.fsencode(target)
        if renameat2(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE) == 0:
            _remove(new)  # now the old directory
            return
        err = ctypes.get_errno()
        if err not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise OSError(err, os.strerror(err), str(target))
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", suffix=".tmp", dir=target.parent))
    os.replace(target, old / "out")
    os.replace(new, target)
    _remove(old)


def _libc():
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover - no C library to load
        return None
