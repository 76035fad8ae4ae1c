"""The roster read model: enrolments with their participants (personal data: team only)."""
