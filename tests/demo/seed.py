"""What the published page showed on 2024-09-20, section by section."""

from __future__ import annotations

from datetime import date

SEED_DAY = date(2024, 9, 20)
NEW = [
    "Urbane Digitale Zwillinge als Helfer für eine wassersensible Stadt",
    "Kommunale Kommunikationsnetze: Entwicklung, Aufbau und Vernetzung",
]
RUNNING = {
    "Stadtweites Klimamessnetz: Aufbau, Modellierung und Anwendungen",
    "Kommunale Geodateninfrastrukturen (GDI) und Geodatenmanagement",
    "Smart Cities: Schule",
}
CLOSED = {
    "Visions- und Strategieentwicklung",
    "Digitale Datenplattformen",
    "Gründung eines Smart-City-Vereins unter Einbindung der Stadtgesellschaft",
    "WALD|STADT|LABOR: Einbindung der Stadtgesellschaft in die Smart City",
    "Werkzeugkasten für die Auswahl von Digitalisierungsprojekten",
    "Smart City Innovation Unit Bochum",
}
