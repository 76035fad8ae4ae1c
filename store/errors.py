"""Errors of the service layer that are not broken domain rules."""

from __future__ import annotations


class StoreUnavailable(Exception):
    """The event store cannot be reached or is locked; retry later."""

    def __init__(self, detail: str, retry_after: int = 2) -> None:
        super().__init__(detail)
        self.retry_after = retry_after
