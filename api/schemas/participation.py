"""Attendance, the roster of a meeting and the participation report."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from api.schemas.common import Day, Strict, bounded_list
from domain.rules import MAX_PRESENT


class AttendanceSchema(Strict):
    participants = bounded_list(
        fields.UUID(),
        most=MAX_PRESENT,
        required=True,
        metadata={"description": "The participants present; replaces an earlier record."},
    )


class ReportQuerySchema(Strict):
    start = Day("The first day counted.", data_key="from", required=True)
    end = Day("The last day counted.", data_key="to", required=True)
    format = fields.String(
        validate=validate.OneOf(["json", "csv"]),
        metadata={"description": "csv: the rows as CSV (as `Accept: text/csv`)."},
    )

    @validates_schema
    def _ordered(self, data: dict[str, object], **_: object) -> None:
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and end < start:  # type: ignore[operator]
            raise ValidationError("`to` must not lie before `from`.", "to")


class ReportRowSchema(Schema):
    series_id = fields.UUID()
    series = fields.String()
    host = fields.String()
    municipality = fields.String()
    key = fields.String(allow_none=True)
    state = fields.String(allow_none=True, metadata={"description": "The Land."})
    admitted_on = fields.Date()
    meetings_held = fields.Integer()
    meetings_attended = fields.Integer()
    reflection_held = fields.Boolean()


class LandTotalSchema(Schema):
    state = fields.String(allow_none=True)
    municipalities = fields.Integer()
    participants = fields.Integer()
    attendance_rate = fields.Float(allow_none=True)


class SeriesTotalSchema(Schema):
    series_id = fields.UUID()
    series = fields.String()
    municipalities = fields.Integer()
    meetings_held = fields.Integer()
    attendance_rate = fields.Float(allow_none=True)


class TotalsSchema(Schema):
    per_land = fields.List(fields.Nested(LandTotalSchema))
    per_series = fields.List(fields.Nested(SeriesTotalSchema))


class MonthSchema(Schema):
    month = fields.String(metadata={"description": "YYYY-MM"})
    meetings_held = fields.Integer()


class ReportSchema(Schema):
    start = fields.Date(data_key="from")
    end = fields.Date(data_key="to")
    rows = fields.List(fields.Nested(ReportRowSchema))
    totals = fields.Nested(TotalsSchema)
    meetings_per_month = fields.List(fields.Nested(MonthSchema))


class RosterPersonSchema(Schema):
    participant_id = fields.UUID()
    name = fields.String()
    declined = fields.Boolean(metadata={"description": "Said they cannot attend."})


class RosterPlaceSchema(Schema):
    enrollment_id = fields.UUID()
    municipality = fields.String()
    key = fields.String(allow_none=True)
    state = fields.String(allow_none=True)
    participants = fields.List(fields.Nested(RosterPersonSchema))


class MeetingRosterSchema(Schema):
    meeting_id = fields.UUID()
    peer_learning_id = fields.UUID()
    state = fields.String()
    municipalities = fields.List(fields.Nested(RosterPlaceSchema))
    expected = fields.Integer(
        metadata={"description": "Active participants admitted who have not declined."}
    )
    declined = fields.Integer(
        metadata={"description": "Active participants admitted who said they cannot attend."}
    )
