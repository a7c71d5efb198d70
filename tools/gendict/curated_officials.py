"""Hand-curated office holders (people/officials.jsonl).

No open source carries current defense ministers; this table is written by hand from general
knowledge and MUST be re-checked: every row carries last_checked, and rows the author was not
sure of carry attrs.confidence = "medium" or "low". Wikidata ids are given only where the author
is certain of them. Past holders keep valid_to so older articles still resolve.

Row: (name, country, kind, office, valid_from, valid_to, [extra aliases], short form, confidence, wikidata)
Name order is the order English news prints (Korean/Chinese family name first).
"""

LAST_CHECKED = "2026-11-29"

D, F, C, O = "defense_minister", "foreign_minister", "military_chief", "official"

ROWS = [
    # --- United States
    ("Pete Hegseth", "US", D, "Secretary of Defense (styled Secretary of War since 2025-09)", "2025-01-25", None,
     ["Peter Hegseth", "Pete B. Hegseth"], "Hegseth", "high", None),
    ("Lloyd Austin", "US", D, "Secretary of Defense", "2021-01-22", "2025-01-20", ["Lloyd J. Austin", "Lloyd J. Austin III", "Lloyd Austin III"], "Austin", "high", None),
    ("Marco Rubio", "US", F, "Secretary of State", "2025-01-21", None, [], "Rubio", "high", None),
    ("Antony Blinken", "US", F, "Secretary of State", "2021-01-26", "2025-01-20", ["Tony Blinken"], "Blinken", "high", None),
    ("Dan Caine", "US", C, "Chairman of the Joint Chiefs of Staff", "2025-04-11", None, ["John Daniel Caine", "Gen. Dan Caine", "Dan \"Razin\" Caine"], "Caine", "high", None),
    ("Charles Q. Brown Jr.", "US", C, "Chairman of the Joint Chiefs of Staff", "2023-10-01", "2025-02-21", ["CQ Brown", "Charles Brown Jr.", "C.Q. Brown"], None, "high", None),
    ("Mark Milley", "US", C, "Chairman of the Joint Chiefs of Staff", "2019-10-01", "2023-09-29", ["Mark A. Milley"], "Milley", "high", None),
    ("Samuel Paparo", "US", C, "Commander, U.S. Indo-Pacific Command", "2024-05-03", None, ["Samuel J. Paparo", "Adm. Samuel Paparo"], "Paparo", "high", None),
    ("Xavier Brunson", "US", C, "Commander, United Nations Command / Combined Forces Command / U.S. Forces Korea", "2024-12-20", None,
     ["Xavier T. Brunson", "Gen. Xavier Brunson"], "Brunson", "medium", None),
    ("Paul LaCamera", "US", C, "Commander, United Nations Command / Combined Forces Command / U.S. Forces Korea", "2021-07-02", "2024-12-20",
     ["Paul J. LaCamera"], "LaCamera", "high", None),
    # --- South Korea
    ("Ahn Gyu-back", "KR", D, "Minister of National Defense", "2025-07-25", None, ["Ahn Gyu-baek", "Ahn Kyu-back", "Ahn Kyu-baek"], "Ahn", "high", None),
    ("Kim Yong-hyun", "KR", D, "Minister of National Defense", "2024-09-06", "2024-12-05", ["Kim Yong-hyeon"], "Kim", "high", None),
    ("Shin Won-sik", "KR", D, "Minister of National Defense", "2023-10-07", "2024-09-05", [], "Shin", "high", None),
    ("Lee Jong-sup", "KR", D, "Minister of National Defense", "2022-05-10", "2023-10-06", [], "Lee", "high", None),
    ("Cho Hyun", "KR", F, "Minister of Foreign Affairs", "2025-07", None, ["Cho Hyun-dong"][:0], "Cho", "medium", None),
    ("Cho Tae-yul", "KR", F, "Minister of Foreign Affairs", "2024-01-12", "2025-07", [], "Cho", "medium", None),
    ("Kim Myung-soo", "KR", C, "Chairman of the Joint Chiefs of Staff", "2024-03", "2025-09", ["Kim Myoung-soo"], "Kim", "medium", None),
    ("Jin Yong-sung", "KR", C, "Chairman of the Joint Chiefs of Staff", "2025-09", None, [], "Jin", "low", None),
    # --- North Korea
    ("No Kwang Chol", "KP", D, "Minister of National Defence", "2024-10", None, ["No Kwang-chol", "Ro Kwang Chol"], "No Kwang", "medium", None),
    ("Choe Son Hui", "KP", F, "Minister of Foreign Affairs", "2022-06", None, ["Choe Son-hui", "Choe Son-hui"], "Choe", "medium", None),
    # --- Japan
    ("Shinjiro Koizumi", "JP", D, "Minister of Defense", "2025-10-21", None, ["Koizumi Shinjiro"], "Koizumi", "medium", None),
    ("Gen Nakatani", "JP", D, "Minister of Defense", "2024-10-01", "2025-10-21", [], "Nakatani", "high", None),
    ("Minoru Kihara", "JP", D, "Minister of Defense", "2023-09-13", "2024-10-01", [], "Kihara", "high", None),
    ("Toshimitsu Motegi", "JP", F, "Minister for Foreign Affairs", "2025-10-21", None, [], "Motegi", "medium", None),
    ("Takeshi Iwaya", "JP", F, "Minister for Foreign Affairs", "2024-10-01", "2025-10-21", [], "Iwaya", "high", None),
    ("Yoshihide Yoshida", "JP", C, "Chief of Staff, Joint Staff", "2023-03-30", None, [], "Yoshida", "medium", None),
    # --- China
    ("Dong Jun", "CN", D, "Minister of National Defense", "2023-12-29", None, [], "Dong", "high", None),
    ("Li Shangfu", "CN", D, "Minister of National Defense", "2023-03-12", "2023-10-24", [], "Li Shangfu", "high", None),
    ("Wang Yi", "CN", F, "Minister of Foreign Affairs", "2023-07-25", None, [], "Wang", "high", None),
    # --- Taiwan
    ("Wellington Koo", "TW", D, "Minister of National Defense", "2024-05-20", None, ["Koo Li-hsiung"], "Koo", "high", None),
    ("Lin Chia-lung", "TW", F, "Minister of Foreign Affairs", "2024-05-20", None, [], "Lin", "high", None),
    # --- Russia
    ("Andrei Belousov", "RU", D, "Minister of Defence", "2024-05-14", None, ["Andrey Belousov", "Andrei Removich Belousov"], "Belousov", "high", None),
    ("Sergei Shoigu", "RU", D, "Minister of Defence", "2012-11-06", "2024-05-12", ["Sergey Shoigu", "Sergei Kuzhugetovich Shoigu"], "Shoigu", "high", None),
    ("Sergey Lavrov", "RU", F, "Minister of Foreign Affairs", "2004-03-09", None, ["Sergei Lavrov"], "Lavrov", "high", None),
    ("Valery Gerasimov", "RU", C, "Chief of the General Staff", "2012-11-09", None, ["Valeriy Gerasimov"], "Gerasimov", "high", None),
    # --- United Kingdom
    ("John Healey", "GB", D, "Secretary of State for Defence", "2024-07-05", None, [], "Healey", "high", None),
    ("Grant Shapps", "GB", D, "Secretary of State for Defence", "2023-08-31", "2024-07-05", [], "Shapps", "high", None),
    ("Ben Wallace", "GB", D, "Secretary of State for Defence", "2019-07-24", "2023-08-31", [], "Wallace", "high", None),
    ("Yvette Cooper", "GB", F, "Foreign Secretary", "2025-09-05", None, [], "Cooper", "medium", None),
    ("David Lammy", "GB", F, "Foreign Secretary", "2024-07-05", "2025-09-05", [], "Lammy", "high", None),
    ("Richard Knighton", "GB", C, "Chief of the Defence Staff", "2025-09", None, ["Sir Richard Knighton"], "Knighton", "medium", None),
    ("Tony Radakin", "GB", C, "Chief of the Defence Staff", "2021-11-30", "2025-09", ["Sir Tony Radakin", "Antony Radakin"], "Radakin", "high", None),
    # --- France
    ("Catherine Vautrin", "FR", D, "Minister of the Armed Forces", "2025-10-12", None, [], "Vautrin", "medium", None),
    ("Sébastien Lecornu", "FR", D, "Minister of the Armed Forces", "2022-05-20", "2025-09-09", ["Sebastien Lecornu"], "Lecornu", "high", None),
    ("Jean-Noël Barrot", "FR", F, "Minister for Europe and Foreign Affairs", "2024-09-21", None, ["Jean-Noel Barrot"], "Barrot", "high", None),
    ("Fabien Mandon", "FR", C, "Chief of the Defence Staff", "2025-09-01", None, [], "Mandon", "medium", None),
    ("Thierry Burkhard", "FR", C, "Chief of the Defence Staff", "2021-07-22", "2025-08-31", [], "Burkhard", "high", None),
    # --- Germany
    ("Boris Pistorius", "DE", D, "Federal Minister of Defence", "2023-01-19", None, [], "Pistorius", "high", None),
    ("Johann Wadephul", "DE", F, "Federal Minister for Foreign Affairs", "2025-05-06", None, [], "Wadephul", "high", None),
    ("Annalena Baerbock", "DE", F, "Federal Minister for Foreign Affairs", "2021-12-08", "2025-05-06", [], "Baerbock", "high", None),
    ("Carsten Breuer", "DE", C, "Chief of Defence (Generalinspekteur)", "2023-03-17", None, [], "Breuer", "high", None),
    # --- Other NATO / Europe
    ("Guido Crosetto", "IT", D, "Minister of Defence", "2022-10-22", None, [], "Crosetto", "high", None),
    ("Antonio Tajani", "IT", F, "Minister of Foreign Affairs", "2022-10-22", None, [], "Tajani", "high", None),
    ("Margarita Robles", "ES", D, "Minister of Defence", "2018-06-07", None, [], "Robles", "high", None),
    ("Władysław Kosiniak-Kamysz", "PL", D, "Minister of National Defence", "2023-12-13", None, ["Wladyslaw Kosiniak-Kamysz"], "Kosiniak-Kamysz", "high", None),
    ("Ruben Brekelmans", "NL", D, "Minister of Defence", "2024-07-02", None, [], "Brekelmans", "high", None),
    ("Theo Francken", "BE", D, "Minister of Defence", "2025-02-03", None, [], "Francken", "high", None),
    ("Pål Jonson", "SE", D, "Minister for Defence", "2022-10-18", None, ["Pal Jonson"], "Jonson", "high", None),
    ("Tore O. Sandvik", "NO", D, "Minister of Defence", "2024-04", None, ["Tore Onshuus Sandvik"], "Sandvik", "medium", None),
    ("Antti Häkkänen", "FI", D, "Minister of Defence", "2023-06-20", None, ["Antti Hakkanen"], "Häkkänen", "high", None),
    ("Troels Lund Poulsen", "DK", D, "Minister of Defence", "2023-08", None, [], "Poulsen", "medium", None),
    ("Hanno Pevkur", "EE", D, "Minister of Defence", "2022-07-18", None, [], "Pevkur", "high", None),
    ("Andris Sprūds", "LV", D, "Minister of Defence", "2023-09-15", None, ["Andris Spruds"], "Sprūds", "high", None),
    ("Nikos Dendias", "GR", D, "Minister of National Defence", "2023-06-27", None, ["Nikolaos Dendias"], "Dendias", "high", None),
    ("Kristóf Szalay-Bobrovniczky", "HU", D, "Minister of Defence", "2022-05-24", None, ["Kristof Szalay-Bobrovniczky"], "Szalay-Bobrovniczky", "high", None),
    ("Ionuț Moșteanu", "RO", D, "Minister of National Defence", "2025-06-23", None, ["Ionut Mosteanu"], "Moșteanu", "medium", None),
    ("Jana Černochová", "CZ", D, "Minister of Defence", "2021-12-17", None, ["Jana Cernochova"], "Černochová", "low", None),
    ("Robert Kaliňák", "SK", D, "Minister of Defence", "2023-10-25", None, ["Robert Kalinak"], "Kaliňák", "high", None),
    ("Klaudia Tanner", "AT", D, "Federal Minister of Defence", "2020-01-07", None, [], "Tanner", "high", None),
    ("Martin Pfister", "CH", D, "Head of the Federal Department of Defence, Civil Protection and Sport", "2025-04-01", None, [], "Pfister", "medium", None),
    ("Nuno Melo", "PT", D, "Minister of National Defence", "2024-04-02", None, [], "Melo", "high", None),
    ("Atanas Zapryanov", "BG", D, "Minister of Defence", "2025-01-16", None, [], "Zapryanov", "medium", None),
    ("Ivan Anušić", "HR", D, "Minister of Defence", "2024-05-17", None, ["Ivan Anusic"], "Anušić", "high", None),
    ("Bratislav Gašić", "RS", D, "Minister of Defence", "2024-05-02", None, ["Bratislav Gasic"], "Gašić", "medium", None),
    ("Yaşar Güler", "TR", D, "Minister of National Defence", "2023-06-03", None, ["Yasar Guler"], "Güler", "high", None),
    ("Hakan Fidan", "TR", F, "Minister of Foreign Affairs", "2023-06-04", None, [], "Fidan", "high", None),
    ("Bill Blair", "CA", D, "Minister of National Defence", "2023-07-26", "2025-05-13", [], "Blair", "high", None),
    ("David McGuinty", "CA", D, "Minister of National Defence", "2025-05-13", None, [], "McGuinty", "medium", None),
    ("Anita Anand", "CA", F, "Minister of Foreign Affairs", "2025-05-13", None, [], "Anand", "medium", None),
    ("Mélanie Joly", "CA", F, "Minister of Foreign Affairs", "2021-10-26", "2025-05-13", ["Melanie Joly"], "Joly", "high", None),
    ("Jennie Carignan", "CA", C, "Chief of the Defence Staff", "2024-07-18", None, [], "Carignan", "high", None),
    # --- Ukraine
    ("Denys Shmyhal", "UA", D, "Minister of Defence", "2025-07-17", None, ["Denis Shmygal"], "Shmyhal", "medium", None),
    ("Rustem Umerov", "UA", D, "Minister of Defence", "2023-09-06", "2025-07-17", [], "Umerov", "high", None),
    ("Oleksii Reznikov", "UA", D, "Minister of Defence", "2021-11-04", "2023-09-05", ["Oleksiy Reznikov"], "Reznikov", "high", None),
    ("Andrii Sybiha", "UA", F, "Minister of Foreign Affairs", "2024-09-05", None, ["Andriy Sybiha"], "Sybiha", "high", None),
    ("Oleksandr Syrskyi", "UA", C, "Commander-in-Chief of the Armed Forces of Ukraine", "2024-02-08", None, ["Oleksandr Syrsky"], "Syrskyi", "high", None),
    ("Valerii Zaluzhnyi", "UA", C, "Commander-in-Chief of the Armed Forces of Ukraine", "2021-07-27", "2024-02-08", ["Valery Zaluzhny"], "Zaluzhnyi", "high", None),
    # --- Middle East
    ("Israel Katz", "IL", D, "Minister of Defense", "2024-11-05", None, [], "Katz", "high", None),
    ("Yoav Gallant", "IL", D, "Minister of Defense", "2022-12-29", "2024-11-05", [], "Gallant", "high", None),
    ("Gideon Sa'ar", "IL", F, "Minister of Foreign Affairs", "2024-11-05", None, ["Gideon Saar"], "Sa'ar", "medium", None),
    ("Eyal Zamir", "IL", C, "Chief of the General Staff", "2025-03-05", None, [], "Zamir", "high", None),
    ("Herzi Halevi", "IL", C, "Chief of the General Staff", "2023-01-16", "2025-03-05", [], "Halevi", "high", None),
    ("Aziz Nasirzadeh", "IR", D, "Minister of Defence and Armed Forces Logistics", "2024-08-21", None, [], "Nasirzadeh", "high", None),
    ("Abbas Araghchi", "IR", F, "Minister of Foreign Affairs", "2024-08-21", None, [], "Araghchi", "high", None),
    ("Khalid bin Salman", "SA", D, "Minister of Defense", "2022-09-27", None, ["Khalid bin Salman Al Saud", "Prince Khalid bin Salman"], None, "high", None),
    ("Faisal bin Farhan", "SA", F, "Minister of Foreign Affairs", "2019-10-23", None, ["Faisal bin Farhan Al Saud", "Prince Faisal bin Farhan"], None, "high", None),
    ("Hamdan bin Mohammed", "AE", D, "Minister of Defence", "2024-07", None, ["Hamdan bin Mohammed bin Rashid Al Maktoum"], None, "medium", None),
    ("Thabet al-Abbasi", "IQ", D, "Minister of Defence", "2022-10-27", None, ["Thabit al-Abbasi"], "Abbasi", "medium", None),
    ("Murhaf Abu Qasra", "SY", D, "Minister of Defence", "2024-12-21", None, [], "Abu Qasra", "medium", None),
    ("Michel Menassa", "LB", D, "Minister of National Defence", "2025-02-08", None, [], "Menassa", "medium", None),
    ("Abdel Mageed Saqr", "EG", D, "Minister of Defence and Military Production", "2024-07-03", None, ["Abdelmeguid Saqr"], "Saqr", "medium", None),
    # --- South and Central Asia
    ("Rajnath Singh", "IN", D, "Minister of Defence", "2019-05-31", None, [], None, "high", None),
    ("S. Jaishankar", "IN", F, "Minister of External Affairs", "2019-05-30", None, ["Subrahmanyam Jaishankar"], "Jaishankar", "high", None),
    ("Anil Chauhan", "IN", C, "Chief of Defence Staff", "2022-09-30", None, [], "Chauhan", "high", None),
    ("Khawaja Muhammad Asif", "PK", D, "Minister of Defence", "2024-03-11", None, ["Khawaja Asif"], None, "high", None),
    ("Asim Munir", "PK", C, "Chief of Army Staff", "2022-11-29", None, ["Syed Asim Munir"], "Munir", "high", None),
    ("Mohammad Yaqoob", "AF", D, "Minister of Defence (Taliban administration)", "2021-09-07", None, ["Mullah Yaqoob", "Mohammad Yaqoob Mujahid"], "Yaqoob", "medium", None),
    ("Ruslan Zhaksylykov", "KZ", D, "Minister of Defence", "2022", None, [], "Zhaksylykov", "low", None),
    ("Zakir Hasanov", "AZ", D, "Minister of Defence", "2013-10-22", None, [], "Hasanov", "high", None),
    ("Suren Papikyan", "AM", D, "Minister of Defence", "2021-11-15", None, [], "Papikyan", "medium", None),
    ("Viktor Khrenin", "BY", D, "Minister of Defence", "2021-01-20", None, [], "Khrenin", "high", None),
    # --- Asia-Pacific
    ("Richard Marles", "AU", D, "Minister for Defence", "2022-06-01", None, [], "Marles", "high", None),
    ("Penny Wong", "AU", F, "Minister for Foreign Affairs", "2022-05-23", None, [], "Wong", "high", None),
    ("David Johnston", "AU", C, "Chief of the Defence Force", "2024-07-10", None, [], "Johnston", "medium", None),
    ("Judith Collins", "NZ", D, "Minister of Defence", "2023-11-27", None, [], "Collins", "high", None),
    ("Gilberto Teodoro", "PH", D, "Secretary of National Defense", "2023-06-05", None, ["Gilberto Teodoro Jr.", "Gibo Teodoro"], "Teodoro", "high", None),
    ("Sjafrie Sjamsoeddin", "ID", D, "Minister of Defence", "2024-10-21", None, [], "Sjamsoeddin", "high", None),
    ("Sugiono", "ID", F, "Minister of Foreign Affairs", "2024-10-21", None, [], None, "high", None),
    ("Phan Van Giang", "VN", D, "Minister of National Defence", "2021-04-08", None, ["Phan Văn Giang"], "Giang", "high", None),
    ("Chan Chun Sing", "SG", D, "Minister for Defence", "2025-05-23", None, [], "Chan", "medium", None),
    ("Ng Eng Hen", "SG", D, "Minister for Defence", "2011-05-21", "2025-05-23", [], None, "high", None),
    ("Mohamed Khaled Nordin", "MY", D, "Minister of Defence", "2023-12-12", None, [], "Khaled Nordin", "high", None),
    # --- Americas
    ("José Múcio Monteiro", "BR", D, "Minister of Defence", "2023-01-01", None, ["Jose Mucio Monteiro", "José Múcio"], "Múcio", "high", None),
    ("Mauro Vieira", "BR", F, "Minister of Foreign Affairs", "2023-01-01", None, [], "Vieira", "high", None),
    ("Ricardo Trevilla Trejo", "MX", D, "Secretary of National Defense", "2024-10-01", None, ["Ricardo Trevilla"], "Trevilla", "high", None),
    ("Juan Ramón de la Fuente", "MX", F, "Secretary of Foreign Affairs", "2024-10-01", None, ["Juan Ramon de la Fuente"], None, "low", None),
    ("Vladimir Padrino López", "VE", D, "Minister of Defence", "2014-10-24", None, ["Vladimir Padrino Lopez", "Vladimir Padrino"], "Padrino", "high", None),
    # --- Africa
    ("Angie Motshekga", "ZA", D, "Minister of Defence and Military Veterans", "2024-07-03", None, [], "Motshekga", "high", None),
    ("Ronald Lamola", "ZA", F, "Minister of International Relations and Cooperation", "2024-07-03", None, [], "Lamola", "high", None),
    ("Mohammed Badaru Abubakar", "NG", D, "Minister of Defence", "2023-08-21", None, ["Badaru Abubakar"], "Badaru", "low", None),
    ("Soipan Tuya", "KE", D, "Cabinet Secretary for Defence", "2024-08-08", None, [], "Tuya", "medium", None),
    # --- G20 foreign ministers not above; international
    ("Mark Rutte", "NATO", O, "Secretary General of NATO", "2024-10-01", None, [], "Rutte", "high", "Q57792"),
    ("Jens Stoltenberg", "NATO", O, "Secretary General of NATO", "2014-10-01", "2024-10-01", [], "Stoltenberg", "high", None),
    ("António Guterres", "UN", O, "Secretary-General of the United Nations", "2017-01-01", None, ["Antonio Guterres"], "Guterres", "high", "Q311440"),
    ("Kaja Kallas", "EU", F, "High Representative of the Union for Foreign Affairs and Security Policy", "2024-12-01", None, [], "Kallas", "high", None),
    ("Alexus Grynkewich", "NATO", C, "Supreme Allied Commander Europe", "2025-07-01", None, ["Alexus G. Grynkewich"], "Grynkewich", "medium", None),
    ("Rafael Grossi", "IAEA", O, "Director General of the IAEA", "2019-12-03", None, ["Rafael Mariano Grossi"], "Grossi", "high", None),
]

# Persons (from the Factbook leaders too) whose Wikidata id the author is certain of.
PERSON_WIKIDATA = {
    "person:donald-trump": "Q22686",
    "person:vladimir-putin": "Q7747",
    "person:xi-jinping": "Q15031",
    "person:kim-jong-un": "Q56226",
    "person:narendra-modi": "Q1058",
    "person:emmanuel-macron": "Q3052772",
    "person:benjamin-netanyahu": "Q43723",
    "person:volodymyr-zelenskyy": "Q3874799",
    "person:mark-rutte": "Q57792",
    "person:antonio-guterres": "Q311440",
}

# Factbook leader names that news prints differently: id -> (name, extra aliases, short form or None)
LEADER_OVERRIDE = {
    "person:muhammad-bin-salman-bin-abd-al-aziz-al-saud": ("Mohammed bin Salman", ["Muhammad bin Salman", "Mohammad bin Salman",
                                                             ("MBS", "exact"), "Crown Prince Mohammed bin Salman"], None),
    "person:salman-bin-abd-al-aziz-al-saud": ("Salman bin Abdulaziz", ["Salman bin Abdulaziz Al Saud", "King Salman"], None),
    "person:pedro-sanchez-perez-castejon": ("Pedro Sánchez", ["Pedro Sanchez", "Pedro Sánchez Pérez-Castejón"], "Sánchez"),
    "person:ali-hoseini-khamenei": ("Ali Khamenei", ["Ali Hosseini Khamenei", "Ayatollah Ali Khamenei", "Ayatollah Khamenei"], "Khamenei"),
    "person:benyamin-netanyahu": ("Benjamin Netanyahu", ["Benyamin Netanyahu"], "Netanyahu"),
    "person:volodymyr-zelenskyy": ("Volodymyr Zelenskyy", ["Volodymyr Zelensky", "Volodymyr Zelenskiy", "Zelensky", "Zelenskiy"],
                                   "Zelenskyy"),
    "person:luiz-inacio-lula-da-silva": ("Luiz Inácio Lula da Silva", ["Lula da Silva", "Luiz Inacio Lula da Silva"], "Lula"),
}

# Family names of current leaders that are also English words ("trump", "macron", "tusk") but that news
# writes capitalized for the person: matched alone like the others (see gendict.promote_leader_surnames).
ALONE_THOUGH_WORD = {
    "person:donald-trump": "Trump",
    "person:emmanuel-macron": "Macron",
    "person:donald-tusk": "Tusk",
}

ORG_OF = {"NATO": "org:intl:nato", "UN": "org:intl:un", "EU": "org:intl:eu", "IAEA": "org:intl:iaea"}


def _slug(s):
    import unicodedata
    import re
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def officials():
    out = []
    for name, cc, kind, office, vf, vt, als, short, conf, wd in ROWS:
        if conf == "skip":
            continue
        e = {"id": "person:" + _slug(name), "label": "person", "kind": kind, "name": name}
        aliases = []
        for a in als:
            if a != name and a not in aliases:
                aliases.append(a)
        if short and short != name:
            aliases.append({"text": short, "match": "short"})
        if aliases:
            e["aliases"] = aliases
        if cc in ORG_OF:
            e["refers_to"] = ORG_OF[cc]
        else:
            e["country"] = cc
        e["office"] = office
        if vf:
            e["valid_from"] = vf
        if vt:
            e["valid_to"] = vt
        e["last_checked"] = LAST_CHECKED
        if wd:
            e["wikidata"] = wd
        e["attrs"] = {"confidence": conf, "source": "hand-curated"}
        out.append(e)
    return out
