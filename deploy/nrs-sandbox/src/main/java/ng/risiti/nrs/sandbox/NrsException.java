package ng.risiti.nrs.sandbox;

/** A failure answered in NRS's error envelope (see {@link ng.risiti.nrs.sandbox.rest.NrsEnvelope}). */
public class NrsException extends RuntimeException {

    private final int status;
    private final String handler;
    private final String details;

    public NrsException(int status, String handler, String publicMessage, String details) {
        super(publicMessage);
        this.status = status;
        this.handler = handler;
        this.details = details;
    }

    public int status() {
        return status;
    }

    public String handler() {
        return handler;
    }

    public String details() {
        return details;
    }
}
