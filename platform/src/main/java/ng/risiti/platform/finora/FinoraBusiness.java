package ng.risiti.platform.finora;

import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.security.Caller;

/**
 * The dialect's {@code businessId} (query, or body on writes): it must name the caller's tenant. Another business
 * answers as an unknown one, so nobody learns which businesses exist.
 */
public final class FinoraBusiness {

    private FinoraBusiness() {
    }

    /** The caller, once {@code businessId} is its tenant: 400 when it is missing, 404 for any other business. */
    public static Caller require(Caller caller, String businessId) {
        if (businessId == null || businessId.isBlank()) {
            throw ApiException.validation("business_id", "business_id is required (query or body)");
        }
        if (!businessId.trim().equals(caller.tenantId().toString())) {
            throw ApiException.notFound("Business", businessId.trim());
        }
        return caller;
    }
}
