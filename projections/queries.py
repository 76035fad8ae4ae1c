"""Every read the API, the scheduler and the web page make, never from the event log:
the reads of each read model, composed, and the views' common position."""

from __future__ import annotations

from projections.catalogue.page_queries import filter_choices
from projections.catalogue.queries import CatalogueQueries
from projections.model_projects import ModelProjectQueries
from projections.participation.queries import ParticipationQueries
from projections.registrations import RegistrationQueries
from projections.roster.queries import RosterQueries
from store.db import ViewDb


class ViewQueries(CatalogueQueries, RosterQueries, ParticipationQueries, ModelProjectQueries):
    def __init__(self, db: ViewDb) -> None:
        CatalogueQueries.__init__(self, db)
        self.registrations = RegistrationQueries(db)
        self._seen: tuple[bytes | None, int] = (None, 0)  # a commit mark, the position then
        self._choices: tuple[int, dict[str, list[str]]] | None = None

    def position(self) -> int:
        """A count that moves whenever any view applies an event: the sum of their positions.

        Not the lowest position: a view stuck behind the others would freeze it, and answers
        kept under it would then miss what the other views applied since.

        Read again only when the store's commit mark moved (or it has none): the mark is
        taken before the read, so a commit in between moves it and the next call reads again.
        """
        mark = self.db.commit_mark()
        seen_mark, seen_position = self._seen
        if mark is not None and mark == seen_mark:
            return seen_position
        found = self.db.read_one(
            "SELECT SUM(position) FROM view_tracking WHERE name LIKE ? AND name NOT LIKE ?",
            ("views/%", "views/rebuild%"),
        )
        position = int(found[0]) if found and found[0] is not None else 0
        self._seen = (mark, position)
        return position

    def filter_choices(self) -> dict[str, list[str]]:
        """Every topic, region and format of the catalogue: the same on every day, so read
        once per position (after the position, so never older than it)."""
        at = self.position()
        kept = self._choices
        if kept is None or kept[0] != at:
            kept = self._choices = (at, filter_choices(self.db))
        return kept[1]
