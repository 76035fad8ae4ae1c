"""The application service: one method per command, taking primitives."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import (
    IntegrityError,
    JSONTranscoder,
    PersistenceError,
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
from peerlearning.errors import StoreUnavailable
from peerlearning.startup import one_at_a_time
from peerlearning.transcodings import DomainTranscoder, register_domain_transcodings

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
    }
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {
        PeerLearning: 50,
        Enrollment: 50,
        FundedModelProjects: 50,
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

    def _notify(self, recordings: list[Recording[UUID]]) -> None:
        for listener in self.recorded_listeners:
            listener(recordings)

    def record(self, *aggregates: Aggregate | None) -> None:
        with translated_store_errors():
            try:
                self.save(*aggregates)
            except IntegrityError:
                raise ConcurrentWrite() from None

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
        return aggregate

    def series(self, peer_learning_id: UUID, version: int | None = None) -> PeerLearning:
        return self.load(PeerLearning, peer_learning_id, PeerLearningNotFound, version)

    def enrollment(self, enrollment_id: UUID) -> Enrollment:
        return self.load(Enrollment, enrollment_id, EnrollmentNotFound)

    def funded_model_projects(self) -> FundedModelProjects | None:
        with translated_store_errors():
            try:
                aggregate: Any = self.repository.get(FUNDED_MODEL_PROJECTS_ID)
            except AggregateNotFoundError:
                return None
        assert isinstance(aggregate, FundedModelProjects)
        return aggregate


def check_expected(aggregate: Aggregate, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != aggregate.version:
        raise StaleVersion(expected_version, aggregate.version)


@contextmanager
def translated_store_errors() -> Iterator[None]:
    try:
        yield
    except IntegrityError:
        raise
    except PersistenceError as error:
        raise StoreUnavailable(
            f"The event store is unavailable ({error.__class__.__name__}: "
            f"{str(error).strip()[:200]}); retry in a moment."
        ) from error
