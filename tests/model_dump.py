"""A compact, stable text dump of the model, used by the golden reader fixtures."""
from __future__ import annotations

from newsbook.model import Aside, Caption, Feed, Heading, ListBlock, Note, Paragraph, Piece, Turn


def dump_blocks(blocks, indent: str = "") -> list[str]:
    out = []
    for b in blocks:
        if isinstance(b, Heading):
            out.append(f"{indent}{b.line} heading{b.level} {b.text}")
        elif isinstance(b, Paragraph):
            out.append(f"{indent}{b.line} para {b.text}" + (f" marks={list(b.marks)}" if b.marks else ""))
        elif isinstance(b, ListBlock):
            out.append(f"{indent}{b.line} list ordered={b.ordered}")
            for i in b.items:
                out.append(f"{indent}  {i.line} item {i.number} {i.text}"
                           + (f" marks={list(i.marks)}" if i.marks else ""))
        elif isinstance(b, Caption):
            out.append(f"{indent}{b.line} caption {' | '.join(b.lines)}"
                       + (f" marks={list(b.marks)}" if b.marks else ""))
        elif isinstance(b, Note):
            out.append(f"{indent}{b.line} note {b.text}")
        elif isinstance(b, Turn):
            out.append(f"{indent}{b.line} turn {b.speaker}")
            out += dump_blocks(b.blocks, indent + "  ")
        elif isinstance(b, Aside):
            out.append(f"{indent}{b.line} aside {b.kind}")
            out += dump_blocks(b.blocks, indent + "  ")
        elif isinstance(b, Piece):
            out.append(f"{indent}{b.line} piece {b.title!r} by {b.byline!r}")
            out += dump_blocks(b.blocks, indent + "  ")
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
