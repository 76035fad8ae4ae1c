"""The HTTP API: flask-smorest blueprints, marshmallow schemas, bearer tokens with roles,
problem+json, ETags.
"""
