"""A headline the extractor wrote on a paragraph's closed last line, after a gap: apart.

PDFium writes what lies on one baseline as one line, a space at the gap: a column's
short closed last line and a headline set beside it in the next column (`谢。 迎新年为
盲童献爱心`, `区将有小雪。 欢欢喜喜迎接虎年`, `常好的事情。” 残疾农民石风科千里` over its
stub `送爱心`), or beside a caption's closing credit (`（新华社记者刘向刚摄） 腊梅傲雪`, a
picture story's title over its caption), or beside a story's closing note, on a line of
its own or after a stop (`（李志勇） 科技富农家`, `（本报开罗电） 农家剧团义演`,
`…集中。（文一） 冰雕童话世界`: a note ends its story as a stop ends a paragraph; a
bracket inside a sentence, `徐虎（前排左） 在…`, follows no stop and opens no line).
`joined.split_gaps` leaves a gap after a full stop alone: pasted text runs its
paragraphs on after `。 ` (the sample page, `tests/pagegen.py`), and there the run after
the gap is the next sentence of the same paragraph (`治任务。 希望各级防`).

The two read the same line by line; what tells them apart is what the rest of the page
makes of the run after the gap once it stands on a line of its own: the head marking
(`heads.mark_heads`, with every width and line-end test it holds) takes it as a
headline line, or as the first line of a paragraph. So the page is marked with every
such line cut at its gap, and marked again with only the cuts whose run became a
headline line, until every cut's run is one; a cut it takes as text is never made, and
the paragraph stays whole.
Not on a page that spaces its clause marks (`， `, `、 ` inside a line: 137 of the 138
pagegen and pagegen2 pages 0-599 that hold a stop, a space and such a run; none of the
read whole-article pages whose headline stands so): there the writer spaces after a
stop as after a comma, and the run is the paragraph's next sentence. Only pages holding
such a line (a stop, a space, a run of ideographs with no clause mark to the line's
end) pay for the second marking.
"""

from __future__ import annotations

import re

from reader.parse import wrapmodel
from reader.parse.furniture import take_header
from reader.parse.heads import mark_heads
from reader.parse.joined import SPACED_STOPS
from reader.parse.lines import Line, make_lines

# A space after a clause mark inside a line, or after a stop in running text (`joined.
# SPACED_STOPS`): the page's writer spaces its marks (pasted text, `tests/pagegen.py`), and
# a space after a stop is no gap between two blocks there.
_SPACED = re.compile(r"[，、；：] +\S")
# A closed sentence, a credit or a closing note (alone on its line or after a stop), the
# extractor's space, a run with no clause mark to the line's end that opens as a headline
# does (an ideograph, a quote or a title mark).
_STOP_GAP = re.compile(
    r"^(\s*(?:\S.*?(?:[。！？][”’）]?|摄）|[。！？]（[^（）\s]{1,16}）)|（[^（）\s]{1,16}）))"
    r" +([\u4e00-\u9fff“《][^\s，。；：、！？]{2,})$"
)


def marked_lines(raw: list[str], digits: bool = True) -> tuple[list[Line], str | None, bool]:
    """The page's lines with their headline lines marked, its header, whether it wraps.

    `lines.make_lines`, `furniture.take_header` and `heads.mark_heads` in turn, with a
    headline written after a closed line's gap cut apart (the module's note).
    """
    # The page-wide tests first, each one search of the page's lines joined (no line
    # holds a line break): a page that spaces its marks, or holds no stop and space, is
    # marked as it stands whatever its lines hold.
    joined = "\n".join(raw)
    if (
        not ("。 " in joined or "” " in joined or "） " in joined)
        or _SPACED.search(joined)
        or SPACED_STOPS.search(joined)
    ):
        return _marked(raw, digits)  # (the page spaces its marks: a space is the writer's)
    cuts = [k for k, line in enumerate(raw) if "。 " in line or "” " in line or "） " in line]
    found = {
        k: match
        for k in cuts
        if (match := _STOP_GAP.match(raw[k].rstrip())) and _may_end(match[2], raw[k + 1 : k + 2])
    }
    if not found:
        return _marked(raw, digits)
    cut = set(found)
    while True:  # (once on most pages: again only where a cut's run lost its head)
        out: list[str] = []
        runs: dict[int, str] = {}  # raw line -> its run after the gap (the very string object)
        for k, line in enumerate(raw):
            if k in cut:
                left, run = found[k].groups()
                out += [left, run]
                runs[k] = run
            else:
                out.append(line)
        lines, header, wrapping = _marked(out, digits)
        heads = {id(line.raw) for line in lines if line.head}
        kept = {k for k, run in runs.items() if id(run) in heads}
        if kept == cut:
            return lines, header, wrapping
        cut = kept


def _may_end(run: str, after: list[str]) -> bool:
    """The run may end a headline line: it ends on no character headlines rarely end on,
    and the break into the line after it cuts no word the corpus holds together (the
    run of a justified line goes on below: `日程，狠抓落实。 国家经贸` / `委、国家民委…`)."""
    below = after[0].strip() if after else ""
    return not wrapmodel.open_end(run) and not (below and wrapmodel.broken_word(run, below))


def _marked(raw: list[str], digits: bool) -> tuple[list[Line], str | None, bool]:
    lines = make_lines(raw, digits)
    header = take_header(lines)
    return lines, header, mark_heads(lines)
