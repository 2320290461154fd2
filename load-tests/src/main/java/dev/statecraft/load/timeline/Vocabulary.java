package dev.statecraft.load.timeline;

import dev.statecraft.model.Kind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names and words synthetic announcements are made of, ranked by how often they occur, so filters and
 * full-text queries hit realistic selectivities. The load run picks its query parameters from the same lists.
 */
final class Vocabulary {
    private Vocabulary() {
    }

    /** ISO 3166-1 alpha-2 codes, most mentioned first, with a capital for locations and sentences. */
    static final List<String[]> COUNTRIES = List.of(
            new String[] {"UA", "Ukraine", "Kyiv"}, new String[] {"US", "the United States", "Washington"},
            new String[] {"GB", "the United Kingdom", "London"}, new String[] {"RU", "Russia", "Moscow"},
            new String[] {"CN", "China", "Beijing"}, new String[] {"FR", "France", "Paris"},
            new String[] {"DE", "Germany", "Berlin"}, new String[] {"IL", "Israel", "Jerusalem"},
            new String[] {"IR", "Iran", "Tehran"}, new String[] {"IN", "India", "New Delhi"},
            new String[] {"PL", "Poland", "Warsaw"}, new String[] {"JP", "Japan", "Tokyo"},
            new String[] {"TR", "Turkey", "Ankara"}, new String[] {"SA", "Saudi Arabia", "Riyadh"},
            new String[] {"SY", "Syria", "Damascus"}, new String[] {"AF", "Afghanistan", "Kabul"},
            new String[] {"CA", "Canada", "Ottawa"}, new String[] {"IT", "Italy", "Rome"},
            new String[] {"KP", "North Korea", "Pyongyang"}, new String[] {"KR", "South Korea", "Seoul"},
            new String[] {"EG", "Egypt", "Cairo"}, new String[] {"AU", "Australia", "Canberra"},
            new String[] {"SD", "Sudan", "Khartoum"}, new String[] {"YE", "Yemen", "Sanaa"},
            new String[] {"ES", "Spain", "Madrid"}, new String[] {"NG", "Nigeria", "Abuja"},
            new String[] {"BY", "Belarus", "Minsk"}, new String[] {"PK", "Pakistan", "Islamabad"},
            new String[] {"BR", "Brazil", "Brasilia"}, new String[] {"ZA", "South Africa", "Pretoria"},
            new String[] {"KE", "Kenya", "Nairobi"}, new String[] {"ET", "Ethiopia", "Addis Ababa"},
            new String[] {"MX", "Mexico", "Mexico City"}, new String[] {"NL", "the Netherlands", "The Hague"},
            new String[] {"SE", "Sweden", "Stockholm"}, new String[] {"NO", "Norway", "Oslo"},
            new String[] {"FI", "Finland", "Helsinki"}, new String[] {"EE", "Estonia", "Tallinn"},
            new String[] {"LV", "Latvia", "Riga"}, new String[] {"LT", "Lithuania", "Vilnius"},
            new String[] {"GE", "Georgia", "Tbilisi"}, new String[] {"MD", "Moldova", "Chisinau"},
            new String[] {"RS", "Serbia", "Belgrade"}, new String[] {"IQ", "Iraq", "Baghdad"},
            new String[] {"LB", "Lebanon", "Beirut"}, new String[] {"JO", "Jordan", "Amman"},
            new String[] {"QA", "Qatar", "Doha"}, new String[] {"AE", "the United Arab Emirates", "Abu Dhabi"},
            new String[] {"VE", "Venezuela", "Caracas"}, new String[] {"CO", "Colombia", "Bogota"},
            new String[] {"AR", "Argentina", "Buenos Aires"}, new String[] {"ID", "Indonesia", "Jakarta"},
            new String[] {"VN", "Vietnam", "Hanoi"}, new String[] {"PH", "the Philippines", "Manila"},
            new String[] {"MM", "Myanmar", "Naypyidaw"}, new String[] {"LY", "Libya", "Tripoli"},
            new String[] {"ML", "Mali", "Bamako"}, new String[] {"SO", "Somalia", "Mogadishu"},
            new String[] {"CH", "Switzerland", "Geneva"}, new String[] {"BE", "Belgium", "Brussels"});

    /** Organisation id → name. */
    static final List<String[]> ORGANISATIONS = List.of(
            new String[] {"UN", "United Nations"}, new String[] {"EU", "European Union"},
            new String[] {"NATO", "North Atlantic Treaty Organization"}, new String[] {"G7", "Group of Seven"},
            new String[] {"G20", "Group of Twenty"}, new String[] {"OSCE", "Organization for Security and Co-operation in Europe"},
            new String[] {"IAEA", "International Atomic Energy Agency"}, new String[] {"WHO", "World Health Organization"},
            new String[] {"IMF", "International Monetary Fund"}, new String[] {"WB", "World Bank"},
            new String[] {"AU", "African Union"}, new String[] {"ASEAN", "Association of Southeast Asian Nations"},
            new String[] {"ICC", "International Criminal Court"}, new String[] {"UNHCR", "UN Refugee Agency"},
            new String[] {"WFP", "World Food Programme"}, new String[] {"COE", "Council of Europe"},
            new String[] {"OPCW", "Organisation for the Prohibition of Chemical Weapons"},
            new String[] {"CHOGM", "Commonwealth"}, new String[] {"GCC", "Gulf Cooperation Council"},
            new String[] {"OAS", "Organization of American States"});

    static final List<String> PUBLISHERS = List.of("Foreign, Commonwealth & Development Office",
            "Prime Minister's Office, 10 Downing Street", "Ministry of Defence", "Department for Business and Trade",
            "HM Treasury", "Office of Financial Sanctions Implementation", "Home Office",
            "Department for Energy Security and Net Zero", "Cabinet Office", "UK Mission to the United Nations",
            "British Embassy Washington", "UK Delegation to NATO");

    static final List<String> ROLES = List.of("Foreign Secretary", "Prime Minister", "Defence Secretary",
            "President", "Foreign Minister", "Minister for Europe", "Ambassador", "Secretary-General",
            "Trade Secretary", "Minister for Development", "Chancellor", "Special Envoy");

    private static final List<String> FIRST = List.of("David", "Anna", "James", "Maria", "Olena", "Ahmed", "Li",
            "Kaja", "Antony", "Emmanuel", "Olaf", "Fumio", "Narendra", "Giorgia", "Pedro", "Mette", "Andrzej",
            "Dmytro", "Sergei", "Wang", "Rishi", "Keir", "Rachel", "Yvette", "John", "Catherine", "Stephen",
            "Ursula", "Jens", "Mark", "Annalena", "Hakan", "Faisal", "Jaishankar", "Penny", "Ben", "Grant",
            "Lammy", "Leo", "Sarah");
    private static final List<String> LAST = List.of("Smith", "Kallas", "Blinken", "Macron", "Scholz", "Kishida",
            "Modi", "Meloni", "Sanchez", "Frederiksen", "Duda", "Kuleba", "Lavrov", "Yi", "Sunak", "Starmer",
            "Reeves", "Cooper", "Healey", "Ashton", "Doughty", "von der Leyen", "Stoltenberg", "Rutte",
            "Baerbock", "Fidan", "bin Farhan", "Subrahmanyam", "Mordaunt", "Wallace", "Shapps", "Varadkar",
            "Champion", "Sikorski", "Sybiha", "Tusk", "Albanese", "Trudeau", "Lula", "Ramaphosa", "Ruto",
            "Abiy", "Sheinbaum", "Schoof", "Kristersson", "Store", "Stubb", "Michal", "Nauseda", "Kobakhidze");

    /** 2,000 distinct people: pairs of first and last names in a fixed order. */
    static final List<String> PERSONS = people();

    /** Words for bodies and titles; the most frequent first, so full-text queries range from broad to rare. */
    static final List<String> WORDS = List.of("security", "cooperation", "support", "talks", "humanitarian",
            "trade", "sanctions", "energy", "partnership", "defence", "peace", "ceasefire", "agreement", "investment",
            "minister", "visit", "human", "rights", "climate", "migration", "development", "aid", "funding",
            "reconstruction", "grain", "exports", "oil", "gas", "nuclear", "programme", "cyber", "maritime",
            "shipping", "refugees", "elections", "democracy", "corruption", "justice", "accountability", "weapons",
            "missiles", "drones", "border", "crossing", "infrastructure", "health", "vaccines", "education",
            "women", "girls", "children", "famine", "drought", "floods", "earthquake", "relief", "embassy",
            "consular", "visa", "students", "technology", "semiconductors", "critical", "minerals", "supply",
            "chains", "tariffs", "customs", "financial", "assets", "freeze", "oligarchs", "banks", "insurance",
            "tanker", "fleet", "arctic", "pacific", "indo", "resilience", "stability", "prosperity", "dialogue",
            "negotiations", "treaty", "summit", "communique", "declaration", "strategy", "violence", "hostages",
            "detention", "release", "prisoners", "journalists", "freedom", "press", "religion", "belief");

    private static List<String> people() {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; names.size() < 2000 && i < 1_000_000; i++) {
            names.add(FIRST.get(i % FIRST.size()) + " " + LAST.get((i / FIRST.size() + i) % LAST.size()));
        }
        return List.copyOf(names);
    }

    /** Share of announcements of each kind, as in a foreign-office feed: mostly statements and meetings. */
    static final Map<Kind, Double> KIND_SHARE = Map.of(Kind.STATEMENT, 0.30, Kind.MEETING, 0.18, Kind.VISIT, 0.14,
            Kind.AID, 0.08, Kind.SANCTIONS_IMPOSED, 0.07, Kind.AGREEMENT, 0.07, Kind.DEFENCE_COOPERATION, 0.05,
            Kind.SUMMIT, 0.04, Kind.SANCTIONS_LIFTED, 0.02, Kind.OTHER, 0.05);
}
