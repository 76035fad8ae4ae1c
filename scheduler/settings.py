"""The reminder settings, read once from PEERLEARNING_* environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from domain.durations import parse_duration, parse_offsets
from domain.errors import InvalidValue
from runtime.errors import SettingError

DEFAULT_OFFSETS = "P7D,P1D,PT1H"
SECURITY_CHOICES = ("starttls", "tls", "none")


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "localhost"
    port: int = 25
    security: str = "none"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str = "Peer-Learnings <noreply@peer-learnings.example>"
    timeout: float = 10.0
    ca_file: str | None = None


@dataclass(frozen=True)
class ReminderSettings:
    smtp: SmtpSettings = SmtpSettings()
    offsets: tuple[str, ...] = ("P7D", "P1D", "PT1H")
    late_after: timedelta = timedelta(minutes=10)
    lease: timedelta = timedelta(minutes=5)
    retry_base: timedelta = timedelta(seconds=30)
    retry_max: timedelta = timedelta(hours=1)
    lookback: timedelta = timedelta(days=2)
    reconcile_seconds: float = 15.0
    sweep_seconds: float = 60.0
    watch_seconds: float = 2.0
    claim_chunk: int = 100

    def retry_after(self, attempts: int) -> timedelta:
        """How long a mail waits after its `attempts`-th failed try: doubling from
        `retry_base`, at most `retry_max`."""
        return min(self.retry_base * 2 ** min(attempts - 1, 16), self.retry_max)


def reminder_settings(env: Mapping[str, str] | None = None) -> ReminderSettings:
    env = os.environ if env is None else env
    try:
        return ReminderSettings(
            smtp=smtp_settings(env),
            offsets=parse_offsets(env.get("PEERLEARNING_REMINDER_OFFSETS", DEFAULT_OFFSETS)),
            late_after=_duration(env, "PEERLEARNING_REMINDER_LATE_AFTER", "PT10M"),
            lease=_duration(env, "PEERLEARNING_REMINDER_LEASE", "PT5M"),
            retry_base=_duration(env, "PEERLEARNING_REMINDER_RETRY_BASE", "PT30S"),
            retry_max=_duration(env, "PEERLEARNING_REMINDER_RETRY_MAX", "PT1H"),
            lookback=_duration(env, "PEERLEARNING_REMINDER_LOOKBACK", "P2D"),
            reconcile_seconds=_number(env, "PEERLEARNING_RECONCILE_SECONDS", 15.0),
            sweep_seconds=_number(env, "PEERLEARNING_SWEEP_SECONDS", 60.0),
            watch_seconds=_number(env, "PEERLEARNING_WATCH_SECONDS", 2.0),
            claim_chunk=int(_number(env, "PEERLEARNING_REMINDER_CLAIM_CHUNK", 100)),
        )
    except InvalidValue as error:
        raise SettingError(f"Reminder settings: {error}") from None


def smtp_settings(env: Mapping[str, str]) -> SmtpSettings:
    security = env.get("PEERLEARNING_SMTP_SECURITY", "none").strip().lower()
    if security not in SECURITY_CHOICES:
        raise SettingError(
            f"PEERLEARNING_SMTP_SECURITY={security} is not one of {', '.join(SECURITY_CHOICES)}."
        )
    default_port = {"starttls": 587, "tls": 465, "none": 25}[security]
    return SmtpSettings(
        host=env.get("PEERLEARNING_SMTP_HOST", "localhost"),
        port=int(_number(env, "PEERLEARNING_SMTP_PORT", default_port)),
        security=security,
        user=env.get("PEERLEARNING_SMTP_USER") or None,
        password=env.get("PEERLEARNING_SMTP_PASSWORD") or None,
        sender=env.get("PEERLEARNING_SMTP_SENDER", SmtpSettings.sender),
        timeout=_number(env, "PEERLEARNING_SMTP_TIMEOUT", 10.0),
        ca_file=env.get("PEERLEARNING_SMTP_CA_FILE") or None,
    )


def _duration(env: Mapping[str, str], name: str, default: str) -> timedelta:
    text = env.get(name, default)
    try:
        return parse_duration(text)
    except InvalidValue:
        raise SettingError(f"{name}={text} is not an ISO 8601 duration like PT5M.") from None


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    text = env.get(name)
    if text is None:
        return default
    try:
        value = float(text)
    except ValueError:
        raise SettingError(f"{name}={text} is not a number.") from None
    if value <= 0:
        raise SettingError(f"{name}={text} must be greater than zero.")
    return value
