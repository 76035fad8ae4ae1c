"""The `To` header of the letters built on `EmailMessage`: one person, one mailbox."""

from __future__ import annotations

from email.headerregistry import Address


def addressee(name: str, email: str) -> Address:
    """The person as one mailbox, whatever their name holds.

    `formataddr` writes a name with letters beyond ASCII as an encoded word, which the
    header registry of `EmailMessage` decodes and writes out again without quoting the
    name's `<`, `,` or quotes: "Jürgen <boss@example.org>, Team" then reads as two
    recipients, and a reply to all reaches the one the name smuggled in. An `Address` is
    written with its name quoted, or encoded as a whole.
    """
    return Address(display_name=name, addr_spec=email)
