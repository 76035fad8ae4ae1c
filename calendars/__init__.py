"""Calendar data (RFC 5545) for the feeds and the reminder attachments: events, and time zones as
clients read them. Imports the domain.
"""
