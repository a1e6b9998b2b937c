package ng.risiti.platform.events;

/** CloudEvents 1.0 Kafka binary-mode header names, plus our {@code ce_tenantid} extension. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String TENANT_ID = "ce_tenantid";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }
}
