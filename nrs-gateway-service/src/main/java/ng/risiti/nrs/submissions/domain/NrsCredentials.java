package ng.risiti.nrs.submissions.domain;

/** What an NRS call is made with: the {@code x-api-key}/{@code x-api-secret} pair and the entity's business id. */
public record NrsCredentials(String apiKey, String apiSecret, String businessId) {

    @Override
    public String toString() {
        return "NrsCredentials[business_id=" + businessId + "]";
    }
}
