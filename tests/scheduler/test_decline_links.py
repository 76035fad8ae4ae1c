"""Every reminder carries its reader's own "I can't attend" link, in the reader's language;
the link from the mail, posted from its page, declines that reader for that meeting."""

from __future__ import annotations

from email.message import EmailMessage
from urllib.parse import parse_qs, urlsplit

from application.links import DECLINE_PATH
from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from scheduler.service import ReminderService
from tests.scheduler.mail_texts import html_of, link_after, token_of
from tests.scheduler.scenario import P1D_DUE, P7D_DUE, Scenario, email_of
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.clock import FakeClock

LINE = {"de": "Ich kann nicht teilnehmen: ", "en": "I can't attend: "}


def decline_url(mail: EmailMessage, lang: str) -> str:
    return link_after(mail, LINE[lang])


def test_each_reminder_carries_the_readers_own_link_in_their_language(
    scenario: Scenario,
    mails: ReminderService,
    sink: SmtpSink,
    clock: FakeClock,
    services: Services,
) -> None:
    eva = scenario.join("Eva")
    john = scenario.join("John", locale="en")
    meeting_id = scenario.schedule_kickoff()
    clock.set(P7D_DUE)

    assert mails.sweep().sent == 2

    for name, person, lang in (("Eva", eva, "de"), ("John", john, "en")):
        [mail] = sink.to(email_of(name))
        url = decline_url(mail, lang)
        address = urlsplit(url)
        query = parse_qs(address.query)
        assert address.path == DECLINE_PATH
        assert query.get("lang") == (["en"] if lang == "en" else None)
        link = services.links.decline_of(token_of(url))
        assert (link.participant_id, link.meeting_id) == (person, meeting_id)
        assert (link.enrollment_id, link.peer_learning_id) == (
            scenario.enrollment_id,
            scenario.series_id,
        )
        assert f'href="{url.replace("&", "&amp;")}"' in html_of(mail)


def test_the_link_from_the_mail_declines_only_when_its_page_is_posted(
    scenario: Scenario,
    mails: ReminderService,
    sink: SmtpSink,
    clock: FakeClock,
    services: Services,
) -> None:
    eva = scenario.join("Eva")
    meeting_id = scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    mails.sweep()
    [mail] = sink.to(email_of("Eva"))
    url = decline_url(mail, "de")
    address, token = urlsplit(url), token_of(url)
    client = create_app({"TESTING": True}, services=services).test_client()

    opened = client.get(f"{address.path}?{address.query}")
    assert opened.status_code == 200
    assert eva not in services.views.declined(meeting_id)

    posted = client.post(address.path, data={"token": token, "action": "decline"})
    assert posted.status_code == 200
    assert services.views.declined(meeting_id) == {eva}


def test_who_declined_a_meeting_gets_no_more_of_its_reminders(
    scenario: Scenario,
    mails: ReminderService,
    sink: SmtpSink,
    clock: FakeClock,
    services: Services,
) -> None:
    eva = scenario.join("Eva")
    john = scenario.join("John", locale="en")
    meeting_id = scenario.schedule_kickoff()
    app = services.app
    app.decline_meeting(scenario.enrollment_id, eva, meeting_id, actor="public")
    app.decline_meeting(scenario.enrollment_id, john, meeting_id, actor="public")
    app.undo_decline(scenario.enrollment_id, john, meeting_id, actor="public")

    clock.set(P7D_DUE)
    assert mails.sweep().sent == 1
    clock.set(P1D_DUE)
    assert mails.sweep().sent == 1

    assert sink.to(email_of("Eva")) == []
    assert len(sink.to(email_of("John"))) == 2
