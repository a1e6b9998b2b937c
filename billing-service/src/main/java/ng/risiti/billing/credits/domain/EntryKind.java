package ng.risiti.billing.credits.domain;

/** What a ledger entry records; {@code trial_call} entries are free calls (amount 0) so the trial is counted in the ledger too. */
public enum EntryKind {
    TOP_UP("top_up"),
    TRIAL_CALL("trial_call"),
    API_CALL("api_call"),
    VERIFICATION("verification");

    private final String wireName;

    EntryKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static EntryKind of(String wireName) {
        for (EntryKind kind : values()) {
            if (kind.wireName.equals(wireName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown ledger entry kind " + wireName);
    }
}
