package dev.statecraft.parser.places;

import dev.statecraft.model.CountryMention;
import dev.statecraft.model.LocationMention;
import dev.statecraft.model.OrganisationMention;
import dev.statecraft.model.Span;
import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.GazetteerEntry;
import dev.statecraft.parser.gazetteer.GazetteerMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Countries (from names, short forms, demonyms and cities used as metonyms), cities with their country,
 * and organisations, from the gazetteer matches of the places layer plus what the source's metadata tags.
 */
public final class PlaceExtractor {
    private final Gazetteer gazetteer;

    public PlaceExtractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** What the places layer found. */
    public record Places(List<CountryMention> countries, List<LocationMention> locations,
            List<OrganisationMention> organisations) {
    }

    /**
     * @param affiliations where the text names an organisation a person works at, beyond the gazetteer's
     */
    public Places extract(String text, List<GazetteerMatch> matches, List<Span> affiliations,
            List<String> metadataPlaces, List<String> metadataOrganisations) {
        Map<String, List<Span>> countries = new LinkedHashMap<>();
        Map<String, LocationMention> locations = new LinkedHashMap<>();
        Map<String, List<Span>> locationSpans = new LinkedHashMap<>();
        Map<String, String> organisationNames = new LinkedHashMap<>();
        Map<String, List<Span>> organisationSpans = new LinkedHashMap<>();
        for (GazetteerMatch m : matches) {
            GazetteerEntry e = m.entry();
            Span span = new Span(m.start(), m.end());
            switch (e.type()) {
                case COUNTRY, DEMONYM -> countries.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(span);
                case PLACE -> {
                    locations.putIfAbsent(e.key(), new LocationMention(e.key(), e.country(), List.of()));
                    locationSpans.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(span);
                    if (e.impliesCountry()) {
                        countries.computeIfAbsent(e.country(), k -> new ArrayList<>()).add(span);
                    }
                }
                case ORGANISATION -> {
                    organisationNames.putIfAbsent(e.key(), e.label());
                    organisationSpans.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(span);
                }
                default -> {
                }
            }
        }
        for (Span span : affiliations) {
            String name = text.substring(span.start(), span.end());
            GazetteerEntry known = gazetteer.organisation(name).orElse(null);
            String id = known != null ? known.key() : name;
            organisationNames.putIfAbsent(id, known != null ? known.label() : name);
            List<Span> spans = organisationSpans.computeIfAbsent(id, k -> new ArrayList<>());
            if (!spans.contains(span)) {
                spans.add(span);
            }
        }
        for (String place : metadataPlaces) {
            gazetteer.countryCode(place).ifPresent(code -> countries.computeIfAbsent(code, k -> new ArrayList<>()));
        }
        for (String organisation : metadataOrganisations) {
            GazetteerEntry known = gazetteer.organisation(organisation).orElse(null);
            String id = known != null ? known.key() : organisation;
            organisationNames.putIfAbsent(id, known != null ? known.label() : organisation);
            organisationSpans.computeIfAbsent(id, k -> new ArrayList<>());
        }
        List<CountryMention> countryMentions = new ArrayList<>();
        countries.forEach((code, spans) -> countryMentions.add(new CountryMention(code, spans)));
        List<LocationMention> locationMentions = new ArrayList<>();
        locations.forEach((name, l) -> locationMentions.add(new LocationMention(name, l.country(),
                locationSpans.get(name))));
        List<OrganisationMention> organisationMentions = new ArrayList<>();
        organisationNames.forEach((id, name) -> organisationMentions.add(new OrganisationMention(id, name,
                organisationSpans.get(id))));
        return new Places(countryMentions, locationMentions, organisationMentions);
    }
}
