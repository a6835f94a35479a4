"""A compact, stable text dump of the model, used by the golden reader fixtures."""
from __future__ import annotations

from newsbook.model import (Aside, Caption, Code, Feed, Heading, ListBlock, Note, Paragraph,
                            Piece, Quote, Table, Turn)


def dump_blocks(blocks, indent: str = "") -> list[str]:
    out = []
    for b in blocks:
        if isinstance(b, Heading):
            out.append(f"{indent}{b.line} heading{b.level} {b.text}")
        elif isinstance(b, Paragraph):
            out.append(f"{indent}{b.line} para {b.text}" + (f" marks={list(b.marks)}" if b.marks else "")
                       + (f" breaks={list(b.breaks)}" if b.breaks else ""))
        elif isinstance(b, ListBlock):
            out.append(f"{indent}{b.line} list ordered={b.ordered}")
            for i in b.items:
                out.append(f"{indent}  {i.line} item {i.number} {i.text}"
                           + (f" marks={list(i.marks)}" if i.marks else "")
                           + (f" depth={i.depth}" if i.depth else ""))
        elif isinstance(b, Caption):
            out.append(f"{indent}{b.line} caption {' | '.join(b.lines)}"
                       + (f" marks={list(b.marks)}" if b.marks else ""))
        elif isinstance(b, Note):
            out.append(f"{indent}{b.line} note {b.text}")
        elif isinstance(b, Turn):
            out.append(f"{indent}{b.line} turn {b.speaker}" + (f" at {b.stamp}" if b.stamp else ""))
            out += dump_blocks(b.blocks, indent + "  ")
        elif isinstance(b, Aside):
            out.append(f"{indent}{b.line} aside {b.kind}")
            out += dump_blocks(b.blocks, indent + "  ")
        elif isinstance(b, Table):
            out.append(f"{indent}{b.line} table")
            out += [f"{indent}  | " + " | ".join(row) for row in b.rows]
        elif isinstance(b, Code):  # (its lines as repr: indentation shows)
            out.append(f"{indent}{b.line} code {b.code!r}")
        elif isinstance(b, Piece):
            out.append(f"{indent}{b.line} piece {b.title!r} by {b.byline!r}")
            out += dump_blocks(b.blocks, indent + "  ")
        elif isinstance(b, Quote):
            out.append(f"{indent}{b.line} quote")
            out += dump_blocks(b.paragraphs, indent + "  ")
        else:  # pragma: no cover
            raise TypeError(type(b))
    return out


def dump_feed(feed: Feed, diagnostics=()) -> str:
    out = []
    for a in feed.articles:
        out.append(f"article {a.line} {a.title!r} {a.published.isoformat()} byline={a.byline!r}")
        out += dump_blocks(a.blocks, "  ")
        for f in a.footnotes:
            out.append(f"  footnote {f.number}")
            out += [f"    {p.line} {p.text}" for p in f.paragraphs]
    out += [f"diagnostic {d.line} {d.severity} {d.code.value}" for d in diagnostics]
    return "\n".join(out)


# ---------------------------------------------------------------- the way back

def _marks(text: str) -> tuple[str, tuple]:
    import ast
    import re
    m = re.match(r"^(.*) marks=(\[\(.*\)\])$", text)
    if not m:
        return text, ()
    return m.group(1), tuple(tuple(x) for x in ast.literal_eval(m.group(2)))


def _parse_blocks(lines: list[str], i: int, indent: str) -> tuple[list, int]:
    """Blocks written by :func:`dump_blocks` at ``indent``; returns (blocks, next index)."""
    import ast
    import re
    from newsbook.model import ListItem
    out = []
    while i < len(lines) and lines[i].startswith(indent) and not lines[i].startswith(indent + " "):
        line_no, kind, rest = (lines[i][len(indent):].split(" ", 2) + ["", ""])[:3]
        if not line_no.isdigit():
            break  # "footnote N": the article's blocks are done
        n = int(line_no)
        i += 1
        if kind.startswith("heading"):
            out.append(Heading(rest, n, int(kind[len("heading"):])))
        elif kind == "para":
            brk = re.search(r" breaks=(\[[\d, ]*\])$", rest)
            text, marks = _marks(rest[:brk.start()] if brk else rest)
            out.append(Paragraph(text, n, marks, (),
                                 tuple(ast.literal_eval(brk.group(1))) if brk else ()))
        elif kind == "list":
            items = []
            while i < len(lines) and lines[i].startswith(indent + "  ") \
                    and lines[i].split()[1] == "item":
                head, _, body = lines[i].strip().partition(" item ")
                number, _, text = body.partition(" ")
                depth = re.search(r" depth=(\d+)$", text)
                text = text[:depth.start()] if depth else text
                text, marks = _marks(text)
                items.append(ListItem(text, int(head), marks, number,
                                      depth=int(depth.group(1)) if depth else 0))
                i += 1
            out.append(ListBlock(rest == "ordered=True", tuple(items), n))
        elif kind == "caption":
            text, marks = _marks(rest)
            out.append(Caption(tuple(text.split(" | ")), n, marks))
        elif kind == "note":
            out.append(Note(rest, n))
        elif kind == "code":
            out.append(Code(ast.literal_eval(rest), n))
        elif kind in ("turn", "aside", "piece"):
            inner, i = _parse_blocks(lines, i, indent + "  ")
            if kind == "turn":
                out.append(Turn(rest, tuple(inner), n))
            elif kind == "aside":
                out.append(Aside(rest, tuple(inner), n))
            else:
                title, _, byline = rest.partition(" by ")
                out.append(Piece(ast.literal_eval(title), ast.literal_eval(byline),
                                 tuple(inner), n))
        else:
            raise ValueError(f"model dump line {i}: unknown block {kind!r}")
    return out, i


def parse_feed(text: str) -> Feed:
    """The model from a :func:`dump_feed` text (diagnostic lines are ignored), so writer
    goldens start from the model and never depend on the reader."""
    import ast
    import re
    from datetime import datetime
    from newsbook.model import Article, Footnote
    lines = [ln for ln in text.split("\n") if ln.strip() and not ln.startswith("diagnostic ")]
    articles, i = [], 0
    while i < len(lines):
        m = re.match(r"^article (\d+) ('.*'|\".*\") (\S+) byline=(.*)$", lines[i])
        if not m:
            raise ValueError(f"model dump line {i + 1}: expected 'article ...': {lines[i]!r}")
        blocks, i = _parse_blocks(lines, i + 1, "  ")
        notes = []
        while i < len(lines) and lines[i].startswith("  footnote "):
            number = int(lines[i].split()[1])
            i += 1
            paras = []
            while i < len(lines) and lines[i].startswith("    "):
                ln, _, body = lines[i].strip().partition(" ")
                paras.append(Paragraph(body, int(ln)))
                i += 1
            notes.append(Footnote(number, tuple(paras), paras[0].line - 2 if paras else 0))
        articles.append(Article(ast.literal_eval(m.group(2)), datetime.fromisoformat(m.group(3)),
                                tuple(blocks), tuple(notes), int(m.group(1)),
                                byline=ast.literal_eval(m.group(4))))
    return Feed(tuple(articles))
