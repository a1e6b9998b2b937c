package ng.risiti.nrs.integrations.rest;

import ng.risiti.nrs.integrations.domain.Integration;

/** An integration as {@code GET /api/v1/integrations} lists it; the URLs are paths on the API's base URL. */
public record IntegrationResponse(String id, String name, String description, String status, String version, String downloadUrl,
        String guideUrl, String documentationUrl) {

    static IntegrationResponse of(Integration integration) {
        return new IntegrationResponse(integration.id(), integration.name(), integration.description(), integration.status().wireName(),
                integration.version(), integration.downloadUrl(), integration.guideUrl(), integration.documentationUrl());
    }
}
