"""The product's words in German (the default) and English: one job, for every package.

The page (`web`), the mails (`scheduler`), the API's refusals (`api`) and the calendar feeds
(`peerlearning`) all speak to people, so the words sit in one package below all of them. It
imports only `domain` (for the names of its values) and Babel, and nothing imports it back.

- `catalogues`: the gettext catalogues under `locale/` and how they are read;
- `dates`: dates, times and ranges in the reader's language, from CLDR through Babel;
- `glossary`: the message ids of the domain's values (kinds of meeting, formats, states).
"""
