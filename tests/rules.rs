//! The rule stage: each rule family, document-level linking, acronyms,
//! disambiguation by titles, datelines, explain and rule-file errors. The
//! taggers use the starter dictionary and the built-in rules, so that the
//! cases do not move with the generated dictionaries.

use gazetag::rules::RuleSet;
use gazetag::{Dictionary, Doc, EntityRef, Evidence, Label, LocalEntity, Rules, Span, Tagger};

const STARTER: &str = include_str!("data/seed_dictionary.jsonl");
const EXTRA: &str = r#"
{"id": "place:country:JO", "label": "place", "kind": "country", "name": "Jordan", "country": "JO", "priority": 20}
{"id": "place:country:GE", "label": "place", "kind": "country", "name": "Georgia", "country": "GE", "priority": 20}
{"id": "place:country:IT", "label": "place", "kind": "country", "name": "Italy", "country": "IT", "priority": 20}
{"id": "place:city:chicago", "label": "place", "kind": "city", "name": "Chicago", "country": "US", "population": 2700000}
{"id": "place:city:paris", "label": "place", "kind": "city", "name": "Paris", "country": "FR", "population": 2100000}
{"id": "place:city:houston", "label": "place", "kind": "city", "name": "Houston", "country": "US", "population": 2300000}
{"id": "org:sports_team:minnesota-twins", "label": "organization", "kind": "sports_team", "name": "Minnesota Twins"}
"#;

fn tagger() -> Tagger {
    let dict = Dictionary::from_jsonl_str("seed.jsonl", STARTER).unwrap();
    let extra = Dictionary::from_jsonl_str("extra.jsonl", EXTRA).unwrap();
    Tagger::builder()
        .rules(Rules::Builtin)
        .dictionary(dict)
        .dictionary(extra)
        .build()
        .unwrap()
}

/// A tagger with the built-in rules and the dictionary `jsonl` alone.
fn tagger_with(jsonl: &str) -> Tagger {
    let dict = Dictionary::from_jsonl_str("test.jsonl", jsonl).unwrap();
    Tagger::builder()
        .rules(Rules::Builtin)
        .dictionary(dict)
        .build()
        .unwrap()
}

/// (surface, entity id) of every mention.
fn entity_ids<'d>(doc: &'d Doc<'_>) -> Vec<(&'d str, Option<&'d str>)> {
    doc.mentions()
        .iter()
        .map(|m| (doc.surface(m), doc.entity_id(m)))
        .collect()
}

/// The local entity of the first mention whose surface is `surface`.
fn local_named<'d>(doc: &'d Doc<'_>, surface: &str) -> Option<&'d LocalEntity> {
    let m = doc.mentions().iter().find(|m| doc.surface(m) == surface)?;
    match m.entity {
        EntityRef::Local(i) => doc.local_entities().get(i as usize),
        _ => None,
    }
}

/// (surface, label, rule or "" for dictionary evidence)
fn found(tagger: &Tagger, text: &str) -> Vec<(String, &'static str, String)> {
    let doc = tagger.tag(text);
    doc.mentions()
        .iter()
        .map(|m| {
            let rule = match m.evidence {
                Evidence::Rule { rule } => doc.rule_name(rule).to_string(),
                _ => String::new(),
            };
            (doc.surface(m).to_string(), m.label.as_str(), rule)
        })
        .collect()
}

/// Whether `got` (of [`found`]) holds `surface` with `label`.
fn labelled(got: &[(String, &'static str, String)], surface: &str, label: &str) -> bool {
    got.iter().any(|(s, l, _)| s == surface && *l == label)
}

#[test]
fn rule_families() {
    let tagger = tagger();
    // (text, surface, label, rule)
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "Mr. Jordan said on Monday.",
            "Jordan",
            "person",
            "honorific_name",
        ),
        (
            "\"It was good,\" said Parnevik. He left.",
            "Parnevik",
            "person",
            "quote_speaker",
        ),
        (
            "\"Bad,\" says Lama Fakih, HRW deputy director.",
            "Lama Fakih",
            "person",
            "quote_speaker",
        ),
        (
            "Aisby is a village in the district of South Kesteven.",
            "Aisby",
            "place",
            "place_apposition",
        ),
        (
            "Daquq, a Kurdish-controlled town about 30km south of Kirkuk, fell.",
            "Daquq",
            "place",
            "place_apposition",
        ),
        (
            "Briefing\nSECRETARY KERRY: We talked about Aleppo.",
            "KERRY",
            "person",
            "transcript_speaker",
        ),
        (
            "Dr. Jane Roe spoke.",
            "Jane Roe",
            "person",
            "honorific_name",
        ),
        (
            "Lt. Gen. Paul LaCamera spoke.",
            "Paul LaCamera",
            "person",
            "rank_name",
        ),
        (
            "NATO spokesman Lieutenant-Colonel Max Marriner said in Sarajevo.",
            "Max Marriner",
            "person",
            "rank_name",
        ),
        (
            "Zairean Prime Minister Kengo wa Dondo said at the end of a visit.",
            "Kengo wa Dondo",
            "person",
            "office_name",
        ),
        (
            "South Korean Defense Minister Kim Yong-hyun met troops.",
            "Kim Yong-hyun",
            "person",
            "office_name",
        ),
        (
            "President Zelenskiy spoke.",
            "Zelenskiy",
            "person",
            "office_name",
        ),
        (
            "said spokesman Ivan Petrov.",
            "Ivan Petrov",
            "person",
            "role_name",
        ),
        (
            "Jane Doe, a spokeswoman for the ministry, said no.",
            "Jane Doe",
            "person",
            "apposition_office",
        ),
        (
            "John Smith arrived.",
            "John Smith",
            "person",
            "given_surname",
        ),
        (
            "He met John M. Smith there.",
            "John M. Smith",
            "person",
            "given_surname",
        ),
        (
            "the University of Chicago said",
            "University of Chicago",
            "organization",
            "org_of",
        ),
        (
            "shares of Acme Widget Corp rose",
            "Acme Widget Corp",
            "organization",
            "org_suffix",
        ),
        (
            "fighting in Helmand Province went on",
            "Helmand Province",
            "place",
            "place_suffix",
        ),
        (
            "ships in the Gulf of Aden were hit",
            "Gulf of Aden",
            "place",
            "place_of",
        ),
        (
            "He grew up in Bridgton, Georgia and left.",
            "Bridgton",
            "place",
            "place_comma_region",
        ),
        (
            "5. Falk Balzer (Italy) 13.52",
            "Falk Balzer",
            "person",
            "name_before_country",
        ),
        (
            "Then Yrjan Moen shot 67.",
            "Yrjan Moen",
            "person",
            "name_surname",
        ),
        (
            "He pitched for the Chicago Cubbies in May.",
            "Chicago Cubbies",
            "organization",
            "place_named_org",
        ),
        (
            "He served with the Army of the Potomac until May.",
            "Army of the Potomac",
            "organization",
            "org_of",
        ),
        (
            "a bridge over the River Jamuna, the agency said",
            "River Jamuna",
            "place",
            "place_head",
        ),
        (
            "The line ran to Hancock Pond and back.",
            "Hancock Pond",
            "place",
            "place_suffix",
        ),
        (
            "with keyboardist Butch Taylor and others",
            "Butch Taylor",
            "person",
            "role_name",
        ),
        // Fixtures: the names beside "v".
        (
            "Postponed: St Johnstone v Dundee, Chicago v Clydebank.",
            "St Johnstone",
            "organization",
            "fixture_home",
        ),
        (
            "Postponed: St Johnstone v Dundee, Chicago v Clydebank.",
            "Clydebank",
            "organization",
            "fixture_away",
        ),
        // A publication named before its kind.
        (
            "the Zycie Warszawy daily said on Friday.",
            "Zycie Warszawy",
            "organization",
            "press_name",
        ),
        (
            "quoted by Le Matin newspaper, he said.",
            "Le Matin",
            "organization",
            "press_name",
        ),
        // A word that ends other names ("Financial Times"), an article of
        // the name's language, or "Sunday" may open a publication's name.
        (
            "Britain's Guardian newspaper said.",
            "Guardian",
            "organization",
            "press_name",
        ),
        (
            "The Daily Telegraph newspaper said.",
            "Daily Telegraph",
            "organization",
            "press_name",
        ),
        (
            "He left. But Le Matin newspaper said so.",
            "Le Matin",
            "organization",
            "press_name",
        ),
        (
            "The Sunday Mail newspaper branded it.",
            "Sunday Mail",
            "organization",
            "press_name",
        ),
        (
            "the official newspaper El Peruano said.",
            "El Peruano",
            "organization",
            "org_kind_name",
        ),
        (
            "the daily La Repubblica reported.",
            "La Repubblica",
            "organization",
            "org_kind_name",
        ),
        (
            "Tokyo's Mainichi Shimbun said.",
            "Mainichi Shimbun",
            "organization",
            "org_suffix",
        ),
        // Initials in capitals before the club's city.
        (
            "He left FC Tokyo for Seoul.",
            "FC Tokyo",
            "organization",
            "club_name",
        ),
        // Without "the": a place before an unknown capitalized word.
        (
            "It said Chicago Biological, a private company, owns 55 pct.",
            "Chicago Biological",
            "organization",
            "place_named_org_bare",
        ),
        (
            "Boston Connector deployed new readers.",
            "Boston Connector",
            "organization",
            "place_named_org_bare",
        ),
        (
            "Spain's Cardinal Joseph Bernardin spoke.",
            "Joseph Bernardin",
            "person",
            "honorific_name",
        ),
        (
            "awards by the NAACP for their work",
            "NAACP",
            "organization",
            "acronym_org",
        ),
        (
            "Paris Hilton flew to Paris.",
            "Paris Hilton",
            "person",
            "place_given_surname",
        ),
        (
            "Since then the Coalition conducted 12 strikes.",
            "Coalition",
            "organization",
            "named_coalition",
        ),
        (
            "Later, Hayley left the band.",
            "Hayley",
            "person",
            "given_alone",
        ),
        (
            "KANDAHAR, July 31 (Reuters) - Fighting",
            "KANDAHAR",
            "place",
            "dateline",
        ),
        (
            "a car bomb in the rebel-held town of Azaz near the border",
            "Azaz",
            "place",
            "place_kind_of",
        ),
        (
            "at the mining town of San Ignasio, officials said",
            "San Ignasio",
            "place",
            "place_kind_of",
        ),
        (
            "marching towards the villages of Lougou and Tougana, where",
            "Lougou",
            "place",
            "place_kind_of",
        ),
        (
            "Near Tal Afar, three strikes destroyed a tunnel.",
            "Tal Afar",
            "place",
            "near_place",
        ),
        (
            "Near Al Huwayjah, one strike engaged a unit.",
            "Al Huwayjah",
            "place",
            "near_place",
        ),
        (
            "a plant near Winnemucca, Nev., closed",
            "Winnemucca",
            "place",
            "near_place",
        ),
        (
            "northwest to the Tigris river, crossing",
            "Tigris",
            "place",
            "place_lower_noun",
        ),
        (
            "The Tigris river is low.",
            "Tigris",
            "place",
            "place_lower_noun",
        ),
        (
            "Fed Chair Jerome Powell said so.",
            "Jerome Powell",
            "person",
            "office_name",
        ),
        (
            "in Baghdad's popular Karrada neighbourhood, a place",
            "Karrada",
            "place",
            "place_lower_noun",
        ),
        (
            "residents of Camp Hurriya were moved",
            "Camp Hurriya",
            "place",
            "place_head",
        ),
        (
            "tanks from Tiyas Military Airfield were seized",
            "Tiyas Military Airfield",
            "place",
            "place_suffix",
        ),
        (
            "troops of the 82nd Airborne Division landed",
            "82nd Airborne Division",
            "organization",
            "military_unit",
        ),
        (
            "in the U.S. 5th Fleet area of operations",
            "5th Fleet",
            "organization",
            "military_unit",
        ),
        (
            "soldiers of the 101st Airborne, and",
            "101st Airborne",
            "organization",
            "military_unit",
        ),
        (
            "British 16 Air Assault Brigade deployed",
            "16 Air Assault Brigade",
            "organization",
            "military_unit",
        ),
        (
            "the Second Infantry Division moved",
            "Second Infantry Division",
            "organization",
            "military_unit",
        ),
        (
            "the Eighth Army crossed",
            "Eighth Army",
            "organization",
            "military_unit",
        ),
        (
            "The 65th Air Division directed base construction",
            "65th Air Division",
            "organization",
            "military_unit",
        ),
        (
            "as about 100 Air Chicago workers marched",
            "Air Chicago",
            "organization",
            "airline_name",
        ),
        (
            "stones thrown at Dynamo Paris players",
            "Dynamo Paris",
            "organization",
            "club_name",
        ),
        (
            "-- Jim Ballantyne, Chicago Newsroom +44 171",
            "Chicago Newsroom",
            "organization",
            "org_suffix",
        ),
        (
            "a goal by Ronald de Boer in the first half",
            "Ronald de Boer",
            "person",
            "given_surname",
        ),
        (
            "the emperor Wang Shichong, seeing no hope",
            "Wang Shichong",
            "person",
            "chinese_name",
        ),
        (
            "The Chicago Department of Law Enforcement said",
            "Chicago Department of Law Enforcement",
            "organization",
            "org_suffix",
        ),
        // A name and its possessive before a legal form: the firm's name.
        (
            "Shares of McDonald's Corp rose.",
            "McDonald's Corp",
            "organization",
            "possessive_firm",
        ),
        (
            "the rating by Standard and Poor's Corp on Monday",
            "Standard and Poor's Corp",
            "organization",
            "possessive_firm",
        ),
        // A hall of fame, by the words before it.
        (
            "He was elected to the Baseball Hall of Fame in 1970.",
            "Baseball Hall of Fame",
            "organization",
            "hall_of_fame",
        ),
        (
            "There is also a Badminton Canada's Hall of Fame.",
            "Badminton Canada's Hall of Fame",
            "organization",
            "hall_of_fame",
        ),
        // A bank named in its own language.
        (
            "A spokesman for Banco do Brasil said so.",
            "Banco do Brasil",
            "organization",
            "bank_of",
        ),
        (
            "Banca del Monte di Parma said it would issue bonds.",
            "Banca del Monte di Parma",
            "organization",
            "bank_of",
        ),
        (
            "Among them are Banco di Sicilia and Efibanca Spa.",
            "Banco di Sicilia",
            "organization",
            "bank_of",
        ),
        // An initial, then the first name and the family name.
        (
            "Chief financial officer H. Neil Nichols said he was surprised.",
            "H. Neil Nichols",
            "person",
            "initials_surname",
        ),
        (
            "M. Waugh scored 50.",
            "M. Waugh",
            "person",
            "initials_surname",
        ),
        // A first name no list knows before initials and a family name.
        (
            "Delwyn J. Langejans is an American luthier.",
            "Delwyn J. Langejans",
            "person",
            "forename_initials_surname",
        ),
        (
            "the company named Davia B. Temin as its head",
            "Davia B. Temin",
            "person",
            "forename_initials_surname",
        ),
        // '&' joins the words of a firm's name, as a literal of the
        // pattern: a symbol, looked up as a word is.
        (
            "Shares of Douglas & Lomason Co rose.",
            "Douglas & Lomason Co",
            "organization",
            "org_suffix",
        ),
        (
            "said Michael Ancell, analyst at Edward D. Jones & Co. on Friday",
            "Edward D. Jones & Co.",
            "organization",
            "org_suffix",
        ),
        (
            "an officer at First Albany Corp. said",
            "First Albany Corp.",
            "organization",
            "org_suffix",
        ),
        (
            "shares of Pirelli SpA rose",
            "Pirelli SpA",
            "organization",
            "org_suffix",
        ),
        (
            "shares in Cofinec S.A. plunged",
            "Cofinec S.A.",
            "organization",
            "org_suffix",
        ),
        // A compound adjective before a firm is no word of its name.
        (
            "said St. Louis-based Mercantile Bancorp Inc. on Friday",
            "Mercantile Bancorp Inc.",
            "organization",
            "org_suffix",
        ),
        (
            "Daniels Pharmaceuticals manufactures drugs",
            "Daniels Pharmaceuticals",
            "organization",
            "org_suffix",
        ),
        (
            "the Yugoslav news agency Tanjug reported",
            "Tanjug",
            "organization",
            "org_kind_name",
        ),
        (
            "said the German company Zueblin, which",
            "Zueblin",
            "organization",
            "org_kind_name",
        ),
        (
            "referring to the band Deadsy, whose members",
            "Deadsy",
            "organization",
            "org_kind_name",
        ),
        // Kinds of firms; a particle and a place inside the name, a
        // firm's suffix at its end; "and" before a lower-case word.
        (
            "Pirelli shares rose after tyre and cables giant Pirelli said",
            "Pirelli",
            "organization",
            "org_kind_name",
        ),
        (
            "ENI's subsidiary Ecofuel will join",
            "Ecofuel",
            "organization",
            "org_kind_name",
        ),
        (
            "orders from French state utility Electricite de France and the",
            "Electricite de France",
            "organization",
            "org_kind_name",
        ),
        (
            "the state oil company Petroleos de Venezuela will",
            "Petroleos de Venezuela",
            "organization",
            "org_kind_name",
        ),
        (
            "its West German subsidiary Harms Bergung GmbH was",
            "Harms Bergung GmbH",
            "organization",
            "org_kind_name",
        ),
        (
            "the state oil company Pertamina and foreign firms",
            "Pertamina",
            "organization",
            "org_kind_name",
        ),
        // An organization's name ends before an office that opens a
        // person's title, but may end in an office word no name follows.
        (
            "said Bank of Finland Governor Rolf Kullberg today",
            "Rolf Kullberg",
            "person",
            "office_name",
        ),
        (
            "remarks from the U.S. Council of Economic Advisers Chairman Beryl Sprinkel who",
            "U.S. Council of Economic Advisers",
            "organization",
            "org_suffix",
        ),
        (
            "remarks from the U.S. Council of Economic Advisers Chairman Beryl Sprinkel who",
            "Beryl Sprinkel",
            "person",
            "office_name",
        ),
        // Trades and kin before a name.
        (
            "talks with French businessman Jean-Baptiste Doumeng ended",
            "Jean-Baptiste Doumeng",
            "person",
            "role_name",
        ),
        (
            "Armin Dassler and his brother Gerd hold all the shares",
            "Gerd",
            "person",
            "role_name",
        ),
        (
            "Squad: Arjuna Ranatunga (captain), Sanath Jayasuriya",
            "Arjuna Ranatunga",
            "person",
            "name_before_role",
        ),
        // The name after a role takes over a place ("Jordan", "Durham").
        (
            "Dublin-born director Neil Jordan has defended his film",
            "Neil Jordan",
            "person",
            "role_name",
        ),
        (
            "said Phelps Dodge chairman G. Robert Durham today",
            "G. Robert Durham",
            "person",
            "role_name",
        ),
        (
            "the 11th-seeded finalist MaliVai Washington fell short",
            "MaliVai Washington",
            "person",
            "role_name",
        ),
        // A firm after a role stays a firm.
        (
            "priced at par, lead manager Wood Gundy Ltd said",
            "Wood Gundy Ltd",
            "organization",
            "org_suffix",
        ),
        (
            "said his mother Nurbika Mamatuyeva in Grozny",
            "Nurbika Mamatuyeva",
            "person",
            "role_name",
        ),
        // "and" inside a firm's name, not between two firms.
        (
            "shares of Procter and Gamble Co rose",
            "Procter and Gamble Co",
            "organization",
            "org_suffix",
        ),
        // A suffix that "and" joins to the next word of the name.
        (
            "approved by the Securities and Exchange Commission.",
            "Securities and Exchange Commission",
            "organization",
            "org_suffix",
        ),
        (
            "formerly Peninsula Federal Savings and Loan Association, on",
            "Peninsula Federal Savings and Loan Association",
            "organization",
            "org_suffix",
        ),
        // "Administration" ends an organization's name, but after a
        // leader's name it is his.
        (
            "the Food and Drug Administration said",
            "Food and Drug Administration",
            "organization",
            "org_suffix",
        ),
        (
            "the Reagan Administration wants help",
            "Reagan",
            "person",
            "leader_administration",
        ),
        // No person's name starts with a word that ends an organization's
        // or names an office.
        (
            "in the Justice Department's antitrust division",
            "Justice Department",
            "organization",
            "org_suffix",
        ),
        (
            "as is Chief Financial Officer Gary B. Erekson, a director",
            "Gary B. Erekson",
            "person",
            "office_name",
        ),
        (
            "Williams Cos said a fourth quarter charge",
            "Williams Cos",
            "organization",
            "org_suffix",
        ),
        // A particle may start a firm's name.
        (
            "The Du Pont Co said it has",
            "Du Pont Co",
            "organization",
            "org_suffix",
        ),
        // A unit named for a country, with its legal form.
        (
            "Mitsubishi Motor Sales of America Inc said sales rose",
            "Mitsubishi Motor Sales of America Inc",
            "organization",
            "firm_of_place",
        ),
        // A name that goes on past "and" after "the" and a place.
        (
            "on the London International Financial Futures and Options Exchange was higher",
            "London International Financial Futures and Options Exchange",
            "organization",
            "org_suffix",
        ),
        // A numeral ends a name after a rank.
        (
            "Brigadier General Glenn A. Profitt II, 24 January 1989",
            "Glenn A. Profitt II",
            "person",
            "rank_name",
        ),
        // Names joined by "&".
        (
            "Douglas & Lomason shares rose on the merger",
            "Douglas & Lomason",
            "organization",
            "ampersand_firm",
        ),
        // A body named by one word.
        (
            "was signed on February 24, the Treasury said.",
            "Treasury",
            "organization",
            "named_body",
        ),
        (
            "the Senate voted 58 to 31 to halve aid",
            "Senate",
            "organization",
            "named_body",
        ),
        (
            "still ahead of Labour and the Alliance",
            "Labour",
            "organization",
            "named_body",
        ),
        (
            "The Commission said on Friday it would act.",
            "Commission",
            "organization",
            "named_body",
        ),
        (
            "The Ministry recently called on Japan's chip makers.",
            "Ministry",
            "organization",
            "named_body",
        ),
        (
            "the Central Bank said it would act.",
            "Central Bank",
            "organization",
            "named_body",
        ),
        // The words a rule read after a name may start the next one.
        (
            "It passed the House and Senate last year.",
            "Senate",
            "organization",
            "named_body",
        ),
        (
            "he expected Bank president Barber Conable to back it.",
            "Barber Conable",
            "person",
            "role_name",
        ),
        // "and Co" ends a firm's name.
        (
            "the company named Kidder, Peabody and Co Inc as lead manager",
            "Kidder, Peabody and Co Inc",
            "organization",
            "firm_and_co",
        ),
        (
            "Chiyoda Fire and Marine Insurance Co said",
            "Chiyoda Fire and Marine Insurance Co",
            "organization",
            "org_suffix",
        ),
        (
            "both Johnson Controls Inc and Lear Corp bid",
            "Lear Corp",
            "organization",
            "org_suffix",
        ),
        // An acronym before a capitalized word starts a longer name.
        (
            "an injunction that would require LTV Corp to reinstate",
            "LTV Corp",
            "organization",
            "org_suffix",
        ),
        (
            "said the cable television network CNBC Friday",
            "CNBC",
            "organization",
            "acronym_org",
        ),
        // An article is no part of the name.
        (
            "the bank said. A Finance Ministry official confirmed it",
            "Finance Ministry",
            "organization",
            "org_suffix",
        ),
        // A firm before an apposition of a role stays a firm.
        (
            "developed with Microsoft Corp, the author of MS-DOS",
            "Microsoft Corp",
            "organization",
            "org_suffix",
        ),
        (
            "Shares of Bankers Trust Co, a joint lead manager, rose",
            "Bankers Trust Co",
            "organization",
            "org_suffix",
        ),
        (
            "and Usayran, the son of the defense minister, left",
            "Usayran",
            "person",
            "apposition_office",
        ),
        (
            "a spokeswoman for the Chamber of Mines said",
            "Chamber of Mines",
            "organization",
            "org_of",
        ),
        (
            "sponsored by the Commission on Presidential Debates, a group",
            "Commission on Presidential Debates",
            "organization",
            "org_of",
        ),
        (
            "the Office of Public Counsel could find no evidence",
            "Office of Public Counsel",
            "organization",
            "org_of_office",
        ),
        (
            "the Office of the Secretary of Defense said",
            "Office of the Secretary of Defense",
            "organization",
            "org_of",
        ),
        (
            "bolstered by the National Association of Attorneys General, a group",
            "National Association of Attorneys General",
            "organization",
            "org_suffix_office",
        ),
        // Features of the land, a direction or "Great" before them.
        (
            "Near Bandarlapalle the Deccan Plateau ends.",
            "Deccan Plateau",
            "place",
            "place_suffix",
        ),
        (
            "They sailed along the Great Barrier Reef for days.",
            "Great Barrier Reef",
            "place",
            "place_suffix",
        ),
        // Roads by their numbers.
        (
            "The crash closed U.S. Highway 41 near the town.",
            "U.S. Highway 41",
            "place",
            "road_number",
        ),
        (
            "Along State Route 267, traffic was heavy.",
            "State Route 267",
            "place",
            "road_number",
        ),
        // A given name that is also a word, before a name word.
        (
            "Russ Cochran 67 Mark Calcavecchia, Payne Stewart",
            "Mark Calcavecchia",
            "person",
            "given_surname",
        ),
        (
            "Jay Buhner hit his 38th homer.",
            "Jay Buhner",
            "person",
            "given_surname",
        ),
        // A part of a place no dictionary names whole.
        (
            "He grew up in South Chicago, he said.",
            "South Chicago",
            "place",
            "compass_place",
        ),
        (
            "the thrift market of Southern Houston is weak",
            "Southern Houston",
            "place",
            "compass_place",
        ),
    ];
    for &(text, surface, label, rule) in cases {
        let got = found(&tagger, text);
        assert!(
            got.contains(&(surface.to_string(), label, rule.to_string())),
            "{:?}: want ({}, {}, {}) in {:?}",
            text,
            surface,
            label,
            rule,
            got
        );
    }
}

#[test]
fn capitalized_words_that_name_no_organization() {
    let tagger = tagger();
    // Each text has a place before a capitalized word that names no
    // organization: a person whose given name is a place, a title, a party
    // member, a head of an organization, an abbreviation in capitals, a
    // firm's suffix (org_suffix's name), "and" (a longer firm's name), an
    // event.
    let texts = [
        "the pitcher Jordan Zimmerman left",
        "He met Chicago Cardinal Joseph Bernardin there.",
        "said Sen. Smith, a Chicago Democrat, on Monday.",
        "the Houston Council met",
        "rates of U.S. Firms fell",
        "He said Chicago Land and Exploration Co will buy it.",
        "since the Paris War ended",
    ];
    for text in texts {
        let got = found(&tagger, text);
        assert!(
            !got.iter()
                .any(|(_, _, rule)| rule == "place_named_org_bare"),
            "{text}: {got:?}"
        );
    }
    let got = found(
        &tagger,
        "He said Chicago Land and Exploration Co will buy it.",
    );
    assert!(
        labelled(&got, "Chicago Land and Exploration Co", "organization"),
        "{got:?}"
    );
    // "daily" is a publication's kind only before a verb or punctuation, and
    // a party's name is no publication's.
    for text in [
        "a 20 Ecu daily rebate was set",
        "the Communist Party newspaper Pravda said",
        "On Sunday newspapers said it.",
        "the Sunday newspaper of the party said",
    ] {
        let got = found(&tagger, text);
        assert!(
            got.iter().all(|(_, _, rule)| rule != "press_name"),
            "{got:?}"
        );
    }
    // "V" in capitals is an initial, not a fixture.
    let got = found(
        &tagger,
        "He left.\n Yurij V. Ponomarev, the director, spoke.",
    );
    assert!(
        got.iter().all(|(_, _, rule)| !rule.starts_with("fixture")),
        "{got:?}"
    );
    // Club initials count in capitals only: "As" is a word.
    let got = found(&tagger, "As Tokyo slept, he left.");
    assert!(
        got.iter().all(|(_, _, rule)| rule != "club_name"),
        "{got:?}"
    );
}

/// (text, names the list rule must find, names it must not)
#[test]
fn people_listed_beside_people() {
    let tagger = tagger();
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "The team: John Smith, Kumara Dharmasena, Chaminda Vaas, Muthiah Muralitharan.",
            &["Kumara Dharmasena", "Chaminda Vaas", "Muthiah Muralitharan"],
            &[],
        ),
        (
            "He met opposition leaders Zenon Poznyak and John Smith.",
            &["Zenon Poznyak"],
            &[],
        ),
        (
            "Maarten den Bakker, John Smith and Forrest J Ackerman (Netherlands)",
            &["Maarten den Bakker", "Forrest J Ackerman"],
            &[],
        ),
        // A squad names its captain in parentheses, and the list goes on
        // past such a note.
        (
            "Squad: Arjuna Ranatunga (captain), Sanath Jayasuriya, Romesh Kaluwitharana.",
            &["Sanath Jayasuriya", "Romesh Kaluwitharana"],
            &[],
        ),
        // A list goes on across a line break after a comma, not across a
        // blank line.
        (
            "Squad: Arjuna Ranatunga (captain), Sanath Jayasuriya ,\nRomesh Kaluwitharana.",
            &["Sanath Jayasuriya", "Romesh Kaluwitharana"],
            &[],
        ),
        (
            "Squad: Arjuna Ranatunga (captain), Sanath Jayasuriya ,\n\nRomesh Kaluwitharana.",
            &["Sanath Jayasuriya"],
            &["Romesh Kaluwitharana"],
        ),
        // Not items: a firm of partners, an apposition, an adverb, a band,
        // an abbreviation, a person who ends no item.
        (
            "Merrill Lynch, Smith Barney and Dean Witter",
            &[],
            &["Smith Barney"],
        ),
        (
            "John Smith, Acme Widgets chairman, said",
            &[],
            &["Acme Widgets"],
        ),
        (
            "However, John Smith went home. Meanwhile, Mary Jones",
            &[],
            &["However", "Meanwhile"],
        ),
        ("John Smith & Hootie Blowfish", &[], &["Hootie Blowfish"]),
        ("Democratic Sens. John Smith", &[], &["Democratic Sens"]),
        (
            "John Smith, Foreign Minister Bob Ray, and",
            &[],
            &["Foreign Minister Bob Ray"],
        ),
    ];
    for &(text, want, not) in cases {
        let got = found(&tagger, text);
        let listed: Vec<&str> = got
            .iter()
            .filter(|(_, label, rule)| *label == "person" && rule == "list_person")
            .map(|(s, _, _)| s.as_str())
            .collect();
        for w in want {
            assert!(listed.contains(w), "{text}: want {w} in {got:?}");
        }
        for n in not {
            assert!(
                got.iter().all(|(s, _, _)| s != n),
                "{text}: {n} must not be a mention: {got:?}"
            );
        }
    }
}

#[test]
fn sports_agate_names_people() {
    let tagger = tagger();
    // (text, people with their rule ("": any rule, for names that other
    // rules find first), surfaces that must not be people)
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);
    let cases: &[Case] = &[
        (
            "Turkey - 1 - Rustu Recber , 4 - Hakan Unsal ( 14 - Sergen Yalcin , 57th ) , 5 - Alpay Ozalan , 7- Abdullah Ercan",
            &[("Rustu Recber", "lineup"), ("Hakan Unsal", "lineup"), ("Sergen Yalcin", "lineup"), ("Alpay Ozalan", "lineup"), ("Abdullah Ercan", "")],
            &[],
        ),
        (
            "Mexico - 1 - Osvaldo Sanchez ( 12 - Alfonso Rios 78th ) ; 13 - Pavel Pardo , 5 - Duilio Davino",
            &[("Osvaldo Sanchez", ""), ("Alfonso Rios", ""), ("Duilio Davino", "lineup")],
            &[],
        ),
        (
            "Scorers : Andy Townsend ( 5th ) , Niall Quinn ( 11th , 61st ) , Van Gastel ( 90th )",
            &[("Andy Townsend", ""), ("Niall Quinn", "scorer"), ("Van Gastel", "scorer")],
            &[],
        ),
        // A place inside the name gives way; a place that is the whole
        // name does not.
        (
            "Italy - Zinzan Chicago ( 31st ) . Duilio Davino ( Becerril 46th ) . Italy ( 2nd )",
            &[("Zinzan Chicago", "scorer"), ("Becerril", "scorer")],
            &["Italy"],
        ),
        (
            "M. Bevan c Vaas b Chandana 56\nD. Lehmann st Kaluwitharana b Chandana 2\nA. Ranatunga lbw b Fleming 0\nM. Waugh c and b Jayasuriya 50\nR. Ponting not out 46\nA. Gurusinha run out 16\nInzamam-ul-Haq c Thorpe b Croft 6",
            &[
                ("M. Bevan", ""),
                ("Vaas", "scorecard"),
                ("Chandana", "scorecard"),
                ("D. Lehmann", ""),
                ("Kaluwitharana", "scorecard"),
                ("Fleming", "scorecard"),
                ("Jayasuriya", "scorecard"),
                ("R. Ponting", ""),
                ("A. Gurusinha", ""),
                ("Inzamam-ul-Haq", "scorecard"),
                ("Thorpe", "scorecard"),
            ],
            &[],
        ),
        (
            "Bowling : Vass 7-0-29-0 , de Silva 4-0-25-0 , Dharmasena\n9-0-49-1 .\nDid not bat : Dharmasena , Vaas , Muralitharan .",
            &[("Vass", "scorecard"), ("Dharmasena", "scorecard"), ("Muralitharan", "scorecard")],
            &[],
        ),
        // Scores, a lone numbered item, ordinals in prose, a batting line
        // with more after the runs: no people.
        (
            "Results : Romania 2 - Lithuania 1 , Bulgaria 0 - Israel 2 .\nItem 7 - Lower Prices , he said .\nThe 82nd Airborne ( 3rd Brigade ) moved.\nJohn Doe c Smith b Jones 5 runs today",
            &[],
            &["Lithuania", "Israel", "Lower Prices", "Airborne", "Smith", "Jones"],
        ),
    ];
    for &(text, want, not) in cases {
        let got = found(&tagger, text);
        for &(w, rule) in want {
            assert!(
                got.iter().any(|(s, label, r)| s == w
                    && *label == "person"
                    && (rule.is_empty() || r == rule)),
                "{text}: want {w} ({rule}) in {got:?}"
            );
        }
        for n in not {
            assert!(
                got.iter().all(|(s, label, _)| s != n || *label != "person"),
                "{text}: {n} must not be a person: {got:?}"
            );
        }
    }
}

#[test]
fn a_surname_beats_a_place_after_its_person() {
    let tagger = tagger();
    let text = "Mr. Michael Jordan arrived. Jordan said no. King Abdullah of Jordan met him.";
    let got = found(&tagger, text);
    let jordans: Vec<_> = got.iter().filter(|f| f.0 == "Jordan").collect();
    assert_eq!(jordans.len(), 2, "{got:?}");
    assert_eq!(
        (jordans[0].1, jordans[0].2.as_str()),
        ("person", "link_surname")
    );
    // After a preposition, the country.
    assert_eq!(jordans[1].1, "place");
}

#[test]
fn name_rules_keep_clear_of_other_names() {
    let tagger = tagger();
    for text in [
        // A title before a given name is no person "Engineer Edward".
        "the report said Engineer Edward Farr was late",
        // A surname that is also a word, after a capitalized word.
        "the Football League said",
        // A town before a possessive country: an apposition.
        "Kim Jong Un, North Korea's leader, spoke.",
        // One word before a country is a club.
        "Dinamo (Italy) won.",
        // A place after "the" before a lower-case word stays a place.
        "fighting in the Chicago area",
        // Acronyms that are words, units, numerals, codes; all-caps text.
        "The CEO said GDP rose 4 percent in 575 B.C. when I left",
        "the USS Hopper fired a VBIED at the 84 MW plant in part IV",
        "BEL20 rose and MTV2 aired",
        "AMNESTY SAYS PKK AND NAACP MET",
        // A given name that is also a word, or inside a longer name.
        "Will you come? Doyt Perry Stadium",
        // A speaker's title and firm after a quotation are no name.
        "\"We won,\" said Apple Chairman Sculley, who",
        // A transcript's question is no speaker.
        "Briefing\nQUESTION: Did you discuss it?\nMR KIRBY AND STAFF said",
        // A kind of place before a noun is a modifier: no place.
        "Bloggs Hill, a town councillor, said",
        "Bloggs Hill is a town councillor and",
        // An auxiliary capitalized after "U.S." (as wire copy does) is no
        // name of an organization.
        "the bank said the U.S. Has offered warships to escort tankers",
        // A determiner before a surname.
        "Another Babcock subsidiary, Vereinigte Kesselwerke, said",
        // One word after "on" is a topic, not a name's tail.
        "the Council on Drugs met",
        // A headline in capitals before a number is no dateline.
        "WIDGET MAKERS LAUNCH 100 MLN DLR ISSUE\nThe issue was priced",
        "UPDATE (3 August 2016): Within days",
        // A rank before a company's name is no person.
        "General Tire said General Acquisition Co and General Partners agreed",
        // Kinds of places that are no place before a name: "the state of
        // Yugoslav finances"; a name going on past the rule ("the town of
        // Las Paris"); a word in capitals before the name ("the West Coast
        // region").
        "on the state of Yugoslav finances",
        "the town of Las Paris",
        "the West Coast region and Asia/Pacific region",
        // Ordinals and numbers that name no military unit: a football
        // division, a count of contracts, a "Third Force" in politics.
        "promoted to the First Division in May",
        "won 5 Air Force contracts",
        "a Third Force between the parties",
        "the 3rd Division One match",
        // A given name after a kind of organization is a person's.
        "the team Michael Jordan led",
        // A place after a particle ends a firm's name, not a person's.
        "priced at par, lead manager Banque Nationale de Paris said",
        // A name that goes on past "and" or a firm's suffix is no name
        // of the kind's rule ("Cable", "Allegheny Sunbeam Corp. Allegheny").
        "a bid by British firm Cable and Wireless to buy",
        "the senior debt of a unit Allegheny Sunbeam Corp. Allegheny's stock",
        // A Chinese family name before a company's suffix.
        "shares of Wang Laboratories rose",
        // People joined by "&".
        "with personalities such as David Christison & Lee Tate, Howard Sattler",
        "written by Fresquito Fresquet & Angelo's grandfather",
        // Acronyms of things: "not available" in results, a fuel.
        "Net 5,521,000 vs NA",
        "to resume LNG exports, officials said",
    ] {
        let got = found(&tagger, text);
        assert!(
            got.iter().all(|(_, _, rule)| !matches!(
                rule.as_str(),
                "name_surname"
                    | "place_comma_region"
                    | "name_before_country"
                    | "place_named_org"
                    | "acronym_org"
                    | "acronym_org_first"
                    | "given_alone"
                    | "place_kind_of"
                    | "place_lower_noun"
                    | "military_unit"
                    | "org_kind_name"
                    | "chinese_name"
                    | "quote_speaker"
                    | "place_apposition"
                    | "transcript_speaker"
                    | "dateline"
                    | "rank_name"
                    | "role_name"
                    | "org_of"
                    | "ampersand_firm"
            )),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn one_word_bodies_only_alone_in_a_sentence() {
    let tagger = tagger();
    // At a sentence's start, or before another name word, the word is no
    // body of its own.
    for (text, word) in [
        ("Labour costs rose.", "Labour"),
        ("Treasury Secretary James Baker said", "Treasury"),
        ("the Senate Banking Committee said", "Senate"),
        // Nor before "of": a longer name's head.
        ("the Ministry of Finance said", "Ministry"),
        ("the Bank of Japan said", "Bank"),
    ] {
        let got = found(&tagger, text);
        assert!(!labelled(&got, word, "organization"), "{text}: {got:?}");
    }
}

#[test]
fn offices_and_kinds_of_organizations_name_no_person() {
    let tagger = tagger();
    for (text, not_a_person) in [
        (
            "in the Justice Department's antitrust division",
            "Department",
        ),
        (
            "said Ron Burgess, Deputy Director of Commodity Operations",
            "Director",
        ),
        ("the official Tanjug news agency said", "Tanjug"),
        // Nor does a word that ends a firm's name.
        (
            "is selling Hilton International to UAL",
            "Hilton International",
        ),
        (
            "the Reagan Administration wants help",
            "Reagan Administration",
        ),
    ] {
        let got = found(&tagger, text);
        assert!(!labelled(&got, not_a_person, "person"), "{text}: {got:?}");
    }
}

/// (text, the label of each mention of "Chicago" or "Houston", in order)
#[test]
fn sports_prose_makes_teams() {
    let tagger = tagger();
    let cases: &[(&str, &[&str])] = &[
        // Strong cues: a result between names, a role, a fixture.
        (
            "Chicago beat Houston on Friday.",
            &["organization", "organization"],
        ),
        (
            "Chicago captain John Smith scored twice.",
            &["organization"],
        ),
        ("Chicago's Australian captain left.", &["organization"]),
        ("Millwall v Houston (postponed)", &["organization"]),
        // A weak cue counts once the document is about sport; a place
        // named as a place stays one.
        (
            "Chicago captain John Smith scored. The match against Houston \
             was played in Chicago.",
            &["organization", "organization", "place"],
        ),
        ("The case against Houston was dropped.", &["place"]),
        // So it does where a dictionary names a team.
        (
            "Jim Thome homered for Chicago against the Minnesota Twins.",
            &["organization"],
        ),
        // Not teams: a place inside a name, a bus fare, a price.
        ("BANK OF CHICAGO MANAGER HURT IN ATTACK", &["place"]),
        (
            "coach fares between Chicago and Houston",
            &["place", "place"],
        ),
        ("on Friday, versus Chicago's $3.60", &["place"]),
    ];
    for &(text, want) in cases {
        let got: Vec<&str> = found(&tagger, text)
            .into_iter()
            .filter(|(s, _, _)| {
                s.eq_ignore_ascii_case("chicago") || s.eq_ignore_ascii_case("houston")
            })
            .map(|(_, label, _)| label)
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn market_indices_name_no_organization() {
    let tagger = tagger_with(concat!(
        r#"{"id": "org:dj", "label": "organization", "kind": "company", "name": "Dow Jones"}"#,
        "\n",
        r#"{"id": "org:ftse", "label": "organization", "kind": "company", "name": "FTSE"}"#,
        "\n",
        r#"{"id": "org:nasdaq", "label": "organization", "kind": "exchange", "name": "Nasdaq"}"#,
        "\n",
        r#"{"id": "org:treasury", "label": "organization", "kind": "ministry", "name": "Treasury"}"#,
    ));
    let orgs = |text: &str| -> Vec<String> {
        found(&tagger, text)
            .into_iter()
            .filter(|(_, label, _)| *label == "organization")
            .map(|(s, _, _)| s)
            .collect()
    };
    for text in [
        "The Dow Jones industrial average fell 31 points.",
        "London's FTSE 100 index climbed.",
        "The Nasdaq composite index closed lower.",
        "one of the Dow Jones industrials, he said",
    ] {
        assert_eq!(orgs(text), Vec::<String>::new(), "{text}");
    }
    // The organizations themselves, and an index-linked gilt's issuer.
    assert_eq!(orgs("Dow Jones and Co said."), ["Dow Jones and Co"]);
    assert_eq!(orgs("a Treasury index-linked stock due 1992"), ["Treasury"]);
}

#[test]
fn the_other_side_of_a_result_is_a_team() {
    let tagger = tagger();
    // (text, the teams found, in order)
    let cases: &[(&str, &[&str])] = &[
        // A name no dictionary knows, across a result from a team, and its
        // other uses in the text.
        (
            "Chicago beat Kumbaya Town by two runs. Later Kumbaya Town left.",
            &["Chicago", "Kumbaya Town", "Kumbaya Town"],
        ),
        ("Kumbaya v Chicago (postponed)", &["Kumbaya", "Chicago"]),
        // A name cut short by a word it may not hold, and a price.
        ("East Kumbaya v Chicago", &["Chicago"]),
        ("Chicago beat Kumbaya.", &["Chicago", "Kumbaya"]),
        ("CHICAGO BEAT KUMBAYA IN FINAL", &["CHICAGO"]),
    ];
    for &(text, want) in cases {
        let got: Vec<String> = found(&tagger, text)
            .into_iter()
            .filter(|(_, label, _)| *label == "organization")
            .map(|(s, _, _)| s)
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn teams_by_their_nicknames() {
    let tagger = tagger();
    let teams = |text: &str| -> Vec<String> {
        found(&tagger, text)
            .into_iter()
            .filter(|(_, label, rule)| *label == "organization" && rule == "score_table")
            .map(|(s, _, _)| s)
            .collect()
    };
    // A result names a nickname; the document is then about sport, and the
    // nickname's other uses are the team too.
    assert_eq!(
        teams("The Padres beat the Mets 6-4. Mets shortstop Rey Ordonez left."),
        ["Padres", "Mets", "Mets"]
    );
    // Not in a document about something else, not a place ("in the Alps"),
    // not an event ("the Olympics").
    assert!(teams("The Democrats met the Republicans.").is_empty());
    assert!(teams("Chicago beat Houston. Skiers trained in the Alps.")
        .iter()
        .all(|t| t != "Alps"));
    assert!(teams("Chicago beat Houston before the Olympics.")
        .iter()
        .all(|t| t != "Olympics"));
}

/// Price tables are no results: "Toledo 2.35 2.40" quotes grain.
#[test]
fn price_lines_make_no_teams() {
    let tagger = tagger();
    let text = "Cash grain prices:\nChicago 2.35 2.40\nHouston 2.31 2.38\n";
    assert!(found(&tagger, text).iter().all(|f| f.1 == "place"));
    // Quantities in groups of three are no scores either.
    let text = "Imports, in tonnes:\nChicago 2,444,260 (2,234,049), Houston 546,423 (595,635)\n";
    assert!(found(&tagger, text).iter().all(|f| f.1 == "place"));
}

#[test]
fn places_a_rule_found_are_teams_in_score_lines() {
    let tagger = tagger();
    // "Port Vale" (rule place_head) and "Notts County" (place_suffix) are
    // teams in a score line, and so are the unknown names beside them.
    let got = found(
        &tagger,
        "Results:\nPort Vale 2 Oxford 0\nNotts County 0 Yorkton 1\nEast Chicago 3 Brechin 2\n",
    );
    for name in [
        "Port Vale",
        "Oxford",
        "Notts County",
        "Yorkton",
        "East Chicago",
        "Brechin",
    ] {
        assert!(
            got.iter()
                .any(|(s, l, r)| s == name && *l == "organization" && r == "score_table"),
            "{name}: {got:?}"
        );
    }
}

#[test]
fn score_tables_make_teams() {
    let tagger = tagger();
    let text = "CHICAGO 1996-08-30\nResults on Sunday:\nChicago 4 Houston 3\nMillwall 2 Houston 1\nItaly 1 Brazil 2\nCHICAGO 72 64 .529\nRudar 0 Sutjeska 1\n\
                Chicago won again, and Houston rose 4 percent.\n";
    let got = found(&tagger, text);
    let want = [
        // A dateline names where the report was filed.
        ("CHICAGO", "place", ""),
        ("Chicago", "organization", "score_table"),
        ("Houston", "organization", "score_table"),
        // Beside a team in a score line, an unknown name is a team too.
        ("Millwall", "organization", "score_table"),
        ("Houston", "organization", "score_table"),
        // A national side is named by its country; a line of national sides
        // makes no team of an unknown name.
        ("Italy", "place", ""),
        ("CHICAGO", "organization", "score_table"),
        // On a results page, a line of unknown names holds teams.
        ("Rudar", "organization", "score_table"),
        ("Sutjeska", "organization", "score_table"),
        // The same places in prose: the teams.
        ("Chicago", "organization", "score_table"),
        ("Houston", "organization", "score_table"),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|&(s, l, r)| (s.to_string(), l, r.to_string()))
        .collect();
    assert_eq!(got, want);
    let doc = tagger.tag(text);
    let ids: Vec<_> = doc.mentions().iter().map(|m| doc.entity_id(m)).collect();
    assert_eq!(ids[1], ids[6], "one team whatever the case");
    assert_eq!(ids[1], ids[9]);
    let team = &doc.local_entities()[0];
    assert_eq!(
        (team.kind.as_str(), team.country.as_deref()),
        ("sports_team", Some("US"))
    );

    // Prose with numbers is no table; and the mode can be turned off.
    let prose = "Chicago rose 4 percent in 1996 and Houston 3 percent.";
    assert!(found(&tagger, prose).iter().all(|f| f.1 == "place"));
    let places = Tagger::builder()
        .rules(Rules::Builtin)
        .dictionary(Dictionary::from_jsonl_str("extra.jsonl", EXTRA).unwrap())
        .score_tables(gazetag::ScoreTables::Places)
        .build()
        .unwrap();
    let got = found(&places, "Chicago 4 Houston 3");
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|f| f.1 == "place"), "{got:?}");
}

#[test]
fn office_and_country_attributes() {
    let tagger = tagger();
    let doc = tagger.tag("South Korean Defense Minister Kim Yong-hyun met troops.");
    let e = local_named(&doc, "Kim Yong-hyun").unwrap();
    assert_eq!(e.office.as_deref(), Some("Defense Minister"));
    assert_eq!(e.country.as_deref(), Some("KR"));
    assert_eq!(e.label, Label::Person);
}

/// A given name that is also a word ("Mark", "Frank", "Bill") is a person
/// before a name word, never alone, and not before a word of a firm's name.
#[test]
fn given_names_that_are_words_name_no_one_alone() {
    let tagger = tagger();
    for text in [
        "The Mark rose against the dollar on Monday.",
        "Talks were frank, and Bill said nothing.",
        "The bill passed. Mark Corp shares rose.",
    ] {
        let got = found(&tagger, text);
        assert!(got.iter().all(|f| f.1 != "person"), "{text}: {got:?}");
    }
}

/// British style names an office by the place or region it answers for:
/// "Minister for the Middle East", "Secretary of State for Scotland". The
/// place stays a place; the name after it is the person holding the office.
#[test]
fn office_for_a_place_names_its_holder() {
    let tagger = tagger_with(
        r#"{"id": "place:region:middle-east", "label": "place", "kind": "region", "name": "Middle East"}
{"id": "place:region:asia", "label": "place", "kind": "region", "name": "Asia"}
{"id": "place:country:scotland", "label": "place", "kind": "country", "name": "Scotland"}"#,
    );
    for (text, person, office, place) in [
        (
            "Minister for the Middle East Tobias Ellwood condemned the attack.",
            "Tobias Ellwood",
            "Minister for the Middle East",
            "Middle East",
        ),
        (
            "Minister for Asia Mark Field said on Monday.",
            "Mark Field",
            "Minister for Asia",
            "Asia",
        ),
        (
            "Secretary of State for Scotland David Mundell said so.",
            "David Mundell",
            "Secretary of State for Scotland",
            "Scotland",
        ),
    ] {
        let doc = tagger.tag(text);
        let got = found(&tagger, text);
        assert!(labelled(&got, place, "place"), "{text}: {got:?}");
        let e = local_named(&doc, person).unwrap_or_else(|| panic!("{text}: {got:?}"));
        assert_eq!(e.office.as_deref(), Some(office), "{text}");
        assert_eq!(e.label, Label::Person);
    }
}

/// "General" after an office's head is part of the office ("Attorney
/// General", "Secretary General"), never the first word of its holder's
/// name, nor a person alone ("the Governor General of Canada").
#[test]
fn general_after_an_office_is_part_of_it() {
    let tagger = tagger();
    for (text, person, office) in [
        (
            "Attorney General Edwin Meese said so.",
            "Edwin Meese",
            "Attorney General",
        ),
        (
            "OPEC Secretary General Fadhil al-Chalabi said on Monday.",
            "Fadhil al-Chalabi",
            "Secretary General",
        ),
        (
            "Acting Director General John Doe said so.",
            "John Doe",
            "Acting Director General",
        ),
    ] {
        let doc = tagger.tag(text);
        let got = found(&tagger, text);
        let people: Vec<_> = got.iter().filter(|f| f.1 == "person").collect();
        assert_eq!(people.len(), 1, "{text}: {got:?}");
        let e = local_named(&doc, person).unwrap_or_else(|| panic!("{text}: {got:?}"));
        assert_eq!(e.office.as_deref(), Some(office), "{text}");
    }
    let got = found(
        &tagger,
        "The prize came from the Governor General of Canada on Monday.",
    );
    assert!(got.iter().all(|f| f.1 != "person"), "{got:?}");
}

/// "Rear Admiral", "Air Chief Marshal": a rank of several words is the
/// office, not the start of the name, and so is an honorific after it;
/// "Staff" after a rank is the General Staff, no person.
#[test]
fn ranks_of_several_words_and_the_general_staff() {
    let tagger = tagger();
    for (text, person, office) in [
        (
            "Rear Admiral John Kirby said so.",
            "John Kirby",
            "Rear Admiral",
        ),
        (
            "Air Marshal Ian Macfadyen said so.",
            "Ian Macfadyen",
            "Air Marshal",
        ),
        // An honorific after the rank is no part of the name.
        (
            "Air Chief Marshal Sir Stuart Peach said so.",
            "Stuart Peach",
            "Air Chief Marshal",
        ),
        // A rank after an office starts no name.
        (
            "Foreign Minister Brigadier Ike Nwachukwu said so.",
            "Ike Nwachukwu",
            "Brigadier",
        ),
    ] {
        let doc = tagger.tag(text);
        let e = local_named(&doc, person)
            .unwrap_or_else(|| panic!("{text}: {:?}", found(&tagger, text)));
        assert_eq!(e.office.as_deref(), Some(office), "{text}");
    }
    for text in [
        "Ergenc, chief of the Turkish General Staff, said so.",
        "Admiral Tony Radakin, Britain's Chief of the Defence Staff, said so.",
    ] {
        let got = found(&tagger, text);
        assert!(!got.iter().any(|f| f.0 == "Staff"), "{text}: {got:?}");
    }
}

/// A ship is named after a person or a place, and is neither: the names
/// inside "USS Abraham Lincoln" or "the frigate Stark" are dropped, and so
/// are the ship's later names ("The Lincoln", a town's name too); a firm
/// after a prefix's division, or after "carrier" (an airline), is kept.
#[test]
fn names_inside_ships_names_are_dropped() {
    let tagger = tagger_with(
        r#"{"id": "person:abraham-lincoln", "label": "person", "kind": "head_of_state", "name": "Abraham Lincoln"}
{"id": "place:country:GB", "label": "place", "kind": "country", "name": "Britain"}
{"id": "place:admin1:US-MO", "label": "place", "kind": "admin1", "name": "Missouri"}
{"id": "place:country:wales", "label": "place", "kind": "country", "name": "Wales"}
{"id": "org:twa", "label": "organization", "kind": "airline", "name": "TWA"}
{"id": "place:city:lincoln", "label": "place", "kind": "city", "name": "Lincoln", "population": 290000}"#,
    );
    for text in [
        "The carrier USS Abraham Lincoln arrived.",
        "Britain sent the HMS Prince of Wales east.",
        "The U.S. sent the battleship Missouri to patrol.",
        "An Iraqi jet hit the frigate Stark. The Stark was towed to port.",
        "The carrier USS Abraham Lincoln sailed. The Lincoln left port.",
        "The USS Gerald R. Ford sailed on Monday.",
    ] {
        let got = found(&tagger, text);
        assert!(
            got.iter()
                .all(|f| f.1 != "person" && !["Wales", "Missouri", "Lincoln"].contains(&&*f.0)),
            "{text}: {got:?}"
        );
    }
    let doc = tagger.tag("The carrier USS Abraham Lincoln arrived.");
    let reasons: Vec<_> = doc.rejected().iter().map(|r| r.reason.as_str()).collect();
    assert!(reasons.contains(&"inside_vessel_name"), "{reasons:?}");
    for (text, kept) in [
        ("Abraham Lincoln was president.", "Abraham Lincoln"),
        ("The U.S. carrier TWA said so.", "TWA"),
        (
            "Inland Steel and the USS Division of Kansas Steel Corp agreed.",
            "Kansas Steel Corp",
        ),
        ("INS Commissioner Alan Nelson said so.", "Alan Nelson"),
        ("Lawmakers in Missouri voted.", "Missouri"),
    ] {
        let got = found(&tagger, text);
        assert!(got.iter().any(|f| f.0 == kept), "{text}: {got:?}");
    }
}

/// Wire copy wrapped at a fixed width: a name broken over two lines is one
/// name, written on one line in the entity; a line ended on purpose still
/// ends a name.
#[test]
fn names_wrapped_onto_the_next_line() {
    let tagger = tagger();
    let text = "Members of the farm lobby will meet Agriculture Secretary Richard\n\
                Lyng and members of the Senate committee that writes the farm\n\
                bill on Tuesday, a spokesman for the group said in a statement.\n    \
                Lyng told reporters that the bill would not be reopened.";
    let doc = tagger.tag(text);
    let m = doc
        .mentions()
        .iter()
        .find(|m| doc.surface(m) == "Richard\nLyng")
        .unwrap_or_else(|| panic!("{:?}", found(&tagger, text)));
    let EntityRef::Local(i) = m.entity else {
        panic!("not a local entity: {:?}", m)
    };
    let e = &doc.local_entities()[i as usize];
    assert_eq!(e.name, "Richard Lyng");
    assert_eq!(e.office.as_deref(), Some("Agriculture Secretary"));
    let later = doc.mentions().last().unwrap();
    assert_eq!((doc.surface(later), later.entity), ("Lyng", m.entity));
    // One paragraph a line: every line break ends a name.
    let lines = "Talks with Agriculture Secretary Richard\nLyng ended.\n";
    assert!(found(&tagger, lines)
        .iter()
        .all(|(s, _, _)| !s.contains('\n')));
}

#[test]
fn a_dictionary_name_is_not_tagged_twice() {
    let tagger = tagger();
    let doc = tagger.tag("U.S. Defense Secretary Pete Hegseth spoke.");
    let people: Vec<_> = doc
        .mentions()
        .iter()
        .filter(|m| m.label == Label::Person)
        .collect();
    assert_eq!(people.len(), 1);
    assert_eq!(doc.entity_id(people[0]), Some("person:pete-hegseth"));
}

/// "The" capitalized in mid-sentence starts an organization's name; the
/// mention keeps its entry. Not at a sentence's start, after a quotation
/// mark, after a capitalized word (a headline in title case) or in lower case.
#[test]
fn the_in_mid_sentence_starts_an_organization() {
    let tagger = tagger_with(
        r#"{"id": "org:media:economist", "label": "organization", "kind": "media", "name": "Economist"}"#,
    );
    // (text, surface of the mention)
    let cases: &[(&str, &str)] = &[
        (
            "It was published in The Economist on Monday.",
            "The Economist",
        ),
        ("Poetry London, The Economist and others", "The Economist"),
        ("a column in\nThe Economist on Monday", "The Economist"),
        ("The Economist said so.", "Economist"),
        ("\"The Economist is right,\" he said.", "Economist"),
        ("Poll Published In The Economist", "Economist"),
        ("it was in the Economist on Monday", "Economist"),
        ("he was insolvent\n    The Economist said", "Economist"),
    ];
    for &(text, surface) in cases {
        let doc = tagger.tag(text);
        let got: Vec<_> = entity_ids(&doc);
        assert_eq!(
            got,
            vec![(surface, Some("org:media:economist"))],
            "{:?}",
            text
        );
    }
    // A name a rule found takes it too.
    let got = found(
        &tagger,
        "a division of The Disabilities Trust, which runs it",
    );
    assert!(
        labelled(&got, "The Disabilities Trust", "organization"),
        "{:?}",
        got
    );
}

/// An acronym of a technology, a measure or a title in running text is no
/// organization; one no list knows is.
#[test]
fn common_acronyms_name_no_organization() {
    let tagger = tagger();
    for (text, acronym, org) in [
        ("Shops use RFID tags and USB sticks now.", "RFID", false),
        ("the LBO was financed by banks", "LBO", false),
        ("a Labour MEP said on Monday", "MEP", false),
        ("awards by the NAACP for civil rights", "NAACP", true),
    ] {
        let got = found(&tagger, text);
        let tagged = labelled(&got, acronym, "organization");
        assert_eq!(tagged, org, "{text}: {got:?}");
    }
}

/// A given name alone in running text is a person's, but not a party
/// member's word or an award that is also a given name ("a Tory
/// government", "an Oscar").
#[test]
fn a_party_member_is_no_given_name_alone() {
    let tagger = tagger();
    for text in [
        "it would result in a Tory government, he said.",
        "he was nominated for an Oscar for best actor",
    ] {
        let got = found(&tagger, text);
        assert!(
            !got.iter().any(|(_, l, _)| *l == "person"),
            "{text}: {got:?}"
        );
    }
    let got = found(&tagger, "the night Hayley broke up with him");
    assert!(
        got.contains(&("Hayley".to_string(), "person", "given_alone".to_string())),
        "{got:?}"
    );
}

/// A place's possessive before a legal form is the place's firm, not a
/// firm named for it.
#[test]
fn a_place_possessive_names_no_firm() {
    let tagger = tagger();
    let got = found(&tagger, "a stake in Italy's AG unit, he said");
    assert!(!got.iter().any(|(s, _, _)| s.contains("'s")), "{got:?}");
}

/// A firm named in full with its legal form is named again by the first
/// word of its name, where that word stands alone; not inside a longer
/// name ("Harper and Row", "New Zorbex Bank").
#[test]
fn a_firm_is_named_again_by_its_first_word() {
    let tagger = tagger();
    let text = "Shares of Zorbex Industries Inc rose. Zorbex said profits rose, \
                and Zorbex's chief quit.";
    let doc = tagger.tag(text);
    let ids = entity_ids(&doc);
    let firm = ids
        .iter()
        .find(|(s, _)| *s == "Zorbex Industries Inc")
        .map(|(_, id)| *id);
    assert!(firm.is_some(), "{ids:?}");
    assert_eq!(
        ids.iter()
            .filter(|(s, id)| *s == "Zorbex" && Some(*id) == firm)
            .count(),
        2,
        "{ids:?}"
    );
    for text in [
        "Harper Corp said so. Harper and Row said no.",
        "Zorbex Corp said so. New Zorbex Bank said no.",
        "Zorbex Corp said so. Zorbex Bank said no.",
    ] {
        let got = found(&tagger, text);
        assert!(
            !got.iter().any(|(_, _, r)| r == "link_firm"),
            "{text}: {got:?}"
        );
    }
}

/// A firm named in full with its legal form is named again by its name
/// without it, where that stands alone ("Security Pacific", not "Security
/// Pacific National Bank").
#[test]
fn a_firm_is_named_again_without_its_legal_form() {
    let tagger = tagger();
    for (text, again, linked) in [
        (
            "Security Pacific Corp said so. Analysts said Security Pacific would gain.",
            "Security Pacific",
            true,
        ),
        (
            "Crazy Eddie Inc said so. Crazy Eddie's stores closed.",
            "Crazy Eddie",
            true,
        ),
        (
            "Security Pacific Corp said so. Security Pacific National Bank said no.",
            "Security Pacific",
            false,
        ),
    ] {
        let doc = tagger.tag(text);
        let ids = entity_ids(&doc);
        let firm = ids[0].1;
        let hits: Vec<_> = ids.iter().filter(|(s, _)| *s == again).collect();
        match linked {
            true => assert_eq!(hits, vec![&(again, firm)], "{text}: {ids:?}"),
            false => assert!(hits.is_empty(), "{text}: {ids:?}"),
        }
    }
}

/// A firm's first word beats a small town of the same name, but not after
/// a preposition ("a plant in Magna").
#[test]
fn a_firm_named_again_beats_a_small_town() {
    let tagger = tagger_with(
        r#"{"id": "place:city:magna", "label": "place", "kind": "city", "name": "Magna", "country": "US", "population": 26000}"#,
    );
    let text = "Magna International Inc said so. Magna was up 1/8. Its plant in Magna grew.";
    let got = found(&tagger, text);
    let magna: Vec<_> = got.iter().filter(|(s, _, _)| s == "Magna").collect();
    assert_eq!(
        magna,
        vec![
            &("Magna".to_string(), "organization", "link_firm".to_string()),
            &("Magna".to_string(), "place", String::new()),
        ],
        "{got:?}"
    );
}

/// A number in words is no given name before a family name.
#[test]
fn a_number_is_no_given_name() {
    let tagger = tagger();
    let got = found(&tagger, "England won the Six Nations title on Saturday.");
    assert!(!got.iter().any(|(_, l, _)| *l == "person"), "{got:?}");
    let got = found(&tagger, "England beat Zorq Nations on Saturday.");
    assert!(
        got.contains(&(
            "Zorq Nations".to_string(),
            "person",
            "name_surname".to_string()
        )),
        "{got:?}"
    );
}

/// In results, a name before a country in parentheses is a person's, also
/// where its given name is a town's.
#[test]
fn a_given_name_that_is_a_town_before_a_country_in_parentheses() {
    let tagger = tagger_with(
        r#"{"id": "place:city:fatima", "label": "place", "kind": "city", "name": "Fatima", "country": "PT", "population": 11000}
{"id": "place:country:NG", "label": "place", "kind": "country", "name": "Nigeria", "country": "NG", "priority": 20}"#,
    );
    let got = found(
        &tagger,
        "2. Jearl Miles 50.42 3. Fatima Yusuf (Nigeria) 51.43",
    );
    assert!(
        got.contains(&(
            "Fatima Yusuf".to_string(),
            "person",
            "name_before_country".to_string()
        )),
        "{got:?}"
    );
    // Not without the country after it.
    let got = found(&tagger, "He flew to Fatima on Monday.");
    assert!(labelled(&got, "Fatima", "place"), "{got:?}");
}

/// A first name before initials is a person's, but not in a firm named
/// for a person, nor before a known first name's rule.
#[test]
fn forenames_before_initials_leave_firms_whole() {
    let tagger = tagger();
    let got = found(&tagger, "shares of Delwyn J. Langejans and Co Inc. rose");
    assert!(
        labelled(&got, "Delwyn J. Langejans and Co Inc.", "organization"),
        "{:?}",
        got
    );
    let got = found(&tagger, "succeeding Charles W. Smith, who remains chairman");
    assert!(
        got.iter()
            .any(|(s, l, r)| s == "Charles W. Smith" && *l == "person" && r == "given_surname"),
        "{:?}",
        got
    );
}

#[test]
fn linking() {
    let tagger = tagger();
    let doc = tagger.tag("John Smith arrived. Later Smith said Mr. Smith would stay.");
    let ids = entity_ids(&doc);
    assert_eq!(
        ids,
        [
            ("John Smith", Some("local:person:john-smith")),
            ("Smith", Some("local:person:john-smith")),
            ("Smith", Some("local:person:john-smith")),
        ]
    );
    // A Chinese name's family name comes first, and its given name may be a
    // town's ("Donghai" is one in China).
    let tagger = tagger_with(
        r#"{"id": "place:city:donghai", "label": "place", "kind": "city", "name": "Donghai", "country": "CN", "population": 1100000}"#,
    );
    let doc =
        tagger.tag("Dissident Wang Donghai was detained. Police said Wang had been sent away.");
    let ids = entity_ids(&doc);
    assert_eq!(
        ids,
        [
            ("Wang Donghai", Some("local:person:wang-donghai")),
            ("Wang", Some("local:person:wang-donghai")),
        ]
    );
}

/// An Arabic family name introduced with its article ("al-Zarqawi") is
/// also written without it, and with the article capitalized at the start
/// of a sentence: all of them link to the person named in full.
#[test]
fn family_names_with_the_arabic_article_link_without_it() {
    let tagger = tagger();
    let doc = tagger.tag(
        "Militant leader Abu Musab al-Zarqawi was seen on Monday. Zarqawi fled. \
         Al-Zarqawi is Jordanian. Commander Khalid el-Masri said no. Masri left.",
    );
    let ids = entity_ids(&doc);
    let zarqawi = Some("local:person:abu-musab-al-zarqawi");
    let masri = Some("local:person:khalid-el-masri");
    for (surface, entity) in [
        ("Abu Musab al-Zarqawi", zarqawi),
        ("Zarqawi", zarqawi),
        ("Al-Zarqawi", zarqawi),
        ("Khalid el-Masri", masri),
        ("Masri", masri),
    ] {
        assert!(ids.contains(&(surface, entity)), "{surface}: {ids:?}");
    }
    // The article alone, or before a short word, is no family name.
    let doc = tagger.tag("Ali al-Ma said on Monday. Ma left.");
    assert!(!entity_ids(&doc).contains(&("Ma", Some("local:person:ali-al-ma"))));
}

/// A person the text named in full is named so again, even where another
/// person's short form lies inside the name ("Kim" of "Kim Jong Un" inside
/// "Kim Yo Jong"); the short form alone still links to its own person.
#[test]
fn a_name_again_beats_another_persons_short_form_inside_it() {
    let tagger = tagger_with(
        r#"{"id": "person:kim-jong-un", "label": "person", "kind": "head_of_state", "name": "Kim Jong Un", "aliases": [{"text": "Kim", "match": "short"}]}"#,
    );
    let doc = tagger.tag(
        "Kim Yo Jong, the sister of leader Kim Jong Un, warned Seoul. Kim Yo Jong said \
         the drills were provocative. Kim said nothing.",
    );
    let sister = Some("local:person:kim-yo-jong");
    let leader = Some("person:kim-jong-un");
    assert_eq!(
        entity_ids(&doc),
        [
            ("Kim Yo Jong", sister),
            ("Kim Jong Un", leader),
            ("Kim Yo Jong", sister),
            ("Kim", leader),
        ]
    );
}

#[test]
fn a_headline_names_people_before_the_story_does() {
    let tagger = tagger();
    let hegseth = Some("person:pete-hegseth");
    // The text's own headline, above a dateline.
    let doc = tagger.tag(
        "Hegseth meets his counterpart in Seoul\nSEOUL 2025-07-31\n\
         Defense Secretary Pete Hegseth arrived. Hegseth said so.",
    );
    let ids = entity_ids(&doc);
    assert_eq!(ids[0], ("Hegseth", hegseth), "{ids:?}");
    // The title field.
    let doc = tagger.tag_article("Hegseth arrives", "Pete Hegseth arrived on Monday.");
    assert_eq!(entity_ids(&doc)[0], ("Hegseth", hegseth));
    // A person a rule found, in a headline above the story and in a title
    // in capitals that starts with the name.
    let karbacher = Some("local:person:michael-karbacher");
    let doc = tagger.tag(
        "Karbacher wins in Houston\nHOUSTON 1996-08-30\n\
         Michael Karbacher won on Friday. Karbacher said so.",
    );
    assert_eq!(entity_ids(&doc)[0], ("Karbacher", karbacher));
    let doc = tagger.tag_article(
        "KARBACHER WINS IN HOUSTON",
        "Michael Karbacher won on Friday. Karbacher said so.",
    );
    assert_eq!(entity_ids(&doc)[0], ("KARBACHER", karbacher));
    let doc = tagger.tag_article(
        "MICHAEL KARBACHER WINS IN HOUSTON",
        "Michael Karbacher won on Friday. Karbacher said so.",
    );
    assert_eq!(entity_ids(&doc)[0], ("MICHAEL KARBACHER", karbacher));
    // In the story itself a short form still needs the full name first.
    let doc = tagger.tag("Hegseth arrived on Monday. Later Pete Hegseth said so.");
    let ids = entity_ids(&doc);
    assert!(!ids.contains(&("Hegseth", hegseth)), "{ids:?}");
    assert!(ids.contains(&("Pete Hegseth", hegseth)), "{ids:?}");
    let doc = tagger.tag("Karbacher arrived on Monday. Later Michael Karbacher won.");
    let ids = entity_ids(&doc);
    assert!(!ids.contains(&("Karbacher", karbacher)), "{ids:?}");
}

#[test]
fn another_person_of_an_introduced_family_name() {
    let tagger = tagger();
    // (text, the surface after the introduction, its rule, whether it is
    // the introduced person)
    let cases: &[(&str, &str, &str, bool)] = &[
        // A first name the lists do not know, a particle: another person.
        (
            "Boris Yeltsin spoke. Naina Yeltsin looks well.",
            "Naina Yeltsin",
            "family_name",
            false,
        ),
        (
            "John Smith spoke. Later, Naina Smith left.",
            "Naina Smith",
            "family_name",
            false,
        ),
        (
            "John Wilde saved. Then De Wilde fumbled.",
            "De Wilde",
            "family_name",
            false,
        ),
        // A title, an adverb opening a sentence: the introduced person.
        (
            "Boris Yeltsin spoke. President Yeltsin left.",
            "Yeltsin",
            "",
            true,
        ),
        (
            "Boris Yeltsin spoke. Instead Yeltsin left.",
            "Yeltsin",
            "link_surname",
            true,
        ),
        (
            "Boris Yeltsin spoke. Professor Yeltsin left.",
            "Yeltsin",
            "",
            true,
        ),
        // Inside a longer name: no person ("Reynard Ford Cosworth").
        (
            "Keith Cosworth won. Then Reynard Ford Cosworth lost.",
            "Ford Cosworth",
            "none",
            false,
        ),
        // A participle opening a sentence: no person, no link.
        (
            "Ron Greeniaus quit. Replacing Greeniaus, the board",
            "Replacing Greeniaus",
            "none",
            false,
        ),
    ];
    for &(text, surface, rule, same) in cases {
        let doc = tagger.tag(text);
        let first = doc
            .mentions()
            .first()
            .unwrap_or_else(|| panic!("{text}: nothing found"));
        let later = doc.mentions()[1..]
            .iter()
            .find(|m| doc.surface(m) == surface);
        if rule == "none" {
            assert!(later.is_none(), "{text}: {:?}", found(&tagger, text));
            continue;
        }
        let m =
            later.unwrap_or_else(|| panic!("{text}: no {surface} in {:?}", found(&tagger, text)));
        assert_eq!(m.label, Label::Person, "{text}");
        if let (false, Evidence::Rule { rule: r }) = (rule.is_empty(), m.evidence) {
            assert_eq!(doc.rule_name(r), rule, "{text}");
        }
        assert_eq!(
            m.entity == first.entity,
            same,
            "{text}: {:?}",
            found(&tagger, text)
        );
    }
}

#[test]
fn a_given_name_alone_that_names_a_firm_of_the_document() {
    let tagger = tagger();
    let doc =
        tagger.tag("Morgan Widgets Inc. cut prices. Shares of Morgan fell, and Howard said so.");
    let got = found(
        &tagger,
        "Morgan Widgets Inc. cut prices. Shares of Morgan fell, and Howard said so.",
    );
    let firm = &doc.mentions()[0];
    assert_eq!(doc.surface(firm), "Morgan Widgets Inc.", "{got:?}");
    let morgan = doc
        .mentions()
        .iter()
        .find(|m| doc.surface(m) == "Morgan")
        .unwrap_or_else(|| panic!("{got:?}"));
    assert_eq!(morgan.label, Label::Organization, "{got:?}");
    assert_eq!(morgan.entity, firm.entity, "{got:?}");
    // A given name that names no firm of the document stays a person.
    assert!(
        got.iter()
            .any(|(s, l, r)| s == "Howard" && *l == "person" && r == "given_alone"),
        "{got:?}"
    );
}

#[test]
fn names_in_a_headline_in_capitals_link_to_the_text() {
    let tagger = tagger();
    let text = "HEGSETH AND AHN MEET; JOHN SMITH ABSENT\n\
                U.S. Defense Secretary Pete Hegseth met Ahn Gyu-back. \
                Mr. Smith left. John Smith stayed.\n\
                Hegseth And Ahn Meet Again\n";
    let doc = tagger.tag(text);
    let ids = entity_ids(&doc);
    // The headline's names are the people of the text (by the last word of
    // the full name: not "AHN" of "Ahn Gyu-back"), in capitals only: a
    // line with lower case takes no capitals key. A person that name lists
    // alone found ("John Smith") reaches it where the text names the
    // person by the surname again ("Mr. Smith").
    assert_eq!(ids[0], ("HEGSETH", Some("person:pete-hegseth")), "{ids:?}");
    assert_eq!(
        ids[1],
        ("JOHN SMITH", Some("local:person:john-smith")),
        "{ids:?}"
    );
    assert_eq!(
        ids.iter().filter(|(s, _)| *s == "Hegseth").count(),
        1,
        "{ids:?}"
    );
    // Elsewhere too, where the text names the person by the surname again,
    // and the surname is no word in lower case nor a word of an
    // organization's name.
    let text =
        "VOLCKER WARNS ON DEBT\nPaul Volcker said on Monday that debt rose. Volcker added more.";
    let doc = tagger.tag(text);
    let ids = entity_ids(&doc);
    assert_eq!(ids[0].0, "VOLCKER", "{ids:?}");
    assert_eq!(ids[0].1, ids[1].1, "{ids:?}");
    for text in [
        "BROWN DRILLING UP\nJoe Drilling said on Monday that Drilling would add rigs. Other drilling rose.",
        "HUDSON PROFITS RISE\nDayton Hudson Corp said profits rose. Dayton Hudson said more. Hudson said so.",
    ] {
        let doc = tagger.tag(text);
        let headline = doc.mentions().iter().find(|m| m.span.start == 0);
        assert!(headline.is_none(), "{:?}", found(&tagger, text));
    }
    // A surname that starts an organization's name of the text, with the
    // word after it, is the organization's in the headline ("DEAN FOODS"),
    // even of a person the text named by a title; the person's elsewhere.
    let text = "DEAN FOODS SEES PROFIT; DEAN TO RETIRE\n\
                Dean Foods Co expects more, Chairman Howard Dean said. Dean will retire.";
    let doc = tagger.tag(text);
    let in_headline: Vec<_> = doc
        .mentions()
        .iter()
        .filter(|m| m.span.end < text.find('\n').unwrap())
        .map(|m| (m.span.start, doc.surface(m), m.label))
        .collect();
    let second = text.find("DEAN TO").unwrap();
    assert_eq!(
        in_headline,
        vec![(second, "DEAN", Label::Person)],
        "{:?}",
        found(&tagger, text)
    );
    // In a report of sport (a score line), a surname that is also a word
    // reaches the headline all the same; the same text without the score
    // line does not.
    for (score, linked) in [("Chicago 4 Houston 3\n", true), ("", false)] {
        let text = format!(
            "BAKER NAMED AS CAPTAIN\nAlan Baker was named. Baker said the baker was happy.\n{score}"
        );
        let doc = tagger.tag(&text);
        let headline = doc.mentions().iter().find(|m| doc.surface(m) == "BAKER");
        assert_eq!(headline.is_some(), linked, "{:?}", found(&tagger, &text));
    }
}

#[test]
fn a_place_found_by_a_rule_links_its_name_but_not_longer_names() {
    let tagger = tagger();
    let got = found(
        &tagger,
        "Trains ran to the town of Bridgton in 1883. From Bridgton Junction the line \
         went north. Bridgton grew.",
    );
    let bridgton: Vec<_> = got.iter().filter(|f| f.0.starts_with("Bridgton")).collect();
    assert_eq!(
        bridgton,
        [
            &("Bridgton".to_string(), "place", "place_kind_of".to_string()),
            // A junction is a place of its own, not its town.
            &(
                "Bridgton Junction".to_string(),
                "place",
                "place_suffix".to_string()
            ),
            &("Bridgton".to_string(), "place", "link_name".to_string()),
        ],
        "{got:?}"
    );
}

#[test]
fn a_full_name_around_a_known_family_name() {
    let tagger = tagger_with(
        r#"{"id": "person:matamela-cyril-ramaphosa", "label": "person", "kind": "head_of_state", "name": "Matamela Cyril Ramaphosa", "aliases": ["Ramaphosa"]}"#,
    );
    // (text, surface, entity id or None for a local person of the rule)
    let cases: &[(&str, &str, Option<&str>)] = &[
        // First names of the entry's: the whole name is the entry.
        (
            "Cyril Ramaphosa spoke.",
            "Cyril Ramaphosa",
            Some("person:matamela-cyril-ramaphosa"),
        ),
        (
            "Colonel Matamela Ramaphosa spoke.",
            "Matamela Ramaphosa",
            Some("person:matamela-cyril-ramaphosa"),
        ),
        // Another person of that family name: the rule's own.
        ("John Ramaphosa spoke.", "John Ramaphosa", None),
        // The family name alone stays the entry.
        (
            "Ramaphosa spoke.",
            "Ramaphosa",
            Some("person:matamela-cyril-ramaphosa"),
        ),
    ];
    for &(text, surface, id) in cases {
        let doc = tagger.tag(text);
        let m = doc
            .mentions()
            .iter()
            .find(|m| doc.surface(m) == surface)
            .unwrap_or_else(|| panic!("{text}: no {surface} in {:?}", found(&tagger, text)));
        assert_eq!(m.label, Label::Person, "{text}");
        match id {
            Some(id) => assert_eq!(doc.entity_id(m), Some(id), "{text}"),
            None => assert!(matches!(m.entity, EntityRef::Local(_)), "{text}"),
        }
    }
}

#[test]
fn a_shared_surname_stays_ambiguous() {
    let tagger = tagger();
    let doc = tagger.tag("John Smith met Mary Smith. Smith said nothing.");
    let last = doc.mentions().last().unwrap();
    assert_eq!(doc.surface(last), "Smith");
    assert_eq!(last.label, Label::Person);
    assert_eq!(doc.entity_id(last), None);
}

#[test]
fn acronyms_defined_in_the_text() {
    let tagger = tagger();
    let text = "The Ministry of Unification (MOU) said. Later the MOU denied it.";
    let doc = tagger.tag(text);
    let orgs: Vec<(&str, Option<&str>)> = doc
        .mentions()
        .iter()
        .filter(|m| m.label == Label::Organization)
        .map(|m| (doc.surface(m), doc.entity_id(m)))
        .collect();
    assert_eq!(orgs.len(), 3, "{:?}", orgs);
    assert!(orgs.iter().all(|(_, id)| *id == orgs[0].1));
    // A dictionary name's acronym links to the entry.
    let doc = tagger.tag("the Korean Peninsula Energy Development Organization (KEDO). KEDO said");
    let last = doc.mentions().last().unwrap();
    assert_eq!(doc.surface(last), "KEDO");
    // An organization's acronym in its own language: the initials need not
    // fit. A common acronym or a person's parentheses define nothing.
    for (text, acronym, defined) in [
        (
            "the Indonesian Democratic Party (PDI) met. PDI leaders",
            "PDI",
            true,
        ),
        ("the Indonesian Democratic Party (CEO) met.", "CEO", false),
        ("John Smith (PDI) met.", "PDI", false),
    ] {
        let doc = tagger.tag(text);
        let hits: Vec<_> = doc
            .mentions()
            .iter()
            .filter(|m| doc.surface(m) == acronym)
            .map(|m| doc.entity_id(m))
            .collect();
        if defined {
            assert_eq!(hits.len(), 2, "{text}");
            let org = doc.mentions()[0];
            assert!(hits.iter().all(|id| *id == doc.entity_id(&org)), "{text}");
        } else {
            assert!(hits.is_empty(), "{text}: {hits:?}");
        }
    }
}

#[test]
fn initials_of_organizations_named_in_full() {
    let tagger = tagger();
    // (text, initials, whether they name the organization named in full)
    for (text, letters, linked) in [
        // Before the full name, and after it.
        (
            "The SEC shelf is full, he said of filings with the Securities and Exchange Commission.",
            "SEC",
            true,
        ),
        (
            "Archer Daniels Midland Co bought it. The deal made ADM the largest producer.",
            "ADM",
            true,
        ),
        ("General Motors Corp said sales fell. GM said so.", "GM", true),
        // Not joined to another word, not in a headline in capitals, and
        // two letters not beside another capitalized word.
        (
            "McDonnell Douglas Corp said. Korean Air ordered four MD-11 jets.",
            "MD",
            false,
        ),
        (
            "GM TO CUT OUTPUT\nGeneral Motors Corp said it would.",
            "GM",
            false,
        ),
        (
            "General Motors Corp said. A GM Opala costs more.",
            "GM",
            false,
        ),
        (
            "Asher Technologies Inc said it works with the IBM PC, XT, AT, or compatibles.",
            "AT",
            false,
        ),
    ] {
        let doc = tagger.tag(text);
        let full = doc
            .mentions()
            .iter()
            .find(|m| m.label == Label::Organization && doc.surface(m).len() > 6)
            .unwrap_or_else(|| panic!("{text}: no full name"));
        let hits: Vec<_> = doc
            .mentions()
            .iter()
            .filter(|m| doc.surface(m) == letters)
            .collect();
        if linked {
            assert_eq!(hits.len(), 1, "{text}");
            assert_eq!(hits[0].label, Label::Organization, "{text}");
            assert_eq!(doc.entity_id(hits[0]), doc.entity_id(full), "{text}");
            let Evidence::Rule { rule } = hits[0].evidence else {
                panic!("{text}: {:?}", hits[0].evidence);
            };
            assert_eq!(doc.rule_name(rule), "initials", "{text}");
        } else {
            assert!(hits.is_empty(), "{text}: {hits:?}");
        }
    }
}

#[test]
fn titles_decide_ambiguous_surfaces() {
    let tagger = tagger();
    // (text, surface, label)
    let cases = [
        ("Mr. Jordan said.", "Jordan", Label::Person),
        ("Talks in Jordan went on.", "Jordan", Label::Place),
        ("Ms. Georgia Smith spoke.", "Georgia Smith", Label::Person),
        ("troops left Georgia.", "Georgia", Label::Place),
    ];
    for (text, surface, label) in cases {
        let doc = tagger.tag(text);
        let m = doc
            .mentions()
            .iter()
            .find(|m| doc.surface(m) == surface)
            .unwrap_or_else(|| panic!("{} not found in {:?}", surface, text));
        assert_eq!(m.label, label, "{:?}", text);
    }
}

#[test]
fn all_caps_headlines_get_no_name_rules() {
    let tagger = tagger();
    let got = found(&tagger, "JOHN SMITH WINS AGAIN\n");
    assert!(got.is_empty(), "{:?}", got);
}

#[test]
fn seed_article_links_every_short_form() {
    let text = include_str!("data/seed_article.txt");
    let tagger = tagger();
    let doc = tagger.tag(text);
    for word in ["Ahn", "Hegseth"] {
        let want = if word == "Ahn" {
            "person:ahn-gyu-back"
        } else {
            "person:pete-hegseth"
        };
        let body = text.find("Why it matters").unwrap();
        for (at, _) in text.match_indices(word).filter(|(at, _)| *at > body) {
            let m = doc
                .mentions()
                .iter()
                .find(|m| m.span.start <= at && at < m.span.end)
                .unwrap_or_else(|| panic!("{} at {} not tagged", word, at));
            assert_eq!(doc.entity_id(m), Some(want), "{} at {}", word, at);
        }
    }
    let at = text.find("Secretary Hegseth").unwrap() + "Secretary ".len();
    let m = doc.mentions().iter().find(|m| m.span.start == at).unwrap();
    let office = doc.entry(m).and_then(|e| e.office.clone());
    assert!(office.unwrap_or_default().contains("Secretary"));
}

/// (text, whether "Chicago" or "U.S." is tagged there)
#[test]
fn names_that_start_an_event_are_not_tagged() {
    let tagger = tagger();
    let cases: &[(&str, bool)] = &[
        ("He won the Chicago Open in May.", false),
        ("a former U.S. Open champion", false),
        ("Leading results at the Chicago Grand Prix meeting", false),
        ("Chicago Games silver medallist", false),
        ("the Chicago Open on Friday", false),
        ("DRAW FOR 1997 CHICAGO CUP WOMEN'S FINAL", false),
        // Not events: a lower-case word, a headline in capitals, a word
        // that is no event's.
        ("U.S. officials open talks.", true),
        ("CHICAGO OPEN TO TALKS", true),
        ("A Chicago Grand Jury indicted him.", true),
        // A name a rule makes that ends in an event word is the event.
        ("on Saturday at the Chicago Film Festival.", false),
        // A place after an event's first word and "of" names the event.
        ("in the Battle of Chicago it suffered", false),
        ("under the Treaty of Chicago,", false),
        ("the battle of Chicago went on", true),
        // Treaties named by a place.
        ("Russia ratified the Chicago Protocol in 2004.", false),
        ("talks under the Chicago Accords resumed", false),
        // In a headline in capitals only "Grand" comes between.
        ("CHICAGO V BOSTON IN WORLD CUP QUALIFIER", true),
    ];
    for &(text, tagged) in cases {
        let got = found(&tagger, text);
        let any = got
            .iter()
            .any(|(s, _, _)| s.to_lowercase().contains("chicago") || s == "U.S.");
        assert_eq!(any, tagged, "{text}: {got:?}");
    }
    // Up to two other capitalized words before the event word ("Houston"
    // is a given name too, so no rule takes the whole name first).
    let got = found(
        &tagger,
        "He performed at Houston Video Music Awards in May.",
    );
    assert!(got.is_empty(), "{got:?}");
    let why = tagger.explain("the Chicago Open", Span { start: 4, end: 11 });
    assert!(
        why.rejected
            .iter()
            .any(|r| r.reason == Some("inside_event")),
        "{why:?}"
    );
}

#[test]
fn explain_says_which_rule_and_why_losers_lost() {
    let tagger = tagger();
    let text = "Mr. Jordan said.";
    let why = tagger.explain(text, Span { start: 4, end: 10 });
    assert!(why.verdict.contains("honorific_name"), "{}", why.verdict);
    assert_eq!(why.mentions[0].rule.as_deref(), Some("honorific_name"));
    let text = "Talks in South Korea.";
    let why = tagger.explain(text, Span { start: 15, end: 20 });
    assert!(
        why.verdict.starts_with("not tagged alone"),
        "{}",
        why.verdict
    );
    assert!(why.rejected.iter().all(|r| r.reason.is_some()));
    let json = serde_json::to_string(&why).unwrap();
    assert!(json.contains("verdict"));
}

#[test]
fn rule_file_errors_are_located() {
    // (content, line, message fragment)
    let cases = [
        (
            "{\"rule\": \"r\", \"pattern\": \"nosuchlist (person: cap)\"}",
            1,
            "unknown word list",
        ),
        (
            "\n{\"rule\": \"r\", \"pattern\": \"(person: cap\"}",
            2,
            "unbalanced",
        ),
        ("{\"rule\": \"r\", \"pattern\": \"cap+\"}", 1, "exactly one"),
        (
            "{\"list\": \"x\", \"case\": \"weird\", \"words\": [\"a\"]}",
            1,
            "case must be",
        ),
        (
            "{\"rule\": \"r\", \"pattern\": \"(person: cap{2,1})\"}",
            1,
            "rule 'r'",
        ),
        ("{\"colour\": 1}", 1, "must be a"),
    ];
    for (content, line, fragment) in cases {
        let err = RuleSet::from_jsonl_str("mine.jsonl", content).unwrap_err();
        assert_eq!(err.line(), Some(line), "{}", content);
        assert!(err.to_string().contains(fragment), "{}: {}", content, err);
    }
}

#[test]
fn company_names_are_no_people() {
    let tagger = tagger();
    // A given name before an organization's suffix makes an organization.
    for (text, surface) in [
        (
            "Salomon Brothers Inc said on Monday.",
            "Salomon Brothers Inc",
        ),
        ("Levon Resources Ltd sold its mine.", "Levon Resources Ltd"),
    ] {
        let got = found(&tagger, text);
        assert!(labelled(&got, surface, "organization"), "{text}: {got:?}");
        assert!(
            got.iter().all(|(_, l, _)| *l != "person"),
            "{text}: {got:?}"
        );
    }
    // Given names of office holders worldwide ("Frans") start a person.
    let got = found(&tagger, "Commissioner Frans Andriessen said.");
    assert!(
        got.iter()
            .any(|(s, l, _)| s.ends_with("Frans Andriessen") && *l == "person"),
        "{got:?}"
    );
}

#[test]
fn firms_with_their_legal_forms() {
    let tagger = tagger();
    // (text, the firm's whole name)
    for (text, surface) in [
        // A legal form after "Group", which is no name word alone.
        ("USAir Group Inc said on Monday.", "USAir Group Inc"),
        (
            "Reliance Group Holdings Inc bought it.",
            "Reliance Group Holdings Inc",
        ),
        // Firms named for people, with their initials and "and Co".
        ("Guy F. Atkinson Co won the contract.", "Guy F. Atkinson Co"),
        ("shares of A. H. Robins Co fell", "A. H. Robins Co"),
        ("Frank B. Hall and Co Inc said.", "Frank B. Hall and Co Inc"),
        (
            "Joseph E. Seagram and Sons Inc said.",
            "Joseph E. Seagram and Sons Inc",
        ),
        // "for" after a legal form is no part of the name.
        (
            "an application by Trans World Airlines Inc for DOT approval",
            "Trans World Airlines Inc",
        ),
        ("Neworld Bank for Savings said", "Neworld Bank for Savings"),
        // "of" after "Inc" or "Ltd" says where the firm is; after "Co" it
        // may still be the name.
        (
            "Shares of Acme Inc of Pompano, which makes boats, rose.",
            "Acme Inc",
        ),
        (
            "Ford Motor Co of Canada Ltd said",
            "Ford Motor Co of Canada Ltd",
        ),
    ] {
        let got = found(&tagger, text);
        assert!(
            got.contains(&(
                surface.to_string(),
                "organization",
                "org_suffix".to_string()
            )),
            "{text}: {got:?}"
        );
        assert!(
            got.iter().all(|(_, l, _)| *l != "person"),
            "{text}: {got:?}"
        );
    }
    // A person with initials and a firm after "and" are two.
    let got = found(
        &tagger,
        "NYFE president Lewis J. Horowitz and Cotton Exchange president Joseph O'Neill said.",
    );
    assert!(labelled(&got, "Lewis J. Horowitz", "person"), "{got:?}");
    assert!(labelled(&got, "Cotton Exchange", "organization"), "{got:?}");
    // A firm of the dictionary with its legal form is still that firm.
    let tagger = tagger_with(
        r#"{"id": "org:GB:schroders", "label": "organization", "kind": "company", "name": "J. Henry Schroder Wagg"}"#,
    );
    let doc = tagger.tag("The lead manager is J. Henry Schroder Wagg and Co Ltd, it said.");
    assert_eq!(
        entity_ids(&doc),
        [(
            "J. Henry Schroder Wagg and Co Ltd",
            Some("org:GB:schroders")
        )]
    );
    // Also where the entry's own name ends in its legal form and the rule's
    // takes the period after it.
    let tagger_inc = tagger_with(
        r#"{"id": "org:US:salomon-brothers", "label": "organization", "kind": "company", "name": "Salomon Brothers Inc"}"#,
    );
    let doc = tagger_inc.tag("The issue was priced by Salomon Brothers Inc.");
    assert_eq!(
        entity_ids(&doc),
        [("Salomon Brothers Inc.", Some("org:US:salomon-brothers"))]
    );
    // A firm found by a rule is one entity with or without its legal form.
    let doc = tagger.tag(
        "Burton Group Plc said profits rose. Burton Group shares were firmer. Burton said it expected more.",
    );
    let ids = entity_ids(&doc);
    assert_eq!(
        ids,
        [
            ("Burton Group Plc", Some("local:organization:burton-group")),
            ("Burton Group", Some("local:organization:burton-group")),
            ("Burton", Some("local:organization:burton-group")),
        ]
    );
}

#[test]
fn a_family_name_that_is_a_town() {
    let tagger = tagger_with(
        r#"{"id": "place:city:sacramento", "label": "place", "kind": "city", "name": "Sacramento", "country": "US", "population": 500000}
{"id": "place:city:komen", "label": "place", "kind": "city", "name": "Komen", "country": "BA", "population": 1000}
{"id": "place:country:KE", "label": "place", "kind": "country", "name": "Kenya", "country": "KE", "priority": 20}"#,
    );
    let doc = tagger
        .tag("1. Daniel Komen (Kenya) 2. Carla Sacramento (Portugal). Komen said he was tired.");
    let got: Vec<_> = doc
        .mentions()
        .iter()
        .map(|m| (doc.surface(m), m.label.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Daniel Komen", "person"),
            ("Kenya", "place"),
            ("Carla Sacramento", "person"),
            ("Komen", "person"),
        ]
    );
    // A given name that is also a title ("Dean") starts a name.
    let got = found(&tagger, "Scorers: Dean Saunders (2nd minute).");
    assert!(labelled(&got, "Dean Saunders", "person"), "{got:?}");
}

#[test]
fn people_whose_family_name_speaks() {
    let tagger = tagger();
    let doc = tagger.tag(
        "Speaking from Ankara, Faik Nerweyi of the Kurdistan Democratic Party \
         denied it. Nerweyi said he did not know.",
    );
    let people: Vec<_> = doc
        .mentions()
        .iter()
        .filter(|m| m.label == Label::Person)
        .map(|m| {
            let rule = match m.evidence {
                Evidence::Rule { rule } => doc.rule_name(rule),
                _ => "",
            };
            (doc.surface(m), rule, doc.entity_id(m))
        })
        .collect();
    assert_eq!(
        people,
        [
            (
                "Faik Nerweyi",
                "speaker_name",
                Some("local:person:faik-nerweyi")
            ),
            ("Nerweyi", "link_surname", Some("local:person:faik-nerweyi")),
        ]
    );
    // A firm's short name speaks too; a capital at a sentence's start is
    // no given name unless the name lists know it.
    for text in [
        "Shares of Niagara Mohawk Power Corp rose. Niagara Mohawk is a utility. Mohawk said it would pay.",
        "Together Siemens and Philips will build it. Siemens said it agreed.",
    ] {
        let got = found(&tagger, text);
        assert!(got.iter().all(|(_, l, _)| *l != "person"), "{text}: {got:?}");
    }
}

/// A wire reporter's signature after a dash names a person, not a place
/// before a region; a desk or newsroom named for its city is an
/// organization.
#[test]
fn wire_signatures_name_their_reporters() {
    let tagger = tagger_with(
        r#"{"id": "place:capital:bucharest", "label": "place", "kind": "capital", "name": "Bucharest", "country": "RO"}
{"id": "place:capital:warsaw", "label": "place", "kind": "capital", "name": "Warsaw", "country": "PL"}"#,
    );
    for (text, name) in [
        (
            "Output rose. -- Luli Popescu, Bucharest Newsroom 40-1 3120264",
            "Luli Popescu",
        ),
        (
            "Output rose. -- Amra Kevic , Bucharest newsroom +381 11 2224305",
            "Amra Kevic",
        ),
        (
            "Output rose.\n-- Harry Milling, Warsaw Energy Desk",
            "Harry Milling",
        ),
    ] {
        let got = found(&tagger, text);
        assert!(
            got.contains(&(name.to_string(), "person", "wire_signature".to_string())),
            "{got:?}"
        );
    }
    for text in [
        "Output rose. -- Warsaw Newsroom +48 22 653 9700",
        "Output rose. -- Jim Ballantyne, Warsaw Newsroom +44 171",
    ] {
        let got = found(&tagger, text);
        assert!(labelled(&got, "Warsaw Newsroom", "organization"), "{got:?}");
    }
    // Not after a word: a dash in a sentence also sets off a list of firms.
    let got = found(
        &tagger,
        "The three -- Hadley Motors, Bucharest and others -- agreed.",
    );
    assert!(
        !got.iter().any(|(_, _, r)| r == "wire_signature"),
        "{got:?}"
    );
}

/// A compound adjective that begins with a place ("Boston-based") is no
/// word of the firm's name after it: the place stays, and the firm's name
/// starts after it.
#[test]
fn compound_adjectives_stay_out_of_names() {
    let tagger = tagger_with(
        r#"{"id": "place:city:boston", "label": "place", "kind": "city", "name": "Boston", "country": "US"}
{"id": "place:city:st-louis", "label": "place", "kind": "city", "name": "St. Louis", "country": "US"}"#,
    );
    for (text, place, firm) in [
        (
            "said Erin Purcell of Boston-based Reagan Communications that represents",
            "Boston",
            "Reagan Communications",
        ),
        (
            "St. Louis-based Mercantile Bancorp Inc., a bank holding company",
            "St. Louis",
            "Mercantile Bancorp Inc.",
        ),
    ] {
        let got = found(&tagger, text);
        assert!(labelled(&got, place, "place"), "{got:?}");
        assert!(labelled(&got, firm, "organization"), "{got:?}");
    }
}

/// Nouns of a role before a name or in an apposition: trades, sports
/// positions, counterparts and aides ("his Armenian counterpart Zhirayr
/// Liparityan", "Hen Vipheak, former editor of"). A title after the role
/// starts no name of the role's ("the aide President Reagan fired").
#[test]
fn roles_before_names_and_in_appositions() {
    let tagger = tagger();
    for (text, person, rule) in [
        (
            "his Armenian counterpart Zhirayr Liparityan met officials",
            "Zhirayr Liparityan",
            "role_name",
        ),
        (
            "He later met rebel chief-of-staff Aslan Maskhadov on Friday.",
            "Aslan Maskhadov",
            "role_name",
        ),
        (
            "The paper was shut. Hen Vipheak, former editor of the paper, was jailed.",
            "Hen Vipheak",
            "apposition_office",
        ),
        (
            "The try came through England scrum-half Kyran Bracken on Saturday.",
            "Kyran Bracken",
            "role_name",
        ),
    ] {
        let got = found(&tagger, text);
        assert!(
            got.contains(&(person.to_string(), "person", rule.to_string())),
            "{text}: {got:?}"
        );
    }
    let got = found(
        &tagger,
        "North is the aide President Reagan fired in November.",
    );
    assert!(labelled(&got, "Reagan", "person"), "{got:?}");
    assert!(
        !got.iter().any(|(s, _, _)| s.starts_with("President")),
        "{got:?}"
    );
}

/// A Chinese name found by any rule puts its family name first, which
/// later mentions use alone ("veteran dissident Wang Donghai ... Wang").
#[test]
fn chinese_family_names_link_whichever_rule_found_the_name() {
    let tagger = tagger();
    let doc = tagger.tag(
        "The detention of veteran dissident Wang Donghai was condemned. \
         Police detained Wang on Friday.",
    );
    let ids = entity_ids(&doc);
    let full = ids.iter().find(|(s, _)| *s == "Wang Donghai").unwrap().1;
    let short = ids.iter().find(|(s, _)| *s == "Wang").unwrap().1;
    assert!(full.is_some());
    assert_eq!(full, short, "{ids:?}");
}

/// A monarch's, pope's or generation's numeral ends the name ("Henry
/// VIII", "Pope John Paul II", "Andres Soriano III"), and the surname
/// before it names the person again; "I" is the pronoun.
#[test]
fn numerals_end_names() {
    let tagger = tagger();
    for (text, person) in [
        (
            "He succeeded his father Leopold III in 1951.",
            "Leopold III",
        ),
        ("Pope John Paul II said on Sunday.", "John Paul II"),
    ] {
        let got = found(&tagger, text);
        assert!(labelled(&got, person, "person"), "{text}: {got:?}");
    }
    let doc = tagger.tag("Chairman Andres Soriano III said so. Soriano added that sales rose.");
    let ids = entity_ids(&doc);
    let full = ids
        .iter()
        .find(|(s, _)| *s == "Andres Soriano III")
        .unwrap()
        .1;
    let short = ids.iter().find(|(s, _)| *s == "Soriano").unwrap().1;
    assert_eq!(full, short, "{ids:?}");
    let got = found(&tagger, "Mr. Smith I think is right.");
    assert!(got.iter().any(|(s, _, _)| s == "Smith"), "{got:?}");
}

/// A person named by one word ("his wife Naina") is linked only where the
/// word stands alone: before a family name it starts a longer name
/// ("Naina Yeltsin", another person of the family).
#[test]
fn a_one_word_name_links_only_alone() {
    let tagger = tagger();
    let doc = tagger.tag(
        "President Boris Yeltsin visited his wife Naina in hospital. \
         Naina Yeltsin had a kidney operation. Naina is well.",
    );
    let got: Vec<&str> = doc.mentions().iter().map(|m| doc.surface(m)).collect();
    assert!(got.contains(&"Naina Yeltsin"), "{got:?}");
    assert_eq!(got.iter().filter(|s| **s == "Naina").count(), 2, "{got:?}");
}

/// A period that ends a mention may end the sentence too: the name after
/// it starts another ("Wenatchee, Wash. Asamera said").
#[test]
fn a_mention_ending_in_a_period_starts_no_longer_name() {
    let tagger = tagger_with(
        r#"{"id": "place:admin1:US-WA", "label": "place", "kind": "admin1", "name": "Washington", "aliases": [{"text": "Wash.", "match": "exact", "guard": "qualifier"}], "country": "US", "priority": 5}
{"id": "place:city:wenatchee", "label": "place", "kind": "city", "name": "Wenatchee", "country": "US"}"#,
    );
    let got = found(
        &tagger,
        "It owns a mine in Wenatchee, Wash. Asamera said the mine produced gold.",
    );
    assert!(labelled(&got, "Wash.", "place"), "{got:?}");
    assert!(!got.iter().any(|(s, _, _)| s.contains("Wash. ")), "{got:?}");
}

/// Wire copy capitalizes common words after "U.S." ("the U.S. Dollar"):
/// after a place in capitals, "the" and the place start an organization's
/// name only before a word that heads one or before two name words.
#[test]
fn common_words_capitalized_after_an_acronym_make_no_organization() {
    let tagger = tagger_with(
        r#"{"id": "place:country:US", "label": "place", "kind": "country", "name": "United States", "aliases": [{"text": "U.S.", "match": "exact"}], "country": "US", "priority": 20}
{"id": "place:city:pittsburgh", "label": "place", "kind": "city", "name": "Pittsburgh", "country": "US"}"#,
    );
    for text in [
        "The yen rose against the U.S. Dollar on Monday.",
        "He said the U.S. Economy would grow.",
    ] {
        let got = found(&tagger, text);
        assert!(
            !got.iter().any(|(_, l, _)| *l == "organization"),
            "{text}: {got:?}"
        );
    }
    for (text, org) in [
        ("Officials of the U.S. Treasury said so.", "U.S. Treasury"),
        (
            "Officials of the U.S. Agriculture Department said so.",
            "U.S. Agriculture Department",
        ),
        (
            "Fans of the Pittsburgh Pirates cheered.",
            "Pittsburgh Pirates",
        ),
    ] {
        let got = found(&tagger, text);
        assert!(labelled(&got, org, "organization"), "{text}: {got:?}");
    }
}

#[test]
fn the_rules_mode_chooses_which_rule_files_run() {
    let dir = std::env::temp_dir().join(format!("gazetag-rules-mode-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    std::fs::write(dir.join("places.jsonl"), EXTRA).unwrap();
    std::fs::write(
        dir.join("rules").join("ships.jsonl"),
        r#"{"list": "ship_prefix", "case": "upper", "words": ["HMS"]}
{"rule": "ship", "pattern": "ship_prefix (org: cap)", "kind": "ship"}
"#,
    )
    .unwrap();
    let text = "HMS Daring met Mr. Smith in Paris.";
    let surfaces = |rules: Rules| -> Vec<String> {
        let tagger = Tagger::builder()
            .dictionary_path(&dir)
            .rules(rules)
            .build()
            .unwrap();
        found(&tagger, text).into_iter().map(|f| f.0).collect()
    };
    // The default runs a dictionary directory's rules, and the built-in
    // ones only with the built-in dictionaries.
    assert_eq!(surfaces(Rules::default()), ["Daring", "Paris"]);
    assert_eq!(surfaces(Rules::WithDictionaries), ["Daring", "Paris"]);
    assert_eq!(surfaces(Rules::Builtin), ["Daring", "Smith", "Paris"]);
    assert_eq!(surfaces(Rules::Off), ["Paris"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// "the <office>" after "<office> <name>" is that person; not another
/// office ("of"), nor one two people hold.
#[test]
fn offices_name_their_holders_again() {
    let tagger = Tagger::default();
    let office_refs = |text: &str| -> Vec<(String, String)> {
        let doc = tagger.tag(text);
        doc.mentions()
            .iter()
            .filter(|m| matches!(m.evidence, Evidence::Rule { rule } if doc.rule_name(rule) == "office_reference"))
            .map(|m| {
                (
                    doc.surface(m).to_string(),
                    doc.entity_id(m).unwrap_or_default().to_string(),
                )
            })
            .collect()
    };
    let text = "Foreign Secretary Boris Johnson visited Baghdad on Monday. The Foreign Secretary \
                said the talks went well. Later the Foreign Secretary of Iraq spoke, and the \
                Foreign Secretary's aides left.";
    let doc = tagger.tag(text);
    let johnson = doc
        .mentions()
        .iter()
        .find(|m| doc.surface(m) == "Boris Johnson")
        .and_then(|m| doc.entity_id(m))
        .unwrap()
        .to_string();
    assert_eq!(
        office_refs(text),
        [
            ("Foreign Secretary".to_string(), johnson.clone()),
            ("Foreign Secretary".to_string(), johnson)
        ]
    );
    // Before the name, or held by two: no one.
    assert!(
        office_refs("The Treasury Secretary spoke. Treasury Secretary James Baker left.")
            .is_empty()
    );
    assert!(office_refs(
        "Defense Minister Ahn Gyu-back met Defense Minister Koji Tanaka. The Defense Minister said so."
    )
    .is_empty());
}

/// Military bases and places named for titled people are places, not the
/// person or the service they are named for.
#[test]
fn bases_and_titled_places() {
    let tagger = Tagger::default();
    let table = [
        (
            "Jets flew from Al Udeid Air Base in Qatar.",
            "Al Udeid Air Base",
            "military_base",
        ),
        (
            "Planes at Andersen Air Force Base were moved.",
            "Andersen Air Force Base",
            "military_base",
        ),
        (
            "The Prince Sultan Air Base hosts jets.",
            "Prince Sultan Air Base",
            "military_base",
        ),
        (
            "Sailors at Naval Air Station Pensacola trained.",
            "Naval Air Station Pensacola",
            "military_base",
        ),
        (
            "Ships left Naval Station Norfolk on Monday.",
            "Naval Station Norfolk",
            "military_base",
        ),
        (
            "Crossing the King Fahd Causeway took hours.",
            "King Fahd Causeway",
            "titled_place",
        ),
        (
            "Traffic on Sheikh Zayed Road was heavy.",
            "Sheikh Zayed Road",
            "titled_place",
        ),
    ];
    for (text, surface, rule) in table {
        let got = found(&tagger, text);
        assert!(
            got.iter()
                .any(|(s, l, r)| s == surface && *l == "place" && r == rule),
            "{text}: {got:?}"
        );
    }
    // The service or the person alone stays what it was.
    let got = found(&tagger, "The Air Force said King Fahd met Bush.");
    assert!(labelled(&got, "Air Force", "organization"), "{got:?}");
    assert!(labelled(&got, "Fahd", "person"), "{got:?}");
    // No base without a service: "customer Base" is no place.
    assert!(found(&tagger, "Its Customer Base grew.").is_empty());
}
