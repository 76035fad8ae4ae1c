"""Reminders and notices by e-mail: plans, exactly-once claims, rendering, SMTP, and the
APScheduler process.
"""
