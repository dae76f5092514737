"""Where things live: the bundled sample, data, cache and config dirs, with overrides."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP = "reader"


def _env(env: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if env is None else env


def user_dir(kind: str) -> str:
    """The platform's per-user state, cache or config dir for reader.

    platformdirs is imported here, on first use: it costs start-up time that
    `reader search` does not have to spare.
    """
    import platformdirs

    getter = {
        "state": platformdirs.user_state_dir,
        "cache": platformdirs.user_cache_dir,
        "config": platformdirs.user_config_dir,
    }[kind]
    return getter(APP)


def bundled_sample() -> Path:
    """The sample library: inside the wheel, or `issues/` beside the source tree."""
    here = Path(__file__).resolve().parent
    packaged = here / "sample"
    return packaged if packaged.is_dir() else here.parent / "issues"


SAMPLE_MARK = ".reader-sample"
"""A file at a library's root that marks a sample shipped with reader (the repo's `issues/`)."""


def is_sample(root: Path) -> bool:
    """The bundled sample, or a copy of it that says so: reader never writes into one.

    The repository's own `issues/` is the sample as well as `./issues` in a
    checkout, so a reader run there must leave nothing among its files.
    """
    return (root / SAMPLE_MARK).is_file() or root.resolve() == bundled_sample().resolve()


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """Saved state (last position): `$READER_DATA_DIR` or the user state dir (XDG_STATE_HOME)."""
    override = _env(env).get("READER_DATA_DIR")
    return Path(override) if override else Path(user_dir("state"))


def cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """Derived data for read-only libraries: `$READER_CACHE_DIR` or the platform cache.

    When the platform cache cannot be made (a service account's `HOME=/nonexistent`,
    a read-only home), a private folder in the system's temporary dir: without it
    `reader search` and the reader's `/` could not search a library they cannot write.
    """
    override = _env(env).get("READER_CACHE_DIR")
    if override:
        return Path(override)
    platform = Path(user_dir("cache"))
    if _could_make(platform):
        return platform
    return _private_temp("cache") or platform


def _could_make(folder: Path) -> bool:
    """Whether `folder` is, or could be made, a folder this user writes (nothing is made)."""
    probe = folder
    while not os.path.lexists(probe):
        if probe.parent == probe:
            return False
        probe = probe.parent
    return probe.is_dir() and os.access(probe, os.W_OK | os.X_OK)


def _private_temp(kind: str) -> Path | None:
    """`reader-KIND-UID` in the temporary dir, this user's alone (0700), or None.

    A folder of that name made by another user first (or a link) is not used.
    """
    import stat
    import tempfile

    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"reader-{kind}-{uid}"
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        found = os.lstat(folder)
    except OSError:
        return None
    mine = not hasattr(os, "getuid") or found.st_uid == uid
    if stat.S_ISDIR(found.st_mode) and mine and not found.st_mode & 0o077:
        return folder
    return None


def config_file(env: Mapping[str, str] | None = None) -> Path:
    """The user's TOML config: `$READER_CONFIG` or `config.toml` in the user config dir."""
    override = _env(env).get("READER_CONFIG")
    if override:
        return Path(override)
    return Path(user_dir("config")) / "config.toml"


def system_config_files(env: Mapping[str, str] | None = None) -> list[Path]:
    """System-wide configs, lowest priority first: `reader/config.toml` in `$XDG_CONFIG_DIRS`.

    An administrator sets defaults once for every user (`/etc/xdg/reader/config.toml`);
    the first dir of `XDG_CONFIG_DIRS` is the most important, as the XDG spec says.
    """
    dirs = _env(env).get("XDG_CONFIG_DIRS") or "/etc/xdg"
    found = [Path(d) / APP / "config.toml" for d in dirs.split(os.pathsep) if d]
    return list(reversed(found))


def config_files(env: Mapping[str, str] | None = None) -> list[Path]:
    """Every config reader reads, lowest priority first: the system's, then the user's."""
    return [*system_config_files(env), config_file(env)]


def library_key(root: Path) -> str:
    """A short stable name for a library, for per-library files in shared dirs."""
    import hashlib

    resolved = str(root.resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"{root.resolve().name or 'root'}-{digest}"
