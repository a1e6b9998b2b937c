package ng.risiti.platform.events;

/**
 * CloudEvents 1.0 Kafka binary-mode header names, plus our extensions: {@code ce_tenantid}, {@code ce_mode}
 * ({@code live} or {@code test}, on events about a tenant's data) and {@code ce_aggregateversion} (1, 2, 3 … per
 * aggregate, in commit order: a consumer that keeps state applies an event only when it is newer than what it holds).
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String TENANT_ID = "ce_tenantid";
    public static final String MODE = "ce_mode";
    public static final String AGGREGATE_VERSION = "ce_aggregateversion";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SUPPORTED_SPEC_VERSION = "1.0";
    public static final String LIVE = "live";
    public static final String TEST = "test";

    private CloudEventHeaders() {
    }
}
