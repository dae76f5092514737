"""A library on a server: one index for every user, read in place, behind but not broken.

In-process tests pretend the library is not writable (`store._writable`); the
real-process ones make it so: a read-only bind mount where the test runs as
root and may mount, and a user who may not write it (`setpriv` to nobody),
each skipped where this machine cannot.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from corpuslib import CORPUS, corpus_lines, make_library, write_page

from reader.library import Library
from reader.locations import cache_dir, library_key
from reader.search import engine, journal, shared, store

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared/corpus is not beside the repo")

MARK = "甲乙丙丁戊"  # never in the corpus
NEW_MARK = "庚辛壬癸"
QUERIES = ["经济", "香港", MARK, NEW_MARK, "人民 改革", '"经济发展"']
NOBODY = 65534


def age(root: Path, seconds: float = 30.0) -> None:
    """Move the time of folders changed just now back, as if that were `seconds` ago.

    Folders changed within the last 2 s are not trusted (a coarse clock), and a
    test should not sleep that out.
    """
    now = time.time()
    for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        if ".reader" not in folder.parts and folder.stat().st_mtime > now - 3:
            os.utime(folder, (now - seconds, now - seconds))


def build(root: Path) -> None:
    make_library(root, corpus_lines(1600), per_page=25)  # 64 pages, 8 issues
    write_page(root / "rmrb" / "1998-01-02" / "09.txt", [f"这一版登出了{MARK}的消息。"])
    age(root)


def reader(*args: str) -> list[str]:
    return [sys.executable, "-m", "reader", *args]


@pytest.fixture
def server() -> Iterator[Path]:
    """An indexed library in a folder any user can reach (not the tests' private temp dir)."""
    top = Path(tempfile.mkdtemp(prefix="reader-server-", dir="/tmp"))
    os.chmod(top, 0o755)
    root = top / "papers"
    build(root)
    done = subprocess.run(reader("--library", str(root), "index"), capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    try:
        yield root
    finally:
        shutil.rmtree(top, ignore_errors=True)


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    root = tmp_path / "lib"
    build(root)
    engine.update(Library(root))
    return Library(root)


def hits_of(found: list[engine.Hit]) -> dict[str, tuple[object, ...]]:
    return {h.id: (h.spans, h.snippet, h.snippet_spans, h.headline, h.paper_name) for h in found}


NEW_MARK_PAGES = {"rmrb/1998-01-03/02", "rmrb/1998-03-01/02"}


def pages(found: list[engine.Hit]) -> set[str]:
    return {h.id.rsplit("/", 1)[0] for h in found}


def add_issue(root: Path) -> None:
    """A new issue after the build: two pages, one with a new mark in a headline."""
    folder = root / "rmrb" / "1998-03-01"
    folder.mkdir()
    (folder / "issue.toml").write_text("date = 1998-03-01\n", encoding="utf-8")
    write_page(folder / "01.txt", corpus_lines(1700)[1600:1650])
    (folder / "02.txt").write_text(
        f"{NEW_MARK}在香港\n\n 本报讯 {NEW_MARK}的经济发展很快，香港也是。\n", encoding="utf-8"
    )


def change_library(root: Path) -> None:
    """An issue added, a page replaced (renamed into place), an issue removed; times settled."""
    add_issue(root)
    page = root / "rmrb" / "1998-01-03" / "02.txt"
    new = page.with_name("02.txt.new")
    write_page(new, ["香港的经济在改革。", f"{NEW_MARK}也在这里。"])
    new.replace(page)
    shutil.rmtree(root / "rmrb" / "1998-01-05")
    age(root)


def test_a_fresh_shared_index_is_searched_in_place(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {q: hits_of(engine.search(lib, q, limit=None)) for q in QUERIES}
    monkeypatch.setattr(store, "_writable", lambda folder: False)
    assert store.shared_path(lib) == lib.root / ".reader" / "index.sqlite"
    notes: list[str] = []
    for query in QUERIES:
        assert hits_of(engine.search(lib, query, limit=None, note=notes.append)) == before[query]
    assert notes == []
    assert not (cache_dir() / "index").exists()


def test_behind_the_pages_the_changed_issues_are_read_directly(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "_writable", lambda folder: False)
    change_library(lib.root)
    twin = tmp_path / "twin"  # the same pages, indexed afresh: what the answers must be
    shutil.copytree(lib.root, twin, ignore=shutil.ignore_patterns(".reader"))
    notes: list[str] = []
    for query in QUERIES:
        found = engine.search(lib, query, limit=None, note=notes.append)
        assert hits_of(found) == hits_of(engine.search(Library(twin), query, limit=None)), query
        assert not any(h.issue == "1998-01-05" for h in found)
    assert pages(engine.search(lib, NEW_MARK, limit=None)) == NEW_MARK_PAGES
    # Said once, however many searches: that it is behind and what brings it up to date.
    assert len(notes) == 1 and "behind" in notes[0] and "`reader index`" in notes[0], notes
    assert "(2 issue folders changed, 1 removed since it was built)" in notes[0]
    assert not (cache_dir() / "index" / library_key(lib.root)).exists()  # no private copy


def test_behind_with_a_limit_and_filters(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "_writable", lambda folder: False)
    change_library(lib.root)
    everything = engine.search(lib, "香港", limit=None)
    top = engine.search(lib, "香港", limit=5)
    assert [h.id for h in top] == [h.id for h in everything[:5]]
    # The new issue's headline hit ranks among the index's by literal weight: first here.
    assert engine.search(lib, NEW_MARK, limit=1)[0].id == "rmrb/1998-03-01/02/1"
    one = engine.search(lib, "香港", issue="1998-03-01", limit=None)
    assert one and {h.issue for h in one} == {"1998-03-01"}
    assert {h.page for h in engine.search(lib, "香港", page=2, limit=None)} == {2}
    late = engine.search(lib, "香港", since=date(1998, 3, 1), limit=None)
    assert {h.issue for h in late} == {"1998-03-01"}
    assert not engine.search(lib, "香港", until=date(1998, 1, 1), paper="rmrb", issue="1998-03-01")
    assert not engine.search(lib, "香港", paper="nosuch", limit=None)
    assert all(h.spans for h in one) and all(h.score == 0.0 for h in one)


def test_merge_keeps_the_index_order_and_places_direct_hits_by_weight() -> None:
    merged = shared.merge_hits([5, 9, 3, 1], [7, 2], float, None)
    assert merged == [7, 5, 9, 3, 2, 1]
    assert shared.merge_hits([5, 9], [7, 2], float, 2) == [7, 5]
    assert shared.merge_hits([], [3], float, None) == [3]


def test_far_behind_a_private_copy_serves_and_says_so(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "_writable", lambda folder: False)
    monkeypatch.setattr(shared, "MAX_FOLDERS", 1)
    change_library(lib.root)
    notes: list[str] = []
    found = engine.search(lib, NEW_MARK, limit=None, note=notes.append)
    assert pages(found) == NEW_MARK_PAGES
    assert (cache_dir() / "index" / library_key(lib.root) / store.NAME).is_file()
    assert len(notes) == 1 and "behind by 2 issue folders" in notes[0]
    assert "private copy" in notes[0]


def test_an_index_of_another_version_is_not_searched_in_place(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = lib.root / ".reader" / "index.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE meta SET value='1' WHERE key='schema'")
    monkeypatch.setattr(store, "_writable", lambda folder: False)
    notes: list[str] = []
    assert engine.search(lib, MARK, note=notes.append)
    assert notes and "another version" in notes[0] and "private copy" in notes[0]
    assert (cache_dir() / "index" / library_key(lib.root) / store.NAME).is_file()


def test_reader_index_by_a_user_who_cannot_write_builds_no_copy(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "_writable", lambda folder: False)
    stats = engine.update(lib)
    assert stats.fresh and stats.path == lib.root / ".reader" / "index.sqlite"
    add_issue(lib.root)
    age(lib.root)
    stats = engine.update(lib)
    assert not stats.fresh and "owner" in stats.notes[0]
    assert not (cache_dir() / "index").exists()


def test_an_update_leaves_no_wal_and_a_read_only_open_writes_nothing(lib: Library) -> None:
    path = lib.root / ".reader" / "index.sqlite"
    assert path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: no -shm needed
    assert sorted(p.name for p in path.parent.iterdir()) == ["index.sqlite"]
    conn = journal.open_read(path)
    assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] > 0
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM meta")
    conn.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["index.sqlite"]


# Real processes: a library this user may not write.


@contextlib.contextmanager
def read_only_mount(root: Path) -> Iterator[Path]:
    """`root` bind-mounted read-only beside it; skips where mounting is not permitted."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a bind mount needs root")
    view = root.with_name(root.name + "-ro")
    view.mkdir()
    done = subprocess.run(["mount", "--bind", str(root), str(view)], capture_output=True)
    if done.returncode:
        view.rmdir()
        pytest.skip(f"mount --bind not permitted: {done.stderr.decode().strip()}")
    try:
        done = subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], capture_output=True)
        if done.returncode:
            pytest.skip(f"read-only remount not permitted: {done.stderr.decode().strip()}")
        yield view
    finally:
        subprocess.run(["umount", str(view)], check=False)
        view.rmdir()


def as_nobody(command: list[str], env: dict[str, str]) -> list[str]:
    """`command` run as the user nobody (env passed through `env`, setpriv execs directly)."""
    pairs = [f"{k}={v}" for k, v in env.items()]
    setpriv = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return ["env", "-i", *pairs, *setpriv, *command]


def user_dirs(top: Path, name: str) -> dict[str, str]:
    """A user's own config, state and cache dirs (writable by nobody too)."""
    home = top / name
    for sub in ("cache", "data", "config", "etc"):
        (home / sub).mkdir(parents=True)
    for folder in [home, *home.iterdir()]:
        os.chmod(folder, 0o777)
    return {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "READER_CACHE_DIR": str(home / "cache"),
        "READER_DATA_DIR": str(home / "data"),
        "READER_CONFIG": str(home / "config" / "config.toml"),
        "XDG_CONFIG_DIRS": str(home / "etc"),
    }


def nobody_can_run_reader(env: dict[str, str]) -> bool:
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        return False
    probe = "import reader, sys; print(reader.__file__)"
    done = subprocess.run(
        as_nobody([sys.executable, "-c", probe], env), capture_output=True, text=True, cwd="/"
    )
    here = Path(engine.__file__).resolve().parents[1]
    return done.returncode == 0 and Path(done.stdout.strip()).resolve().parent == here


def run_search(
    prefix: list[str], library: Path, query: str, env: dict[str, str]
) -> tuple[int, dict[str, object], str]:
    done = subprocess.run(
        [*prefix, "--library", str(library), "search", query, "--json", "--limit", "0"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd="/",
    )
    found: dict[str, object] = {}
    for line in done.stdout.splitlines():
        hit = json.loads(line)
        found[hit["id"]] = (hit["spans"], hit["snippet"], hit["snippet_spans"])
    return done.returncode, found, done.stderr


def private_indexes(env: dict[str, str]) -> list[Path]:
    """Files of a private index copy (the cache dir's `index/`; `pages/` holds the pages
    the reader showed, parsed: reader/tui/pagecache.py)."""
    return [p for p in (Path(env["READER_CACHE_DIR"]) / "index").rglob("*") if p.is_file()]


@pytest.mark.parametrize("how", ["mount", "nobody"])
def test_users_search_the_owners_index_in_place(server: Path, how: str) -> None:
    env = user_dirs(server.parent, "user")
    owner = [(q, run_search(reader(), server, q, {**os.environ})) for q in QUERIES]
    with contextlib.ExitStack() as stack:
        if how == "mount":
            library, prefix = stack.enter_context(read_only_mount(server)), reader()
        else:
            if not nobody_can_run_reader(env):
                pytest.skip("cannot run reader as nobody here")
            library, prefix = server, as_nobody(reader(), env)
        for query, (code, found, _) in owner:
            mine = run_search(prefix, library, query, env)
            assert mine[:2] == (code, found), (query, mine[2])
            assert mine[2] == "", mine[2]
        assert private_indexes(env) == []
        # A page added after the build (by the owner) is found, with no private index.
        add_issue(server)
        age(server)
        code, found, err = run_search(prefix, library, NEW_MARK, env)
        assert code == 0 and "rmrb/1998-03-01/02/1" in found, err
        assert err.count("behind") == 1 and "`reader index`" in err, err
        code, found, err = run_search(prefix, library, "香港", env)
        assert code == 0 and any(key.startswith("rmrb/1998-03-01/") for key in found), err
        done = subprocess.run(
            [*prefix, "--library", str(library), "index"], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0 and "owner" in done.stderr, done.stderr
        assert private_indexes(env) == []
    # Once the owner brings it up to date, nothing more is said.
    subprocess.run(reader("--library", str(server), "index"), check=True, capture_output=True)
    with contextlib.ExitStack() as stack:
        if how == "mount":
            library = stack.enter_context(read_only_mount(server))
        code, found, err = run_search(prefix, library, NEW_MARK, env)
        assert (code, err) == (0, "") and "rmrb/1998-03-01/02/1" in found


def test_the_system_config_names_the_shared_library_and_the_users_overrides(
    server: Path, tmp_path: Path
) -> None:
    env = user_dirs(server.parent, "user")
    other = server.parent / "mine"
    make_library(other, corpus_lines(100), per_page=25)
    system = Path(env["XDG_CONFIG_DIRS"]) / "reader" / "config.toml"
    system.parent.mkdir()
    system.write_text(f'library = "{server}"\n', encoding="utf-8")
    with read_only_mount(server) as view:
        system.write_text(f'library = "{view}"\n', encoding="utf-8")
        command = [*reader(), "search", MARK]
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
        assert done.returncode == 0 and "1998-01-02/09/1" in done.stdout, done.stderr
        assert private_indexes(env) == []
        Path(env["READER_CONFIG"]).write_text(f'library = "{other}"\n', encoding="utf-8")
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
        assert done.returncode == 1, done.stderr  # the user's library has no such page


def test_many_readers_while_an_issue_is_imported(server: Path) -> None:
    """20 one-shot searches and 5 reader TUIs on a read-only view while the owner imports.

    Every search answers (exit 0 or 1, nothing else on stderr than the one
    note), from a committed state: the hits of before or of after the import,
    never a mix. The TUIs search, stay within the memory budget, and keep
    their state in their own dirs: the library gains only the imported pages.
    """
    query = "香港"
    page = server.parent / "import" / "01.txt"
    page.parent.mkdir()
    page.write_text(
        f"{NEW_MARK}到了香港\n\n 本报讯 {NEW_MARK}今天到了香港，香港很热闹。\n" * 5,
        encoding="utf-8",
    )
    files_before = {p for p in server.rglob("*") if ".reader" not in p.parts}
    with read_only_mount(server) as view:
        users = [user_dirs(server.parent, f"user{n}") for n in range(25)]
        before = run_search(reader(), view, query, users[0])
        assert before[0] == 0 and before[2] == ""
        importer = subprocess.Popen(
            reader(
                "--library",
                str(server),
                "import",
                str(page),
                "--paper",
                "rmrb",
                "--issue",
                "1998-03-01",
            ),
            stderr=subprocess.PIPE,
            text=True,
        )
        searches = [
            subprocess.Popen(
                [*reader(), "--library", str(view), "search", query, "--json", "--limit", "0"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                cwd="/",
            )
            for env in users[:20]
        ]
        script = Path(__file__).with_name("shared_tui.py")
        tuis = [
            subprocess.Popen(
                [sys.executable, str(script), str(view), query],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env={**env, "PYTHONPATH": str(script.parent)},
                cwd="/",
            )
            for env in users[20:]
        ]
        answers = [(*p.communicate(timeout=600), p.returncode) for p in searches]
        screens = [(*p.communicate(timeout=600), p.returncode) for p in tuis]
        _, import_err = importer.communicate(timeout=600)
        assert importer.returncode == 0, import_err
        after = run_search(reader(), view, query, users[0])
        assert after[0] == 0 and set(after[1]) > set(before[1])
        states = [set(before[1]), set(after[1])]
        for out, err, code in answers:
            assert code in (0, 1) and "Traceback" not in err, err
            assert all(line.startswith("reader: the index") for line in err.splitlines()), err
            assert {json.loads(line)["id"] for line in out.splitlines()} in states
        for out, err, code in screens:
            assert code == 0, err
            result = json.loads(out)
            assert result["searched"] and result["error"] is None, result
            assert result["rss_mb"] < 120, result  # DESIGN section 8: under 120 MB resident
        for env in users:
            assert private_indexes(env) == []
    files_after = {p for p in server.rglob("*") if ".reader" not in p.parts}
    added = {p.relative_to(server).as_posix() for p in files_after - files_before}
    assert files_before <= files_after
    assert all(name.startswith("rmrb/") for name in added), added
    # The owner's `reader index` stamps the file it checked (`custody`); readers write nothing.
    left = {p.name for p in (server / ".reader").iterdir()} - {"index.sqlite.custody"}
    assert sorted(left) in (["index.sqlite"], ["import.lock", "index.sqlite"])
