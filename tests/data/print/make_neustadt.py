#!/usr/bin/python3
"""Writes neustadt.md and neustadt-verwaltung.csv: a second city's plan for the print tests, unlike
the seed in its field names, a "# " title, further columns (Zeitraum, Priorität), divisions numbered
in digits, numbered field headings, objectives as a list, and longer unit names. Run it to change
the fixture; the files are committed."""
import os

DIVISIONS = {
    "Dezernat 1": ["Hauptamt", "Amt für Personal und Organisation", "Amt für Digitalisierung und E-Government"],
    "Dezernat 2": ["Amt für Schule und Bildung", "Stadtbücherei", "Volkshochschule Neustadt", "Musikschule"],
    "Dezernat 3": ["Jugendamt", "Sozialamt", "Gesundheitsamt", "Amt für Integration und Vielfalt"],
    "Dezernat 4": ["Amt für Stadtplanung, Umwelt und Klimaschutz", "Grünflächenamt", "Amt für Wirtschaftsförderung"],
    "Dezernat 5": ["Kulturamt", "Stadtmuseum Neustadt", "Stadtarchiv", "Theater Neustadt"],
    "Büro der Oberbürgermeisterin": ["Bildungsbüro", "Stabsstelle Bürgerbeteiligung", "Gleichstellungsbüro"],
}
FIELDS = {
    "Frühe Bildung": [
        "Sprachförderung in Kindertagesstätten ausbauen und mit den Grundschulen abstimmen",
        "Elternbildung in den Familienzentren der Stadtteile verstetigen",
        "Übergang Kita–Grundschule mit gemeinsamen Fortbildungen begleiten",
        "Bewegungsangebote für Kinder unter sechs Jahren in allen Stadtteilen"],
    "Schule und Ganztag": [
        "Ganztagsangebote an Grundschulen bis 2029 bedarfsgerecht ausbauen",
        "Schulsozialarbeit an allen weiterführenden Schulen sichern",
        "Schulbibliotheken mit der Stadtbücherei vernetzen",
        "Außerschulische Lernorte in den Unterricht einbinden: Museum, Archiv, Theater",
        "Schulentwicklungsplanung mit der Bevölkerungsprognose fortschreiben"],
    "Übergang Schule–Beruf": [
        "Berufsorientierung mit den Betrieben der Region verbinden",
        "Jugendberufsagentur als gemeinsame Anlaufstelle etablieren",
        "Praktikumsbörse der Stadtverwaltung für Schülerinnen und Schüler"],
    "Digitale Bildung": [
        "Medienkompetenz für alle Altersgruppen in Bücherei und Volkshochschule fördern",
        "Digitale Ausstattung der Schulen nach dem Medienentwicklungsplan",
        "Offene Werkstätten für Programmieren und Gestalten einrichten",
        "Digitale Teilhabe älterer Menschen mit Lotsinnen und Lotsen stärken"],
    "Kulturelle Bildung": [
        "Kulturrucksack für alle Kinder der vierten Klassen",
        "Theaterpädagogik an Schulen und in Jugendzentren",
        "Stadtgeschichte erfahrbar machen: Archiv und Museum für Schulklassen öffnen",
        "Musikschule in die Ganztagsangebote einbinden"],
    "Bildung für nachhaltige Entwicklung": [
        "Klimaschule: Energiesparprojekte an allen Schulen",
        "Schulgärten und grüne Lernorte in den Quartieren",
        "Nachhaltige Beschaffung als Lernfeld in der Verwaltung"],
    "Integration und Teilhabe": [
        "Sprachkurse für Neuzugewanderte mit Kinderbetreuung anbieten",
        "Bildungspatenschaften für Kinder und Jugendliche vermitteln",
        "Barrierefreie Bildungsangebote in allen städtischen Einrichtungen",
        "Bildungs- und Teilhabepaket bekannter machen und Anträge vereinfachen"],
    "Lebenslanges Lernen": [
        "Weiterbildung der Beschäftigten der Stadtverwaltung systematisch planen",
        "Bürgerschaftliches Engagement in der Bildung anerkennen und qualifizieren",
        "Lernfeste und offene Türen der Bildungseinrichtungen im Stadtteil"],
}
OBJECTIVES = {
    "Frühe Bildung": ["Alle Kinder beginnen die Schule mit ausreichenden Deutschkenntnissen"],
    "Schule und Ganztag": ["Bildungserfolg vom Elternhaus entkoppeln", "Schulen öffnen sich in den Stadtteil"],
    "Übergang Schule–Beruf": ["Kein Abschluss ohne Anschluss"],
    "Digitale Bildung": ["Digitale Teilhabe für alle Generationen sichern"],
    "Kulturelle Bildung": ["Jedes Kind erlebt in seiner Schulzeit Theater, Museum, Archiv und Musikschule"],
    "Bildung für nachhaltige Entwicklung": ["Nachhaltigkeit als Querschnittsaufgabe aller Bildungsorte verankern"],
    "Integration und Teilhabe": ["Bildungssprache Deutsch fördern und Mehrsprachigkeit wertschätzen",
                                 "Hürden beim Zugang zu Bildungsangeboten abbauen"],
    "Lebenslanges Lernen": ["Lernen in jedem Lebensalter sichtbar machen und anerkennen"],
}
PERIODS = ["2026", "2026–2027", "2027–2028", "ab 2028", "laufend"]
PRIORITIES = ["hoch", "mittel", "niedrig"]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    units = [(d, u) for d, us in DIVISIONS.items() for u in us]
    with open(os.path.join(here, "neustadt-verwaltung.csv"), "w", encoding="utf-8") as f:
        f.write("unit,division,aliases\n")
        for d in DIVISIONS:
            f.write(f'"{d}",,\n')
        for d, u in units:
            f.write(f'"{u}","{d}",\n')
    lines = ["# Bildungskonzept der Stadt Neustadt 2026–2030", ""]
    k = 0
    for n, (field, areas) in enumerate(FIELDS.items(), 1):
        lines += [f"## {n}. Handlungsfeld {field}", "",
                  "| Handlungsschwerpunkt | Zuständigkeit | Zeitraum | Priorität |", "|---|---|---|---|"]
        for area in areas:
            picked = sorted({(k * 4 + j * 5) % len(units) for j in range(1 + k % 4)})
            k += 1
            by_division = {}
            for i in picked:
                d, u = units[i]
                by_division.setdefault(d, []).append(u)
            cell = "<br>".join(f"{d}/ {', '.join(us)}" for d, us in by_division.items())
            lines.append(f"| {area} | {cell} | {PERIODS[k % 5]} | {PRIORITIES[k % 3]} |")
        lines += ["", "**Ableitungen:**", ""]
        lines += [f"- {o}" for o in OBJECTIVES[field]]
        lines.append("")
    with open(os.path.join(here, "neustadt.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
