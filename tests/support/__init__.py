"""Helpers shared by the tests: the fake clock, the stores, sample series."""
