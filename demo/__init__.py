"""The demo catalogue of the public page (September 2024), written through the application's
commands.
"""
