"""Connected components of a graph on ``0 .. n-1`` (union-find): which documents are
versions of one article, which name mentions are one name."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["connected_components"]


def connected_components(n: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Every component of the graph with nodes ``0 .. n-1`` and ``edges``, singletons
    included: each one's nodes in increasing order, the components by their smallest node.

    Example:
        >>> connected_components(6, [(4, 1), (2, 0), (1, 5)])
        [[0, 2], [1, 4, 5], [3]]
    """
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the root is always the smallest node
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())
