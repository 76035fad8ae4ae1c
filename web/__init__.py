"""The public page, its calendar feeds, the registration form and the participation report, on the
API's HTTP plumbing.
"""
