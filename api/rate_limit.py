"""Token buckets per client address: public requests and failed authentications.

`PEERLEARNING_RATE_LIMIT=PUBLIC:FAILURES` allows PUBLIC requests without a token and
FAILURES failed authentications per minute from one address; `off` turns both off.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app, request

from api.errors import ProblemError
from peerlearning.settings import SettingError

RATE_LIMIT = "PEERLEARNING_RATE_LIMIT"
DEFAULT_RATE_LIMIT = "600:30"
LIMITER = "peerlearning.rate_limit"
MAX_CLIENTS = 10_000


@dataclass
class Bucket:
    tokens: float
    updated: float


class TokenBuckets:
    """`per_minute` requests per key, refilled evenly; forgets the oldest keys first."""

    def __init__(self, per_minute: int, now: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.now = now
        self._buckets: OrderedDict[str, Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def _refilled(self, key: str) -> Bucket:
        moment = self.now()
        bucket = self._buckets.pop(key, None) or Bucket(self.capacity, moment)
        bucket.tokens = min(self.capacity, bucket.tokens + (moment - bucket.updated) * self.rate)
        bucket.updated = moment
        self._buckets[key] = bucket
        while len(self._buckets) > MAX_CLIENTS:
            self._buckets.popitem(last=False)
        return bucket

    def wait(self, key: str) -> int:
        """Seconds until `key` may send again; 0 when it may now (without spending)."""
        with self._lock:
            bucket = self._refilled(key)
            return 0 if bucket.tokens >= 1 else math.ceil((1 - bucket.tokens) / self.rate)

    def take(self, key: str) -> int:
        """Spends one token; returns the seconds to wait when there was none."""
        with self._lock:
            bucket = self._refilled(key)
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0
            return math.ceil((1 - bucket.tokens) / self.rate)


@dataclass
class RateLimiter:
    public: TokenBuckets
    failures: TokenBuckets


def parse_rate_limit(text: str) -> RateLimiter | None:
    if text.strip().lower() in ("off", "0", "none"):
        return None
    public, _, failures = text.partition(":")
    try:
        limits = int(public), int(failures or public)
    except ValueError:
        limits = (0, 0)
    if min(limits) < 1:
        raise SettingError(
            f"{RATE_LIMIT}={text!r} is not understood; use PUBLIC:FAILURES per minute "
            f"and client address, e.g. {DEFAULT_RATE_LIMIT}, or off."
        )
    return RateLimiter(TokenBuckets(limits[0]), TokenBuckets(limits[1]))


def too_many(seconds: int, what: str) -> ProblemError:
    return ProblemError(
        429,
        f"Too many {what} from your address; retry in {seconds} s.",
        {"Retry-After": str(seconds)},
    )


def limit_request() -> None:
    limiter: RateLimiter | None = current_app.extensions.get(LIMITER)
    if limiter is None:
        return
    client = request.remote_addr or "unknown"
    if "Authorization" in request.headers:
        if seconds := limiter.failures.wait(client):
            raise too_many(seconds, "failed authentications")
    elif seconds := limiter.public.take(client):
        raise too_many(seconds, "requests without a token")


def count_failed_authentication() -> None:
    limiter: RateLimiter | None = current_app.extensions.get(LIMITER)
    if limiter is not None:
        limiter.failures.take(request.remote_addr or "unknown")


def install_rate_limit(app: Flask) -> None:
    text = app.config.get(RATE_LIMIT, os.environ.get(RATE_LIMIT, DEFAULT_RATE_LIMIT))
    app.extensions[LIMITER] = parse_rate_limit(str(text))
    app.before_request(limit_request)
