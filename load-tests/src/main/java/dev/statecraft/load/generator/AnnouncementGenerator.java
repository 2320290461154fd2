package dev.statecraft.load.generator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic announcements in the style of GOV.UK press releases: visits, meetings, summits, sanctions imposed
 * and lifted, statements, defence co-operation, aid and agreements, naming countries, capitals, ministers with
 * their roles, organisations, dates, sums of money and quotes, so that the real parser extracts varied facts.
 *
 * <p>Deterministic: announcement {@code i} of seed {@code s} is always the same text, whatever was generated
 * before it, so a load tool can retry one by index. Every announcement has its own source URL (the intake's
 * identity), and its text differs too, so no two are ever taken for duplicates.
 */
public final class AnnouncementGenerator {
    /** A foreign country: ISO code, name, adjective, capital, and a minister (role, name) who can be met there. */
    record Country(String code, String name, String adjective, String capital, String ministerRole,
            String ministerName) {
    }

    /** A UK minister who travels, meets and speaks. */
    record Minister(String role, String name, String department) {
    }

    static final List<Country> COUNTRIES = List.of(
            new Country("UA", "Ukraine", "Ukrainian", "Kyiv", "Foreign Minister", "Andrii Sybiha"),
            new Country("FR", "France", "French", "Paris", "Foreign Minister", "Pierre Martin"),
            new Country("DE", "Germany", "German", "Berlin", "Foreign Minister", "Tobias Becker"),
            new Country("PL", "Poland", "Polish", "Warsaw", "Defence Minister", "Andrzej Nowak"),
            new Country("US", "the United States", "American", "Washington", "Secretary of State", "Michael Turner"),
            new Country("JP", "Japan", "Japanese", "Tokyo", "Foreign Minister", "Shigeru Tanaka"),
            new Country("IN", "India", "Indian", "New Delhi", "Foreign Minister", "Vikram Rao"),
            new Country("CN", "China", "Chinese", "Beijing", "Foreign Minister", "Li Wen"),
            new Country("KE", "Kenya", "Kenyan", "Nairobi", "Foreign Minister", "Grace Wanjiru"),
            new Country("NG", "Nigeria", "Nigerian", "Abuja", "Foreign Minister", "Ahmed Bello"),
            new Country("ZA", "South Africa", "South African", "Pretoria", "Minister of International Relations",
                    "Cyril Naidoo"),
            new Country("BR", "Brazil", "Brazilian", "Brasilia", "Foreign Minister", "Carlos Almeida"),
            new Country("MX", "Mexico", "Mexican", "Mexico City", "Foreign Minister", "Javier Morales"),
            new Country("CA", "Canada", "Canadian", "Ottawa", "Foreign Minister", "Sarah Campbell"),
            new Country("AU", "Australia", "Australian", "Canberra", "Foreign Minister", "Penny Walsh"),
            new Country("IT", "Italy", "Italian", "Rome", "Foreign Minister", "Giovanni Ricci"),
            new Country("ES", "Spain", "Spanish", "Madrid", "Foreign Minister", "Juan Garcia"),
            new Country("SE", "Sweden", "Swedish", "Stockholm", "Foreign Minister", "Lars Lindqvist"),
            new Country("NO", "Norway", "Norwegian", "Oslo", "Foreign Minister", "Erik Solheim"),
            new Country("EE", "Estonia", "Estonian", "Tallinn", "Foreign Minister", "Kaja Tamm"),
            new Country("TR", "Turkey", "Turkish", "Ankara", "Foreign Minister", "Recep Demir"),
            new Country("SA", "Saudi Arabia", "Saudi", "Riyadh", "Foreign Minister", "Abdullah Al-Saud"),
            new Country("EG", "Egypt", "Egyptian", "Cairo", "Foreign Minister", "Ahmed Hassan"),
            new Country("JO", "Jordan", "Jordanian", "Amman", "Foreign Minister", "Ali Haddad"),
            new Country("ID", "Indonesia", "Indonesian", "Jakarta", "Foreign Minister", "Maria Santoso"),
            new Country("VN", "Vietnam", "Vietnamese", "Hanoi", "Foreign Minister", "Ivan Nguyen"),
            new Country("KR", "South Korea", "Korean", "Seoul", "Foreign Minister", "Kim Min-jun"),
            new Country("PH", "the Philippines", "Filipino", "Manila", "Foreign Secretary", "Maria Reyes"),
            new Country("GH", "Ghana", "Ghanaian", "Accra", "Foreign Minister", "Kofi Mensah"),
            new Country("ET", "Ethiopia", "Ethiopian", "Addis Ababa", "Foreign Minister", "Daniel Tesfaye"),
            new Country("SD", "Sudan", "Sudanese", "Khartoum", "Foreign Minister", "Ali Osman"),
            new Country("MD", "Moldova", "Moldovan", "Chisinau", "Foreign Minister", "Elena Popescu"),
            new Country("GE", "Georgia", "Georgian", "Tbilisi", "Foreign Minister", "David Beridze"),
            new Country("AM", "Armenia", "Armenian", "Yerevan", "Foreign Minister", "Ararat Sargsyan"),
            new Country("IE", "Ireland", "Irish", "Dublin", "Foreign Minister", "Simon Coveney"),
            new Country("NL", "the Netherlands", "Dutch", "The Hague", "Foreign Minister", "Jan de Vries"),
            new Country("PK", "Pakistan", "Pakistani", "Islamabad", "Foreign Minister", "Imran Qureshi"),
            new Country("BD", "Bangladesh", "Bangladeshi", "Dhaka", "Foreign Minister", "Fatima Rahman"),
            new Country("CL", "Chile", "Chilean", "Santiago", "Foreign Minister", "Antonio Silva"),
            new Country("NZ", "New Zealand", "New Zealand", "Wellington", "Foreign Minister", "Hannah Clarke"));

    /** Targets of sanctions: countries whose regimes the UK designates under. */
    static final List<Country> SANCTIONED = List.of(
            new Country("RU", "Russia", "Russian", "Moscow", "Foreign Minister", "Sergey Lavrov"),
            new Country("BY", "Belarus", "Belarusian", "Minsk", "Foreign Minister", "Maxim Ryzhenkov"),
            new Country("IR", "Iran", "Iranian", "Tehran", "Foreign Minister", "Abbas Araghchi"),
            new Country("KP", "North Korea", "North Korean", "Pyongyang", "Foreign Minister", "Choe Son-hui"),
            new Country("SY", "Syria", "Syrian", "Damascus", "Foreign Minister", "Asaad al-Shaibani"),
            new Country("MM", "Myanmar", "Burmese", "Naypyidaw", "Foreign Minister", "Than Swe"));

    static final List<Minister> UK_MINISTERS = List.of(
            new Minister("Foreign Secretary", "David Lammy", "Foreign, Commonwealth & Development Office"),
            new Minister("Foreign Secretary", "Yvette Cooper", "Foreign, Commonwealth & Development Office"),
            new Minister("Defence Secretary", "John Healey", "Ministry of Defence"),
            new Minister("Prime Minister", "Keir Starmer", "Prime Minister's Office, 10 Downing Street"),
            new Minister("Minister for Europe", "Stephen Doughty", "Foreign, Commonwealth & Development Office"),
            new Minister("Minister for Development", "Jenny Chapman", "Foreign, Commonwealth & Development Office"),
            new Minister("Minister for the Indo-Pacific", "Catherine West", "Foreign, Commonwealth & Development Office"),
            new Minister("Minister for Africa", "Ray Collins", "Foreign, Commonwealth & Development Office"),
            new Minister("Business and Trade Secretary", "Peter Kyle", "Department for Business and Trade"),
            new Minister("Armed Forces Minister", "Luke Pollard", "Ministry of Defence"));

    static final List<String> ORGANISATIONS = List.of("NATO", "the European Union", "the United Nations", "the G7",
            "the G20", "the OSCE", "the World Bank", "the International Monetary Fund", "the Commonwealth",
            "the UN Security Council", "the Council of Europe", "the World Health Organization");

    static final List<String> THEMES = List.of("energy security", "trade and investment", "climate finance",
            "critical minerals", "cyber security", "migration", "global health", "maritime security",
            "food security", "artificial intelligence", "education partnerships", "counter-terrorism");

    static final List<String> SANCTION_TARGETS = List.of("shipping companies", "oil traders", "military officials",
            "defence manufacturers", "banks", "vessels of the shadow fleet", "senior security officials",
            "procurement networks", "cyber actors", "gold traders");

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    private final long seed;

    public AnnouncementGenerator(long seed) {
        this.seed = seed;
    }

    /** The first {@code count} announcements of this seed. */
    public List<GeneratedAnnouncement> first(int count) {
        List<GeneratedAnnouncement> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(generate(i));
        }
        return all;
    }

    /** Announcement number {@code index} of this seed: the same every time. */
    public GeneratedAnnouncement generate(int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Writer w = new Writer(random, index);
        return switch (index % 9) {
            case 0 -> w.visit();
            case 1 -> w.meeting();
            case 2 -> w.summit();
            case 3 -> w.sanctionsImposed();
            case 4 -> w.sanctionsLifted();
            case 5 -> w.statement();
            case 6 -> w.defenceCooperation();
            case 7 -> w.aid();
            default -> w.agreement();
        };
    }

    /** Writes one announcement from one stream of random choices. */
    private final class Writer {
        private final SplittableRandom random;
        private final int index;
        private final LocalDate day;
        private final Minister minister;
        private final Country country;
        private final Country other;

        Writer(SplittableRandom random, int index) {
            this.random = random;
            this.index = index;
            this.day = FIRST_DAY.plusDays(random.nextInt(730));
            this.minister = pick(UK_MINISTERS);
            this.country = pick(COUNTRIES);
            Country second = pick(COUNTRIES);
            this.other = second.equals(country) ? COUNTRIES.get((COUNTRIES.indexOf(country) + 1) % COUNTRIES.size())
                    : second;
        }

        GeneratedAnnouncement visit() {
            String title = minister.role() + " visits " + country.capital() + " to deepen UK-" + country.adjective()
                    + " ties on " + theme();
            String theme = theme();
            String body = paragraphs(
                    "The " + minister.role() + ", " + minister.name() + ", arrived in " + country.capital()
                            + " today (" + day.format(DAY_MONTH) + ") for a two-day visit to " + country.name()
                            + ", the first by a UK minister this year.",
                    "During the visit the " + minister.role() + " will meet " + country.ministerRole() + " "
                            + country.ministerName() + " to discuss " + theme + " and co-operation in "
                            + pick(ORGANISATIONS) + ".",
                    money("The UK will announce " , " of new investment in " + theme + " during the trip."),
                    quote(minister, "The partnership between the UK and " + country.name()
                            + " matters more than ever. Together we can deliver growth and security for both our peoples."),
                    "The " + minister.role() + " will travel on to " + other.capital() + " on "
                            + day.plusDays(2).format(DAY_MONTH) + ".");
            return done("visit", title, body, country, other);
        }

        GeneratedAnnouncement meeting() {
            String title = minister.role() + " meets " + country.adjective() + " " + country.ministerRole();
            String body = paragraphs(
                    "The " + minister.role() + ", " + minister.name() + ", met " + country.adjective() + " "
                            + country.ministerRole() + " " + country.ministerName() + " in London on "
                            + day.format(DAY_MONTH) + " for talks on " + theme() + ".",
                    "The two ministers discussed the situation in " + other.name() + ", the work of "
                            + pick(ORGANISATIONS) + " and the next round of the UK-" + country.adjective()
                            + " Strategic Dialogue.",
                    quote(minister, "Today's meeting shows the strength of our relationship with " + country.name()
                            + ". We agreed to step up our work together on " + theme() + "."),
                    "They agreed to meet again before the end of " + day.plusMonths(3).getYear() + ".");
            return done("meeting", title, body, country, other);
        }

        GeneratedAnnouncement summit() {
            String organisation = pick(List.of("G7", "G20", "NATO", "Commonwealth", "European Political Community"));
            String title = "Prime Minister attends " + organisation + " summit in " + country.capital();
            String body = paragraphs(
                    "The Prime Minister, Keir Starmer, will join leaders at the " + organisation + " summit in "
                            + country.capital() + ", " + country.name() + ", on " + day.format(FULL) + ".",
                    "Leaders are expected to agree a communiqué on " + theme() + " and on support for "
                            + other.name() + ".",
                    money("The UK will pledge ", " to the summit's joint fund for " + theme() + "."),
                    quote(new Minister("Prime Minister", "Keir Starmer", ""), "This summit is a chance to show that "
                            + "partners who work together can meet the challenges of our time."),
                    "The Prime Minister will also hold a bilateral meeting with the " + other.adjective()
                            + " " + other.ministerRole() + ", " + other.ministerName() + ".");
            return done("summit", title, body, country, other);
        }

        GeneratedAnnouncement sanctionsImposed() {
            Country target = pick(SANCTIONED);
            String targets = pick(SANCTION_TARGETS);
            int count = 3 + random.nextInt(40);
            String title = "UK sanctions " + count + " " + target.adjective() + " " + targets;
            String body = paragraphs(
                    "The UK has today (" + day.format(DAY_MONTH) + ") sanctioned " + count + " " + targets
                            + " linked to " + target.name() + ", under the " + target.name()
                            + " sanctions regime.",
                    "Those designated face an asset freeze and a travel ban. The designations were co-ordinated with "
                            + country.name() + " and " + pick(ORGANISATIONS) + ".",
                    money("The measures target networks that have earned more than ", " in the last year."),
                    quote(minister, "These sanctions will cut off the money " + target.name()
                            + " relies on. We will keep up the pressure with our partners in " + country.name() + "."),
                    "The full list of designations is published by the Office of Financial Sanctions Implementation.");
            return done("sanctions_imposed", title, body, target, country);
        }

        GeneratedAnnouncement sanctionsLifted() {
            Country target = pick(SANCTIONED.subList(3, SANCTIONED.size()));
            String title = "UK lifts sanctions on " + target.adjective() + " " + pick(List.of("banks", "airlines",
                    "ports", "ministries", "energy companies"));
            String body = paragraphs(
                    "The UK has today (" + day.format(DAY_MONTH) + ") lifted sanctions on " + (2 + random.nextInt(20))
                            + " entities in " + target.name() + " following progress in talks hosted by "
                            + country.name() + ".",
                    "The entities have been removed from the sanctions list and their assets will be unfrozen.",
                    quote(minister, "Easing these sanctions recognises real steps taken by " + target.name()
                            + ". We will not hesitate to act again if that progress is reversed."),
                    "The decision was taken together with " + pick(ORGANISATIONS) + ".");
            return done("sanctions_lifted", title, body, target, country);
        }

        GeneratedAnnouncement statement() {
            String title = minister.role() + " statement on " + pick(List.of("elections", "the ceasefire",
                    "the attack", "the anniversary", "the humanitarian situation")) + " in " + country.name();
            String body = paragraphs(
                    "The " + minister.role() + ", " + minister.name() + ", made a statement on "
                            + day.format(FULL) + " about recent events in " + country.name() + ".",
                    quote(minister, "The UK condemns the violence in " + country.name()
                            + " and calls on all parties to respect international law. Our thoughts are with the people of "
                            + country.name() + "."),
                    "The UK will raise the matter at " + pick(ORGANISATIONS) + " alongside " + other.name() + ".");
            return done("statement", title, body, country, other);
        }

        GeneratedAnnouncement defenceCooperation() {
            int troops = 100 * (1 + random.nextInt(60));
            String title = "UK and " + country.name() + " agree new defence co-operation";
            String body = paragraphs(
                    "The Defence Secretary, John Healey, and " + country.adjective() + " " + country.ministerRole()
                            + " " + country.ministerName() + " announced a new defence partnership on "
                            + day.format(DAY_MONTH) + ".",
                    "Under the plans more than " + troops + " troops will take part in joint exercises in "
                            + country.name() + " and " + other.name() + " next year, and the armed forces of both "
                            + "countries will train together.",
                    money("The partnership is backed by ", " of defence industry contracts."),
                    quote(new Minister("Defence Secretary", "John Healey", ""), "Our armed forces are stronger "
                            + "when they work with allies like " + country.name() + "."),
                    "The agreement deepens co-operation within " + pick(ORGANISATIONS) + ".");
            return done("defence_cooperation", title, body, country, other);
        }

        GeneratedAnnouncement aid() {
            String crisis = pick(List.of("floods", "drought", "earthquake", "conflict", "cholera outbreak",
                    "food crisis"));
            String title = "UK announces humanitarian aid for " + country.name() + " after " + crisis;
            String body = paragraphs(
                    "The UK will provide " + amount() + " in humanitarian aid to people affected by the " + crisis
                            + " in " + country.name() + ", the " + minister.role() + ", " + minister.name()
                            + ", announced on " + day.format(DAY_MONTH) + ".",
                    "The funding package will provide life-saving food, water and shelter for "
                            + (10 + random.nextInt(900)) + ",000 people and will be delivered through "
                            + pick(ORGANISATIONS) + ".",
                    quote(minister, "The UK stands with the people of " + country.name()
                            + ". This emergency support will reach those who need it most."),
                    "The UK has also deployed humanitarian experts to " + country.capital() + ".");
            return done("aid", title, body, country, other);
        }

        GeneratedAnnouncement agreement() {
            String title = "UK and " + country.name() + " sign agreement on " + theme();
            String body = paragraphs(
                    "The UK and " + country.name() + " signed a memorandum of understanding on " + theme() + " in "
                            + country.capital() + " on " + day.format(DAY_MONTH) + ".",
                    "The agreement was signed by the " + minister.role() + ", " + minister.name() + ", and "
                            + country.adjective() + " " + country.ministerRole() + " " + country.ministerName() + ".",
                    money("The deal is expected to be worth ", " to the two economies over the next decade."),
                    quote(minister, "This agreement opens a new chapter in our partnership with " + country.name()
                            + " and will create jobs in both countries."),
                    "Negotiations on a wider treaty with " + country.name() + " and " + other.name()
                            + " will start in " + day.plusMonths(2).getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK)
                            + ".");
            return done("agreement", title, body, country, other);
        }

        private GeneratedAnnouncement done(String kind, String title, String body, Country main, Country second) {
            String slug = (title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""))
                    + "-" + Long.toString(seed, 36).replace('-', 'm') + "-" + index;
            // notes to editors with a unique reference: a realistic line that also keeps every text distinct
            String fullBody = body + "\n\nNotes to editors\n\nMedia enquiries quoting reference "
                    + String.format(Locale.ROOT, "PR-%d-%06d", day.getYear(), index) + ": press office, "
                    + minister.department() + ".";
            return new GeneratedAnnouncement(index, "https://www.gov.uk/government/news/" + slug,
                    minister.department().isEmpty() ? "Foreign, Commonwealth & Development Office" : minister.department(),
                    day, title, fullBody, kind, List.of(main.code(), second.code()));
        }

        private String theme() {
            return pick(THEMES);
        }

        private String amount() {
            int value = 1 + random.nextInt(999);
            return switch (random.nextInt(4)) {
                case 0 -> "£" + value + " million";
                case 1 -> "£" + (1 + value % 40) + " billion";
                case 2 -> "$" + value + " million";
                default -> "€" + value + " million";
            };
        }

        private String money(String before, String after) {
            return before + amount() + after;
        }

        private String quote(Minister speaker, String words) {
            return speaker.role() + " " + speaker.name() + " said:\n\n" + words;
        }

        private String paragraphs(String... paragraphs) {
            return String.join("\n\n", paragraphs);
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }
    }
}
