"""`PeerLearningApp`: the application service, one long-lived instance per process.

Each command loads an aggregate, calls it, and records what it decided; the rules live in
`domain/`. The commands, by what they act on:
- a series (`series_commands.py`): announce, revise_details, schedule_meeting,
  reschedule_meeting, cancel_meeting, mark_meeting_held, record_attendance, hold_reflection,
  close_series, withdraw_series, set_joining;
- an enrolment (`enrollment_commands.py`): enrol, join, correct_participant, correct_own_details,
  correct_contact, leave, decline_meeting, undo_decline, withdraw_enrollment, reject_enrollment,
  add_model_project, remove_model_project;
- a registration from the public (`registration_commands.py`): register, confirm_registration,
  accept_registration, decline_registration;
- the team's list of regions (`region_commands.py`): add_region, change_region_keys,
  remove_region;
- an access token (`token_commands.py`): issue_token, revoke_token.
What every command shares (loading, recording in one transaction, the store's errors) is in
`store_application.py`.
"""

from __future__ import annotations

from application.enrollment_commands import EnrollmentCommands
from application.registration_commands import RegistrationCommands


class PeerLearningApp(EnrollmentCommands, RegistrationCommands):
    """The Peer-Learning application service; one long-lived instance per process."""
