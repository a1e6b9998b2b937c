package ng.risiti.nrs.submissions.domain;

import java.util.Locale;

/**
 * The NRS MBS sequence a submission walks, in order. A job records each step as done before taking the next, so a
 * restarted worker continues where the last one stopped.
 */
public enum MbsStep {
    VALIDATE_IRN,
    VALIDATE,
    SIGN,
    TRANSMIT,
    CONFIRM,
    DONE;

    public MbsStep next() {
        return this == DONE ? DONE : values()[ordinal() + 1];
    }

    /** The submissions column holding when this step was done. */
    public String doneColumn() {
        return switch (this) {
            case VALIDATE_IRN -> "irn_validated_at";
            case VALIDATE -> "validated_at";
            case SIGN -> "signed_at";
            case TRANSMIT -> "transmitted_at";
            case CONFIRM -> "confirmed_at";
            case DONE -> throw new IllegalStateException("DONE is not a call");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
