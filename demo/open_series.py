"""The series that were new or running on the published page (September 2024)."""

from __future__ import annotations

from datetime import date

from demo.plans import SeriesPlan, agenda, hours, series

OPEN: tuple[SeriesPlan, ...] = (
    SeriesPlan(
        details=series(
            "Urbane Digitale Zwillinge als Helfer für eine wassersensible Stadt",
            "Stadt Wuppertal",
            "Wuppertal zeigt, wie ein offener Digitaler Zwilling der Stadt bei Starkregen "
            "Entscheidungen stützt: von der Gefahrenkarte über Sensoren bis zu Satellitendaten. "
            "Die Runde geht den Weg der agilen Open-Source-Entwicklung in der Verwaltung nach.",
            ["Digitaler Zwilling", "Klimaanpassung", "Open Source"],
            starts_on=date(2024, 10, 1),
            ends_on=date(2025, 8, 31),
            planned_meetings=6,
            agenda_url=agenda("digitale-zwillinge"),
        ),
        hours=hours(10, 12),
        first_meeting=date(2024, 10, 1),
        every_weeks=8,
        meetings=6,
        enrolments=("Stadt Landshut", "Stadt Lippstadt"),
    ),
    SeriesPlan(
        details=series(
            "Kommunale Kommunikationsnetze: Entwicklung, Aufbau und Vernetzung",
            "Landeshauptstadt Potsdam",
            "Stadt-WLAN, ein Notfallnetz für den Katastrophenfall, LoRaWAN mit Sensoren und eine "
            "Datenplattform: Potsdam berichtet aus Planung und Betrieb und lädt ein, eigene "
            "Netzvorhaben mitzubringen. Zum Abschluss trifft sich die Gruppe im POTSDAM LAB.",
            ["Kommunikationsnetze", "LoRaWAN", "Datenplattform"],
            starts_on=date(2024, 10, 8),
            ends_on=date(2025, 8, 31),
            planned_meetings=6,
            agenda_url=agenda("kommunikationsnetze"),
        ),
        hours=hours(14, 16),
        first_meeting=date(2024, 10, 8),
        every_weeks=8,
        meetings=6,
        sites={5: "POTSDAM LAB, Potsdam"},
        enrolments=("Stadt Brandenburg an der Havel", "Stadt Frankfurt (Oder)"),
    ),
    SeriesPlan(
        details=series(
            "Stadtweites Klimamessnetz: Aufbau, Modellierung und Anwendungen",
            "Stadt Mannheim",
            "Ein dichtes Netz von Klimastationen speist in Mannheim ein Modell des Mikroklimas. "
            "Die Gruppe bespricht Aufbau, Modellierung und Nutzung der Daten für Hitze- und "
            "Klimaanpassungsplanung und vergleicht sie mit eigenen Ansätzen.",
            ["Klimaanpassung", "Sensorik", "Stadtklima"],
            format="hybrid",
            location="Mannheim",
            starts_on=date(2024, 6, 1),
            ends_on=date(2025, 6, 30),
            planned_meetings=6,
        ),
        hours=hours(13, 15),
        first_meeting=date(2024, 6, 12),
        every_weeks=10,
        meetings=6,
        sites={4: "Technisches Rathaus, Mannheim"},
        enrolments=("Stadt Speyer", "Stadt Landshut"),
    ),
    SeriesPlan(
        details=series(
            "Kommunale Geodateninfrastrukturen (GDI) und Geodatenmanagement",
            "Modellprojekt Smart Cities Kempten",
            "Kempten teilt Erfahrungen mit einer Geodateninfrastruktur: Bausteine, Datenpflege, "
            "3D-Stadtmodelle für Beteiligung und Story-Maps. Eigene Fragen aus dem "
            "Verwaltungsalltag der Teilnehmenden sind ausdrücklich erwünscht.",
            ["Geodaten", "Digitaler Zwilling", "Beteiligung"],
            starts_on=date(2024, 5, 1),
            ends_on=date(2025, 5, 31),
            planned_meetings=6,
        ),
        hours=hours(10, 11, end_minute=30),
        first_meeting=date(2024, 5, 14),
        every_weeks=10,
        meetings=6,
        enrolments=("Stadt Memmingen", "Stadt Speyer"),
    ),
    SeriesPlan(
        details=series(
            "Smart Cities: Schule",
            "5 für Südwestfalen",
            "Die fünf südwestfälischen Modellkommunen lernen mit Städten, Gemeinden und Kreisen "
            "der Region, inzwischen auch aus der Nachbarschaft. Jedes Schuljahr bringt neue "
            "Wahlfächer, die die Gruppe gemeinsam festlegt; man trifft sich online und vor Ort.",
            ["Wissenstransfer", "Regionale Zusammenarbeit"],
            scope="regional",
            regions=["Südwestfalen", "Oberbergisches Land"],
            format="hybrid",
            location="Südwestfalen, wechselnde Orte",
            starts_on=date(2023, 5, 1),
            planned_meetings=12,
        ),
        hours=hours(9, 12),
        first_meeting=date(2023, 5, 10),
        every_weeks=6,
        meetings=0,
        sites={0: "Arnsberg", 3: "Soest", 6: "Olpe", 9: "Menden", 12: "Bad Berleburg"},
        site_cycle=15,
        ongoing=True,
        enrolments=("Stadt Meschede", "Stadt Lüdenscheid", "Stadt Brilon", "Gemeinde Wenden"),
    ),
)
