"""Settings from the system's config dirs and the user's, through the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.config import Config, load_config


def reader(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        cwd=cwd,
        timeout=120,
    )


def system_config(text: str) -> Path:
    path = Path(os.environ["XDG_CONFIG_DIRS"]) / "reader" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def user_config(text: str) -> Path:
    path = Path(os.environ["READER_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_system_library_is_used_when_nothing_else_names_one(
    library: Path, tmp_path: Path
) -> None:
    system_config(f'library = "{library}"\n')
    done = reader("list", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert '"xuhui"' in done.stdout
    assert str(library) in done.stdout or "sample" in done.stdout


def test_the_users_settings_override_the_systems(library: Path, tmp_path: Path) -> None:
    system_config(f'library = "{tmp_path / "nowhere"}"\ntheme = "light"\n[keys]\nnext = "n"\n')
    user_config(f'library = "{library}"\n[keys]\nprevious = "p"\n')
    config = load_config()
    assert config.library == str(library)
    assert config.theme == "light"
    assert dict(config.keys) == {"next": "n", "previous": "p"}
    assert reader("list", cwd=tmp_path).returncode == 0


def test_the_first_of_several_system_dirs_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, theme in ((first, "light"), (second, "dark")):
        (folder / "reader").mkdir(parents=True)
        (folder / "reader" / "config.toml").write_text(f'theme = "{theme}"\n', encoding="utf-8")
    env = {"XDG_CONFIG_DIRS": f"{first}{os.pathsep}{second}", "READER_CONFIG": str(tmp_path / "u")}
    assert load_config(env=env).theme == "light"


def test_unknown_keys_are_named_in_one_warning(library: Path, tmp_path: Path) -> None:
    user_config(f'library = "{library}"\ncolour = "blue"\nhighlite = ["数据"]\n')
    done = reader("list", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr.count("\n") == 1
    assert "unknown keys colour, highlite" in done.stderr


def test_a_bad_value_is_one_line_and_exit_2(tmp_path: Path) -> None:
    system_config('library = "/srv"\ntext_width = "wide"\n')
    done = reader("list", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "text_width" in done.stderr


def test_a_config_nested_past_the_decoders_depth_is_one_line_and_exit_2(tmp_path: Path) -> None:
    user_config("library = " + "[" * 100_000)  # tomllib recursed into a RecursionError
    done = reader("list", cwd=tmp_path)
    assert done.returncode == 2
    assert (
        done.stderr
        == f"reader: {os.environ['READER_CONFIG']}: nested deeper than a config file goes\n"
    )


def test_a_config_that_is_a_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    """The reader loads every config file; one naming a FIFO hung it before its screen."""
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-c", "from reader.config import load_config; load_config()"],
        capture_output=True,
        text=True,
        env={**os.environ, "READER_CONFIG": str(fifo)},
        timeout=60,
    )
    assert done.returncode == 1
    assert f"ReaderError: {fifo}: not a regular file (a pipe or a device)" in done.stderr


def test_a_library_that_is_a_file_is_called_a_file(tmp_path: Path) -> None:
    file = tmp_path / "papers.txt"
    file.write_text("x", encoding="utf-8")
    done = reader("--library", str(file), "list")
    assert done.returncode == 2
    assert done.stderr == f"reader: {file}: is a file, not a library folder\n"


def test_help_names_the_files_reader_reads() -> None:
    done = reader("--help")
    assert done.returncode == 0
    assert os.environ["READER_CONFIG"] in done.stdout
    assert str(Path(os.environ["XDG_CONFIG_DIRS"]) / "reader" / "config.toml") in done.stdout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('ui_language = "zh"\ntext_width = 36\n', Config(ui_language="zh", text_width=36)),
        ("", Config()),
    ],
)
def test_reading_settings(tmp_path: Path, text: str, expected: Config) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    assert load_config(path) == expected
