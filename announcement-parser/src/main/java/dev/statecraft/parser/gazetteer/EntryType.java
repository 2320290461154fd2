package dev.statecraft.parser.gazetteer;

/** What a gazetteer name stands for. */
public enum EntryType {
    COUNTRY(Layer.PLACES),
    DEMONYM(Layer.PLACES),
    PLACE(Layer.PLACES),
    /** A name that contains a country or city but is neither ("Berlin Process"); matched only to block them. */
    NOT_A_PLACE(Layer.PLACES),
    ORGANISATION(Layer.PLACES),
    ROLE(Layer.PEOPLE),
    OFFICE_HOLDER(Layer.PEOPLE),
    /** The family name of an office-holder, matched alone ("Putin"). */
    SURNAME(Layer.PEOPLE),
    HONORIFIC(Layer.PEOPLE);

    /**
     * Names of the two layers may overlap ("UN Secretary-General" is a role and contains an organisation);
     * within one layer the leftmost longest match wins.
     */
    public enum Layer { PLACES, PEOPLE }

    private final Layer layer;

    EntryType(Layer layer) {
        this.layer = layer;
    }

    public Layer layer() {
        return layer;
    }
}
