"""Sphinx transform: block targets (``(p-...)=``) resolved in linear time.

Every block of a chapter carries a MyST target, so a chapter from a huge article (the
hostile corpus's 10 MB item: ~160,000 blocks in one section) has tens of thousands of
targets among the same siblings. Two standard transforms walk from each target to its
next sibling with ``findall(siblings=True)``, which costs ``parent.index(target)`` plus a
copy of the rest of the sibling list: quadratic in the section's length
(``sphinx.transforms.ReorderConsecutiveTargetAndIndexNodes``, priority 220, and
docutils' ``PropagateTargets``, 260). A 1 MB item spent ~17 s of a 43 s build there, a
10 MB item minutes.

This transform runs first (priority 205) and does what ``PropagateTargets`` would do for
the common case, one pass per parent: a lone block-level target followed by a sibling that
can carry ids (a paragraph, figure, list, container ...) hands its ids and names to that
sibling, ``document.ids`` points at the sibling, and the target (which renders as nothing
once its ids have moved) leaves the tree, so neither quadratic transform sees it. Runs
of several targets, targets before index or invisible nodes, and the last child of a
parent are left to the standard transforms, unchanged.

The HTML is the same as before with one improvement: a captioned (numbered) figure now
takes its ``p-...`` anchor as its own id, where Sphinx's numbering (priority 210) used to
give it ``id1``, ``id2`` ... and the anchor became an empty ``<span>`` inside it; the
figure's permalink is now the stable ``#p-...``.
"""
from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform


def _lone(node) -> bool:
    """A plain block-level target: no reference of its own, no children."""
    return (isinstance(node, nodes.target) and len(node) == 0
            and not any(node.hasattr(a) for a in ("refid", "refuri", "refname")))


def _carrier(node) -> bool:
    """A node that may take a target's ids (as ``PropagateTargets`` decides)."""
    return isinstance(node, nodes.Element) and not isinstance(
        node, (nodes.Invisible, nodes.Targetable, nodes.system_message, addnodes.index))


class HoistBlockTargets(SphinxTransform):
    default_priority = 205  # before ReorderConsecutiveTargetAndIndexNodes and PropagateTargets

    def apply(self, **kwargs) -> None:
        parents = {}
        for target in self.document.findall(nodes.target):
            parent = target.parent
            if parent is not None and not isinstance(parent, nodes.TextElement):
                parents[id(parent)] = parent
        for parent in parents.values():
            kids = parent.children
            drop = set()
            for i, node in enumerate(kids[:-1]):
                nxt = kids[i + 1]
                if not _lone(node) or (i and isinstance(kids[i - 1], (nodes.target,
                                                                      addnodes.index))):
                    continue
                if not _carrier(nxt) or isinstance(nxt, nodes.target):
                    continue
                self._move(node, nxt)
                drop.add(id(node))
            if drop:
                parent.children = [c for c in kids if id(c) not in drop]

    def _move(self, target: nodes.target, to: nodes.Element) -> None:
        to["ids"].extend(target["ids"])
        to["names"].extend(target["names"])
        by_name = to.__dict__.setdefault("expect_referenced_by_name", {})
        by_id = to.__dict__.setdefault("expect_referenced_by_id", {})
        for i in target["ids"]:
            self.document.ids[i] = to
            by_id[i] = target
        for name in target["names"]:
            by_name[name] = target
        by_name.update(getattr(target, "expect_referenced_by_name", {}))
        by_id.update(getattr(target, "expect_referenced_by_id", {}))
        target.parent = None


def setup(app):
    app.add_transform(HoistBlockTargets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
