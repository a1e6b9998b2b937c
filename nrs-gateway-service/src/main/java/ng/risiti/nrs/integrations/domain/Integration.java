package ng.risiti.nrs.integrations.domain;

/**
 * One entry of seed 000's "Available Integrations": what a dashboard lists, whether it can be used now, and where
 * its download, guide or API documentation is (paths on the API's own base URL; null where an entry has none).
 */
public record Integration(String id, String name, String description, Status status, String version, String downloadUrl,
        String guideUrl, String documentationUrl) {

    public enum Status {
        AVAILABLE("available"), COMING_SOON("coming_soon");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
