"""Marshmallow schemas: one in and one out per view; they also make the OpenAPI document."""
