"""A reader TUI run headless, as `reader read --search Q` builds it, for tests/test_shared.py.

Usage: python tests/shared_tui.py LIBRARY QUERY. Prints one JSON line: the
search's hit count and error, and the process's peak resident memory in MB.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
from pathlib import Path

from reader.library import Library
from reader.tui import issue_search as searching
from reader.tui.launch import build_app


def peak_rss_mb() -> float:
    """This program's peak resident memory: VmHWM, which starts afresh at exec.

    Not `ru_maxrss`: Linux carries that over from the process that forked this
    one (a pytest run grown to 340 MB showed here as a 342 MB reader).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def main(root: str, query: str) -> dict[str, object]:
    results: list[searching.SearchResult] = []
    run = searching.run_search

    def spy(*args: object, **kwargs: object) -> searching.SearchResult:
        result = run(*args, **kwargs)  # type: ignore[arg-type]
        results.append(result)
        return result

    searching.run_search = spy
    app = build_app(Library(Path(root)), search=query)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(600):
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if results and not any(worker.is_running for worker in app.workers):
                break
    rss = peak_rss_mb()
    found = results[-1] if results else None
    return {
        "searched": found is not None,
        "hits": len(found.hits) if found else 0,
        "error": found.error if found else None,
        "rss_mb": round(rss, 1),
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], sys.argv[2]))))
