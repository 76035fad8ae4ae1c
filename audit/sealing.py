"""Personal data in stored events is sealed with the person's key (AES-GCM)."""

from __future__ import annotations

import base64
import json
import os
from typing import Any
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from eventsourcing.persistence import Transcoding

from audit.keys import KeyStore
from domain.values import ERASED, PersonalData
from store.inline import stored_differs

NONCE_BYTES = 12


class SealBroken(Exception):
    """Sealed personal data does not open with its person's key: the stored event was altered."""


class SealedPersonalData(Transcoding):
    """Writes name and e-mail encrypted; reads them as "erased" once the key is gone.

    Keeps the name of the plain transcoding, so events written before sealing still read.
    """

    type = PersonalData
    name = "personal_data"

    def __init__(self, keys: KeyStore | None = None) -> None:
        self._keys = keys

    def bind(self, keys: KeyStore) -> None:
        """The keys live in the application's store, which exists only after the transcoding."""
        self._keys = keys

    @property
    def keys(self) -> KeyStore:
        if self._keys is None:
            raise RuntimeError("Sealed personal data needs its key store; call bind() first.")
        return self._keys

    def encode(self, obj: PersonalData) -> dict[str, Any]:
        key = None if obj.is_erased else self.keys.sealing_key(obj.subject_id)
        if key is None:
            if not obj.is_erased:  # stored as erased, unlike the event in hand
                stored_differs()
            return {"subject_id": obj.subject_id, "erased": True}
        return {"subject_id": obj.subject_id, "sealed": seal(key, obj)}

    def decode(self, data: dict[str, Any]) -> PersonalData:
        subject_id = _uuid(data["subject_id"])
        if "name" in data:
            return PersonalData(subject_id, data["name"], data["email"])
        key = self.keys.find(subject_id) if "sealed" in data else None
        if key is None:
            return PersonalData(subject_id, ERASED, ERASED)
        return unseal(key, subject_id, data["sealed"])


def seal(key: bytes, person: PersonalData) -> str:
    nonce = os.urandom(NONCE_BYTES)
    plain = json.dumps([person.name, person.email]).encode()
    sealed = AESGCM(key).encrypt(nonce, plain, person.subject_id.bytes)
    return base64.b64encode(nonce + sealed).decode()


def unseal(key: bytes, subject_id: UUID, sealed: str) -> PersonalData:
    raw = base64.b64decode(sealed)
    try:
        plain = AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], subject_id.bytes)
    except InvalidTag:
        raise SealBroken(f"The personal data of {subject_id} does not open.") from None
    name, email = json.loads(plain)
    return PersonalData(subject_id, name, email)


def _uuid(value: Any) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))
