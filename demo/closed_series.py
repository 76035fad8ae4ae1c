"""The series that were closed on the published page (September 2024)."""

from __future__ import annotations

from datetime import date

from demo.plans import SeriesPlan, hours, series

CLOSED: tuple[SeriesPlan, ...] = (
    SeriesPlan(
        details=series(
            "Visions- und Strategieentwicklung",
            "Landkreis Mayen-Koblenz (Smarte Region MYK10)",
            "Der Landkreis Mayen-Koblenz hat seine Digitalstrategie gemeinsam mit Bürgerschaft, "
            "Wirtschaft und Wissenschaft erarbeitet. Die Runde zeichnete nach, mit welchen "
            "Methoden und Formaten das gelang, und half bei den ersten Schritten zur eigenen "
            "Strategie. Die Reihe endete früher als geplant.",
            ["Strategie", "Beteiligung"],
            starts_on=date(2023, 6, 1),
            ends_on=date(2024, 12, 31),
            planned_meetings=9,
        ),
        hours=hours(10, 12),
        first_meeting=date(2023, 6, 14),
        every_weeks=9,
        meetings=7,
        closes_on=date(2024, 7, 5),
        enrolments=("Stadt Speyer", "Stadt Trier"),
    ),
    SeriesPlan(
        details=series(
            "Digitale Datenplattformen",
            "Stadt Jena",
            "Jena hat mit einem Forschungspartner eine urbane Datenplattform auf Open-Source-Basis "
            "aufgebaut. Die Teilnehmenden arbeiteten an Chancen und Hürden einer eigenen "
            "Plattform und nahmen Anregungen aus dem Jenaer Vorgehen mit.",
            ["Datenplattform", "Open Source"],
            starts_on=date(2023, 9, 1),
            ends_on=date(2024, 9, 30),
            planned_meetings=6,
        ),
        hours=hours(14, 15, end_minute=30),
        first_meeting=date(2023, 9, 12),
        every_weeks=10,
        meetings=6,
        closes_on=date(2024, 9, 13),
        enrolments=("Stadt Frankfurt (Oder)", "Stadt Memmingen"),
    ),
    SeriesPlan(
        details=series(
            "Gründung eines Smart-City-Vereins unter Einbindung der Stadtgesellschaft",
            "Hansestadt Lübeck",
            "In Lübeck treibt ein Verein mit Mitgliedern aus Wirtschaft, Wissenschaft und "
            "Verwaltung die Smart City voran. Besprochen wurden Rechtsform, Rollen, die Arbeit "
            "einer Geschäftsstelle und wie man die passenden Partner gewinnt.",
            ["Organisation", "Beteiligung"],
            starts_on=date(2023, 10, 1),
            ends_on=date(2024, 3, 31),
            planned_meetings=5,
        ),
        hours=hours(15, 16, end_minute=30),
        first_meeting=date(2023, 10, 10),
        every_weeks=5,
        meetings=5,
        closes_on=date(2024, 3, 15),
        enrolments=("Stadt Flensburg",),
    ),
    SeriesPlan(
        details=series(
            "WALD|STADT|LABOR: Einbindung der Stadtgesellschaft in die Smart City",
            "Stadt Iserlohn",
            "Mit einem Laden in der Innenstadt macht Iserlohn die Smart City greifbar: Vorträge, "
            "Sprechstunden und Aktionstage, ergänzt um digitale Angebote. Die Gruppe tauschte "
            "sich über Beteiligungsmethoden für verschiedene Zielgruppen aus.",
            ["Beteiligung", "Stadtgesellschaft"],
            format="hybrid",
            location="Iserlohn",
            starts_on=date(2023, 6, 1),
            ends_on=date(2024, 1, 31),
            planned_meetings=6,
        ),
        hours=hours(10, 12),
        first_meeting=date(2023, 6, 20),
        every_weeks=6,
        meetings=6,
        sites={0: "WALD|STADT|LABOR, Iserlohn", 3: "WALD|STADT|LABOR, Iserlohn"},
        closes_on=date(2024, 1, 31),
        enrolments=("Stadt Lüdenscheid", "Stadt Meschede"),
    ),
    SeriesPlan(
        details=series(
            "Werkzeugkasten für die Auswahl von Digitalisierungsprojekten",
            "Kalletal und Lemgo (digital.interkommunal)",
            "Kalletal und Lemgo prüfen Projektideen mit einem Satz klarer Kriterien Stufe für "
            "Stufe auf ihre Machbarkeit und beziehen die Öffentlichkeit nachvollziehbar ein. "
            "Die Teilnehmenden ordneten damit ihre eigenen Maßnahmenlisten.",
            ["Projektauswahl", "Strategie"],
            format="hybrid",
            location="Lemgo",
            starts_on=date(2023, 4, 1),
            ends_on=date(2023, 9, 30),
            planned_meetings=6,
        ),
        hours=hours(13, 15),
        first_meeting=date(2023, 4, 18),
        every_weeks=4,
        meetings=6,
        sites={2: "Rathaus Lemgo"},
        closes_on=date(2023, 9, 29),
        enrolments=("Stadt Lippstadt", "Stadt Brilon"),
    ),
    SeriesPlan(
        details=series(
            "Smart City Innovation Unit Bochum",
            "Stadt Bochum",
            "Bochum bündelt Steuerung und Umsetzung seiner Smart-City-Projekte in einer Einheit, "
            "in der auch städtische Töchter mitarbeiten. Die Runde nutzte das Beispiel, um die "
            "eigene Organisation der Digitalisierung zu überdenken.",
            ["Organisation", "Innovation"],
            format="hybrid",
            location="Bochum",
            starts_on=date(2023, 3, 1),
            ends_on=date(2023, 9, 30),
            planned_meetings=6,
        ),
        hours=hours(10, 12),
        first_meeting=date(2023, 3, 15),
        every_weeks=5,
        meetings=6,
        sites={0: "Rathaus Bochum"},
        closes_on=date(2023, 9, 28),
        enrolments=("Stadt Trier", "Stadt Flensburg"),
    ),
)
