"""What the domain accepts, the mails and calendars can carry: a property over any text.

A name, title or address that passes the domain's one-line and e-mail rules becomes a
mail header and a calendar property without error, and reads back as exactly itself,
with no header or calendar line added.
"""

from __future__ import annotations

from email import message_from_string
from email.header import Header, decode_header, make_header
from email.mime.text import MIMEText
from email.utils import formataddr, getaddresses

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event, vCalAddress, vText

from domain.errors import InvalidValue
from domain.values import require_email, require_line

NASTY = st.sampled_from(["\n", "\r", "\r\n", "\t", "\x00", "\x0b", "\x85", "\u2028", ": ", ";"])
PIECES = st.text(min_size=1, max_size=12) | NASTY
TEXTS = st.text(max_size=80) | st.lists(PIECES, min_size=1, max_size=6).map("".join)
ADDRESSES = st.one_of(
    st.emails(),
    st.builds("{}{}@{}".format, st.emails(), NASTY, st.emails()),
    st.builds("{}@{}.example".format, TEXTS, TEXTS),
)
NAME, ADDRESS = "Ida Groß", "ida@olpe.example"


def accepted_line(text: str) -> str | None:
    try:
        return require_line(text, "Name", 200)
    except InvalidValue:
        return None


def accepted_address(text: str) -> str | None:
    try:
        return require_email(text)
    except InvalidValue:
        return None


def mail_with(name: str, address: str) -> str:
    message = MIMEText("Hallo", "plain", "utf-8")
    message["Subject"] = Header(name, "utf-8")  # type: ignore[assignment]
    message["To"] = formataddr((name, address), charset="utf-8")
    message["Reply-To"] = address
    return message.as_string()


@settings(max_examples=300, deadline=None)
@given(name=TEXTS | st.just(NAME), address=ADDRESSES | st.just(ADDRESS))
def test_accepted_names_and_addresses_make_exactly_their_headers(name: str, address: str) -> None:
    line, email = accepted_line(name) or NAME, accepted_address(address) or ADDRESS

    read = message_from_string(mail_with(line, email))

    assert sorted(read.keys()) == sorted(
        ["Content-Type", "MIME-Version", "Content-Transfer-Encoding", "Subject", "To", "Reply-To"]
    )
    assert str(make_header(decode_header(read["Subject"]))) == line
    assert [address for _, address in getaddresses([read["To"]])] == [email]
    assert read["Reply-To"] == email


@settings(max_examples=300, deadline=None)
@given(title=TEXTS | st.just(NAME), address=ADDRESSES | st.just(ADDRESS))
def test_accepted_titles_and_addresses_make_exactly_their_calendar_lines(
    title: str, address: str
) -> None:
    line, email = accepted_line(title) or NAME, accepted_address(address) or ADDRESS
    calendar, event = Calendar(), Event()
    calendar.add("x-wr-calname", vText(line))
    event.add("summary", line)
    event.add("location", line)
    organizer = vCalAddress(f"mailto:{email}")
    organizer.params["cn"] = vText(line)
    event.add("organizer", organizer)
    calendar.add_component(event)

    body = calendar.to_ical()
    [read] = Calendar.from_ical(body).walk("VEVENT")

    names = [
        raw.split(b":")[0].split(b";")[0] for raw in body.replace(b"\r\n ", b"").split(b"\r\n")
    ]
    assert names == [
        b"BEGIN", b"X-WR-CALNAME", b"BEGIN", b"SUMMARY", b"LOCATION", b"ORGANIZER", b"END",
        b"END", b"",
    ]  # fmt: skip
    assert (str(read["SUMMARY"]), str(read["LOCATION"])) == (line, line)
    assert str(read["ORGANIZER"]) == f"mailto:{email}"
