"""A TCP proxy in front of a real server that lets each new connection wait before it
reaches the server: a server slow to accept, as a busy one is."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def slow_to_connect(port: int, delay: float) -> Iterator[int]:
    """Yields the proxy's port; every connection through it starts `delay` seconds late."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=_forward, args=(client, port, delay), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        listener.close()


def _forward(client: socket.socket, port: int, delay: float) -> None:
    time.sleep(delay)
    server = socket.create_connection(("127.0.0.1", port))
    for source, target in ((client, server), (server, client)):
        threading.Thread(target=_pipe, args=(source, target), daemon=True).start()


def _pipe(source: socket.socket, target: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass  # the other side closed: nothing is left to carry
    finally:
        for end in (source, target):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already shut down by the other direction
