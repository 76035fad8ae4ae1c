"""The error of a setting that a process cannot start with."""


class SettingError(Exception):
    """A setting is missing, malformed or points at a store that cannot be used."""
