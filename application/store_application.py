"""The application service: one method per command, taking primitives."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application, ProcessingEvent
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import (
    DataError,
    IntegrityError,
    InternalError,
    JSONTranscoder,
    NotSupportedError,
    PersistenceError,
    ProgrammingError,
    Recording,
    Transcoder,
    Transcoding,
)

from domain.clock import Clock, SystemClock
from domain.enrollment import Enrollment
from domain.errors import (
    ConcurrentWrite,
    EnrollmentNotFound,
    NotFound,
    PeerLearningNotFound,
    StaleVersion,
)
from domain.model_projects import FUNDED_MODEL_PROJECTS_ID, FundedModelProjects
from domain.peer_learning import PeerLearning
from domain.regions import REGIONS_ID, Regions
from store.errors import StoreUnavailable
from store.inline import Inline
from store.recorders import DOMAIN_EVENTS
from store.startup import one_at_a_time
from store.transcodings import DomainTranscoder, register_domain_transcodings

log = logging.getLogger(__name__)
A = TypeVar("A", bound=Aggregate)
RecordedListener = Callable[[list[Recording[UUID]]], None]


class StoreApplication(Application[UUID]):
    """Persistence concerns: transcodings, snapshots, error translation, listeners."""

    name = "PeerLearning"
    env: ClassVar[dict[str, str]] = {
        # Cached aggregates are fast-forwarded from the store on every read, so another
        # process's writes are seen; the cache only saves replaying what is known.
        "AGGREGATE_CACHE_MAXSIZE": "2000",
        "AGGREGATE_CACHE_FASTFORWARD": "y",
        # Commands get a working copy of the cached aggregate (`working_copy`), not a deep one.
        "DEEPCOPY_FROM_AGGREGATE_CACHE": "n",
    }
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {
        PeerLearning: 50,
        Enrollment: 50,
        FundedModelProjects: 50,
        Regions: 50,
    }

    def __init__(
        self,
        env: dict[str, str] | None = None,
        clock: Clock | None = None,
        personal_data: Transcoding | None = None,
    ) -> None:
        self.clock: Clock = clock or SystemClock()
        self._personal_data = personal_data
        self.recorded_listeners: list[RecordedListener] = []
        with one_at_a_time(env):
            super().__init__(env)

    @property
    def personal_data(self) -> Transcoding | None:
        """The transcoding that writes PersonalData (sealed in a running system)."""
        return self._personal_data

    def construct_transcoder(self) -> Transcoder:
        transcoder = DomainTranscoder()
        self.register_transcodings(transcoder)
        return transcoder

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_domain_transcodings(transcoder, self._personal_data)

    @property
    def inline(self) -> Inline:
        """What the recorder writes in each command's transaction (keys, chain, views)."""
        inline = getattr(self.recorder, "inline", None)
        if not isinstance(inline, Inline):
            raise TypeError(f"{type(self.recorder).__name__} runs no inline work")
        return inline

    def _record(self, processing_event: ProcessingEvent[UUID]) -> list[Recording[UUID]]:
        """As the library's, handing the recorder the domain events with the stored ones;
        the saved aggregates become the cached ones (the next command copies them)."""
        recordings = self.events.put(
            processing_event.events,
            tracking=processing_event.tracking,
            **{DOMAIN_EVENTS: processing_event.events},
            **processing_event.saved_kwargs,
        )
        if self.repository.cache is not None:
            for aggregate_id, aggregate in processing_event.aggregates.items():
                self.repository.cache.put(aggregate_id, aggregate)
        return recordings

    def _take_snapshots(self, processing_event: ProcessingEvent[UUID]) -> None:
        """Snapshots the saved aggregates as they are in memory, instead of replaying them
        from the store. After the commit: a snapshot that cannot be written is only a
        shortcut missed (the next one is taken 50 events later), so it is logged, and the
        command, which is recorded, answers as such."""
        if self.snapshots is None:
            return
        due = {
            event.originator_id
            for event in processing_event.events
            if _snapshot_due(self.snapshotting_intervals, processing_event, event)
        }
        for aggregate_id in due:
            aggregate: Any = processing_event.aggregates[aggregate_id]
            snapshot_class: Any = getattr(type(aggregate), "Snapshot", self.snapshot_class)
            try:
                self.snapshots.put([snapshot_class.take(aggregate)])
            except PersistenceError:
                log.warning("Could not store a snapshot of %s", aggregate_id, exc_info=True)

    def _notify(self, recordings: list[Recording[UUID]]) -> None:
        """Post-commit nudges only (waking the scheduler): everything that must hold with the
        events was written in their transaction."""
        for listener in self.recorded_listeners:
            listener(recordings)

    def record(self, *aggregates: Aggregate | None) -> None:
        with translated_store_errors():
            try:
                self.save(*aggregates)
            except IntegrityError:
                raise ConcurrentWrite() from None
            except BaseException:
                inline = getattr(self.recorder, "inline", None)
                if isinstance(inline, Inline):  # what encoding prepared before the insert
                    inline.abandoned()
                raise

    def load(
        self,
        cls: type[A],
        aggregate_id: UUID,
        not_found: Callable[[UUID], NotFound],
        version: int | None = None,
    ) -> A:
        with translated_store_errors():
            try:
                aggregate: Any = self.repository.get(aggregate_id, version=version)
            except AggregateNotFoundError:
                raise not_found(aggregate_id) from None
        if not isinstance(aggregate, cls):
            raise not_found(aggregate_id)
        return working_copy(aggregate)

    def series(self, peer_learning_id: UUID, version: int | None = None) -> PeerLearning:
        return self.load(PeerLearning, peer_learning_id, PeerLearningNotFound, version)

    def enrollment(self, enrollment_id: UUID) -> Enrollment:
        return self.load(Enrollment, enrollment_id, EnrollmentNotFound)

    def funded_model_projects(self) -> FundedModelProjects | None:
        return self._team_list(FundedModelProjects, FUNDED_MODEL_PROJECTS_ID)

    def regions(self) -> Regions | None:
        return self._team_list(Regions, REGIONS_ID)

    def _team_list(self, cls: type[A], list_id: UUID) -> A | None:
        """One of the lists the team keeps, or None before its first entry."""
        with translated_store_errors():
            try:
                aggregate: Any = self.repository.get(list_id)
            except AggregateNotFoundError:
                return None
        assert isinstance(aggregate, cls)
        return working_copy(aggregate)


def working_copy(aggregate: A) -> A:
    """A copy a command may change without touching the cached aggregate.

    The domain's values are immutable and shared; an aggregate changes only its own
    attributes and the dicts, lists and sets it holds directly. So copying those one level
    deep is enough, and costs a fraction of `deepcopy`.
    """
    copied = object.__new__(type(aggregate))
    state = copied.__dict__
    for name, value in aggregate.__dict__.items():
        state[name] = value.copy() if type(value) in _CONTAINERS else value
    return copied


_CONTAINERS = (dict, list, set)


def _snapshot_due(
    intervals: dict[type[Any], int], processing_event: ProcessingEvent[UUID], event: Any
) -> bool:
    aggregate = processing_event.aggregates.get(event.originator_id)
    interval = intervals.get(type(aggregate)) if aggregate is not None else None
    return interval is not None and event.originator_version % interval == 0


def check_expected(aggregate: Aggregate, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != aggregate.version:
        raise StaleVersion(expected_version, aggregate.version)


OUR_BUGS = (ProgrammingError, DataError, InternalError, NotSupportedError)


@contextmanager
def translated_store_errors() -> Iterator[None]:
    """The store not answering becomes `StoreUnavailable` (503); SQL we got wrong stays an
    error of ours (500), and a refused duplicate stays `IntegrityError`."""
    try:
        yield
    except (IntegrityError, *OUR_BUGS):
        raise
    except PersistenceError as error:
        raise StoreUnavailable(
            f"The event store is unavailable ({error.__class__.__name__}: "
            f"{str(error).strip()[:200]}); retry in a moment."
        ) from error
