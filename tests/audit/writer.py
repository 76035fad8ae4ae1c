"""A second process that records commands through the composition root (sealed, chained)."""

from __future__ import annotations

import sys

from peerlearning.bootstrap import bootstrap
from store.settings import store_settings
from tests.support.samples import announce, municipality


def write(url: str, rounds: int, label: str) -> None:
    services = bootstrap(store_settings(url))
    try:
        series_id = announce(services.app, title=f"Reihe {label}")
        enrollment_id, _ = services.app.enrol(
            series_id, municipality(f"Stadt {label}"), f"Kontakt {label}", "k@example.org", label
        )
        for i in range(rounds):
            services.app.join(enrollment_id, f"Person {label} {i}", f"p{i}@example.org", label)
    finally:
        services.close()


if __name__ == "__main__":
    write(sys.argv[1], int(sys.argv[2]), sys.argv[3])
