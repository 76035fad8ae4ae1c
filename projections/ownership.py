"""Each view keeps to tables of its own, so it can be behind, stuck or rebuilt on its own."""

from __future__ import annotations

from collections.abc import Sequence

from projections.view import View, view_name


class TablesShared(ValueError):
    """Views that do not each declare tables of their own."""


def check_own_tables(views: Sequence[View]) -> None:
    """Every view declares tables; no table is declared by two views; a view reads ahead
    only tables it declares."""
    owners: dict[str, str] = {}
    for view in views:
        name = view_name(view)
        if not view.tables:
            raise TablesShared(f"View {name} declares no tables.")
        for table in view.tables:
            owner = owners.setdefault(table.name, name)
            if owner != name:
                raise TablesShared(f"Views {owner} and {name} both declare {table.name}.")
        foreign = set(getattr(view, "read_ahead", ())) - set(view.tables)
        if foreign:
            names = ", ".join(sorted(t.name for t in foreign))
            raise TablesShared(f"View {name} reads ahead tables it does not declare: {names}.")
