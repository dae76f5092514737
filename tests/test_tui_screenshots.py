"""Named scenes rendered to SVG and compared byte for byte with screenshots/*.svg.

`pytest --update-screenshots` rewrites them; they are also the README's pictures.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from tui_scenes import SCENES, SCREENSHOTS, Scene, app_for, settle


@pytest.mark.parametrize("scene", SCENES, ids=[scene.name for scene in SCENES])
async def test_scene(
    scene: Scene, library: Path, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if scene.needs_index and importlib.util.find_spec("reader.search.engine") is None:
        pytest.skip("needs the search index")
    app = app_for(
        library, scene.target, highlight=scene.highlight, search=scene.search, lang=scene.lang
    )
    async with app.run_test(size=scene.size) as pilot:
        await settle(app, pilot)
        for key in scene.keys:
            await pilot.press(key)
            await settle(app, pilot)
        svg = app.export_screenshot(title=f"reader: {scene.name}")
    path = SCREENSHOTS / f"{scene.name}.svg"
    if request.config.getoption("--update-screenshots"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(svg, encoding="utf-8")
        return
    assert path.exists(), f"no {path.name}: run pytest --update-screenshots"
    if svg != path.read_text(encoding="utf-8"):
        actual = tmp_path / path.name
        actual.write_text(svg, encoding="utf-8")
        pytest.fail(f"{path.name} changed: the new rendering is {actual}")
