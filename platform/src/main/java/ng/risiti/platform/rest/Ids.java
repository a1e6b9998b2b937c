package ng.risiti.platform.rest;

import java.util.UUID;
import ng.risiti.platform.error.ApiException;

/** Path ids arrive as strings so a malformed one is the same 404 as an unknown one, never a 400 or 500. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String id, String resource) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException ignored) {
            // same answer as an unknown id
        }
        throw ApiException.notFound(resource, id);
    }
}
