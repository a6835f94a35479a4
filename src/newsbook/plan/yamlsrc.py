"""YAML with line numbers, so a bad curation file is reported as ``FILE:LINE``.

PyYAML's composer keeps a start mark on every node; we convert the node tree to
plain Python ourselves and remember the line of every path (mapping key or list
index). Validation errors from pydantic carry such a path (``loc``), which
:func:`Located.line_of` turns back into the line a person has to fix.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


class YamlSyntaxError(ValueError):
    """The file is not YAML; ``line`` is where the parser gave up."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


@dataclass
class Located:
    """Plain data plus ``{path: line}`` for every node in it."""

    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, loc: tuple) -> int:
        """Line of the deepest node on ``loc`` that exists (a missing key points at
        its parent mapping)."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


#: libyaml's parser when PyYAML has it (ten times faster); marks and nodes are the same
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _convert(node: yaml.Node, path: tuple, lines: dict[tuple, int], loader) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = {}
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise YamlSyntaxError(f"mapping key {key!r} is not a plain value",
                                      key_node.start_mark.line + 1)
            out[key] = _convert(value_node, path + (key,), lines, loader)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(v, path + (i,), lines, loader) for i, v in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def parse(text: str) -> Located:
    """Parse one YAML document (empty text gives ``None``)."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, {(): 1})
        lines: dict[tuple, int] = {}
        data = _convert(node, (), lines, loader)
        return Located(data, lines)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(f"not valid YAML: {exc.problem or exc}", line) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"not valid YAML: {exc}", 1) from None
    finally:
        loader.dispose()


def load(path: Path) -> Located | None:
    """The file parsed with lines, or None when it does not exist."""
    if not path.is_file():
        return None
    return parse(path.read_text(encoding="utf-8"))
