"""The words of the registration form and the confirmation page, German and English."""

from __future__ import annotations

FORM: dict[str, dict[str, str]] = {
    "de": {
        "heading": "Anmeldung",
        "how": "Melden Sie Ihre Kommune mit diesem Formular an. Sie erhalten eine E-Mail mit "
        "einem Link, über den Sie die Anmeldung bestätigen; danach meldet sich das Team.",
        "municipality": "Kommune",
        "municipality_name": "Name der Kommune",
        "key": "Amtlicher Gemeindeschlüssel (8 Ziffern)",
        "key_hint": "Das Land ergibt sich aus dem Schlüssel.",
        "contact": "Ansprechperson",
        "name": "Name",
        "email": "E-Mail",
        "locale": "Sprache der E-Mails",
        "participant": "Weitere teilnehmende Person",
        "optional": "optional",
        "consent": "Ich bin einverstanden, dass die Angaben zur Durchführung des "
        "Peer-Learnings verarbeitet werden.",
        "privacy": "Datenschutz: Wir speichern Namen und E-Mail-Adressen nur für dieses "
        "Peer-Learning. Ohne Bestätigung löschen wir sie nach 7 Tagen; auf Wunsch jederzeit.",
        "honeypot": "Dieses Feld bitte leer lassen",
        "submit": "Anmeldung absenden",
        "errors": "Bitte prüfen Sie die markierten Angaben.",
        "too_fast": "Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie "
        "das Formular noch einmal ab.",
        "sent_title": "Bitte bestätigen Sie Ihre Anmeldung",
        "sent": "Vielen Dank! Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie "
        "die Anmeldung über den Link darin innerhalb von 7 Tagen.",
        "closed": "Eine Anmeldung ist für dieses Peer-Learning derzeit nicht möglich.",
        "confirm_title": "Anmeldung bestätigen",
        "confirm_text": "Bitte bestätigen Sie die Anmeldung mit der Schaltfläche.",
        "confirm_button": "Anmeldung bestätigen",
        "confirmed_title": "Anmeldung bestätigt",
        "confirmed": "Vielen Dank, Ihre Anmeldung ist bestätigt. Das Team meldet sich bei Ihnen.",
        "bad_link": "Dieser Link ist nicht (mehr) gültig. Bitte melden Sie sich erneut an.",
        "lapsed": "Diese Anmeldung kann nicht mehr bestätigt werden. Bitte melden Sie sich "
        "erneut an.",
    },
    "en": {
        "heading": "Registration",
        "how": "Register your municipality with this form. You get an e-mail with a link to "
        "confirm the registration; the team then gets in touch.",
        "municipality": "Municipality",
        "municipality_name": "Name of the municipality",
        "key": "Official municipality key (8 digits)",
        "key_hint": "The Land follows from the key.",
        "contact": "Contact person",
        "name": "Name",
        "email": "E-mail",
        "locale": "Language of the e-mails",
        "participant": "Further participant",
        "optional": "optional",
        "consent": "I agree that these details are processed to run the Peer-Learning.",
        "privacy": "Privacy: we keep names and e-mail addresses for this Peer-Learning only. "
        "Unconfirmed, we erase them after 7 days; on request at any time.",
        "honeypot": "Please leave this field empty",
        "submit": "Send registration",
        "errors": "Please check the marked fields.",
        "too_fast": "That was very quick. Please check your details and send the form again.",
        "sent_title": "Please confirm your registration",
        "sent": "Thank you! We sent you an e-mail. Please confirm the registration with its "
        "link within 7 days.",
        "closed": "Registering for this Peer-Learning is not possible at the moment.",
        "confirm_title": "Confirm the registration",
        "confirm_text": "Please confirm the registration with the button.",
        "confirm_button": "Confirm the registration",
        "confirmed_title": "Registration confirmed",
        "confirmed": "Thank you, your registration is confirmed. The team will get in touch.",
        "bad_link": "This link is not valid (any more). Please register again.",
        "lapsed": "This registration can no longer be confirmed. Please register again.",
    },
}

FIELD_ERRORS: dict[str, dict[str, str]] = {
    "de": {
        "name": "Bitte geben Sie einen Namen an (höchstens 200 Zeichen).",
        "key": "Der amtliche Gemeindeschlüssel hat 8 Ziffern.",
        "email": "Bitte geben Sie eine gültige E-Mail-Adresse an.",
        "locale": "Bitte wählen Sie Deutsch oder Englisch.",
        "consent": "Bitte stimmen Sie der Verarbeitung der Angaben zu.",
    },
    "en": {
        "name": "Please give a name (at most 200 characters).",
        "key": "The official municipality key has 8 digits.",
        "email": "Please give a valid e-mail address.",
        "locale": "Please choose German or English.",
        "consent": "Please agree to the processing of the details.",
    },
}
