"""Hand-curated defense and aerospace manufacturers (orgs/defense_industry.jsonl).

No open source at hand lists the arms industry: the stock-index package of listed_companies.py
holds the listed American and European firms (Lockheed Martin, BAE Systems, Rheinmetall), not
the state-owned ones that defense news names as often (Rostec, Norinco, Rafael, Baykar), nor
those whose short name is a word WordNet knows ("Airbus"). This table is written by hand from
general knowledge and names each firm as the news does; re-check it with LAST_CHECKED.

Row: (name, country, [aliases]). No acronym ("KMW", "SAMI", "IAI" name other firms too: the
text that defines one, "Israel Aerospace Industries (IAI)", links it), and no bare alias that is a given name, surname, place or
another thing's name ("Leonardo", "Rafael", "Kongsberg", "Sikorsky", "Indra", "Damen": their
full names are given instead). A row whose name or alias another organization entry already has,
or whose name names a place, a nationality or a person, is left out; so is such an alias.
"""

LAST_CHECKED = "2026-12-01"

ROWS = [
    # --- United States
    ("Raytheon", "US", ["Raytheon Co", "Raytheon Company", "Raytheon Technologies"]),
    ("Anduril Industries", "US", ["Anduril"]),
    ("General Atomics", "US", ["General Atomics Aeronautical Systems"]),
    ("Huntington Ingalls Industries", "US", ["Huntington Ingalls"]),
    ("Sikorsky Aircraft", "US", []),
    ("Bell Textron", "US", ["Bell Helicopter"]),
    ("Pratt & Whitney", "US", []),
    ("Leonardo DRS", "US", ["DRS Technologies"]),
    ("Oshkosh Defense", "US", []),
    ("AM General", "US", []),
    ("Shield AI", "US", []),
    ("Blue Origin", "US", []),
    # --- Europe
    ("Airbus", "FR", ["Airbus SE", "Airbus Group", "Airbus Industrie"]),
    ("Leonardo S.p.A.", "IT", ["Leonardo SpA", "Leonardo-Finmeccanica", "Finmeccanica"]),
    ("Fincantieri", "IT", []),
    ("QinetiQ", "GB", ["QinetiQ Group"]),
    ("Chemring Group", "GB", ["Chemring"]),
    ("Ultra Electronics", "GB", []),
    ("Kongsberg Gruppen", "NO", ["Kongsberg Defence & Aerospace", "Kongsberg Defence and Aerospace"]),
    ("Nammo", "NO", []),
    ("Patria", "FI", []),
    ("Hensoldt", "DE", []),
    ("Krauss-Maffei Wegmann", "DE", []),
    ("Nexter", "FR", ["Nexter Systems"]),
    ("Navantia", "ES", []),
    ("Indra Sistemas", "ES", []),
    ("Damen Shipyards", "NL", ["Damen Shipyards Group"]),
    ("Polska Grupa Zbrojeniowa", "PL", []),
    ("Czechoslovak Group", "CZ", []),
    ("Ukroboronprom", "UA", []),
    # --- Russia
    ("Rostec", "RU", ["Rostekh"]),
    ("Almaz-Antey", "RU", ["Almaz Antey"]),
    ("United Aircraft Corporation", "RU", []),
    ("United Shipbuilding Corporation", "RU", []),
    ("Uralvagonzavod", "RU", []),
    ("Kalashnikov Concern", "RU", []),
    ("Tactical Missiles Corporation", "RU", []),
    # --- Asia and the Middle East
    ("Norinco", "CN", ["China North Industries Group", "China North Industries Corporation"]),
    ("China State Shipbuilding Corporation", "CN", []),
    ("China Aerospace Science and Industry Corporation", "CN", []),
    ("China Aerospace Science and Technology Corporation", "CN", []),
    ("Hanwha Aerospace", "KR", []),
    ("Hanwha Ocean", "KR", []),
    ("Hyundai Rotem", "KR", []),
    ("LIG Nex1", "KR", []),
    ("Hindustan Aeronautics", "IN", ["Hindustan Aeronautics Ltd", "Hindustan Aeronautics Limited"]),
    ("Bharat Electronics", "IN", ["Bharat Electronics Ltd"]),
    ("Mazagon Dock Shipbuilders", "IN", []),
    ("Israel Aerospace Industries", "IL", []),
    ("Rafael Advanced Defense Systems", "IL", []),
    ("Baykar", "TR", ["Baykar Makina"]),
    ("Aselsan", "TR", []),
    ("Roketsan", "TR", []),
    ("Turkish Aerospace Industries", "TR", ["Turkish Aerospace"]),
    ("Saudi Arabian Military Industries", "SA", []),
    ("EDGE Group", "AE", []),
    ("ST Engineering", "SG", ["Singapore Technologies Engineering"]),
    ("Austal", "AU", []),
    # --- Elsewhere
    ("Embraer", "BR", ["Embraer SA"]),
    ("Denel", "ZA", []),
]


def build(files, ctx, known_orgs, blocked, fold, slug, add_aliases, finish_entry):
    """orgs/defense_industry.jsonl from ROWS (see the module docs). `known_orgs`: folded names
    and aliases of the organization entries made so far; `blocked`: those of places,
    nationalities and people."""
    out = files.setdefault("orgs/defense_industry.jsonl", [])
    for name, iso, aliases in ROWS:
        texts = [name] + aliases
        if any(fold(t) in known_orgs for t in texts) or fold(name) in blocked:
            continue
        e = {"id": "org:company:%s" % slug(name), "label": "organization", "kind": "company", "name": name,
             "aliases": [], "country": iso, "priority": 1,
             "attrs": {"sector": "defense", "last_checked": LAST_CHECKED}}
        add_aliases(e, [a for a in aliases if fold(a) not in blocked], ctx)
        finish_entry(e, ctx)
        out.append(e)
        known_orgs.update(fold(t) for t in texts)
