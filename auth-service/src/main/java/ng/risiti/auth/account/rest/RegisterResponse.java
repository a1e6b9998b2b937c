package ng.risiti.auth.account.rest;

public record RegisterResponse(String accessToken, String planSlug) {
}
