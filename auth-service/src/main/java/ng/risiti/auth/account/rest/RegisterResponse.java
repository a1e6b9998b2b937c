package ng.risiti.auth.account.rest;

import ng.risiti.auth.session.service.SignIn;

public record RegisterResponse(String accessToken, String planSlug) {

    public static RegisterResponse of(SignIn.SignedIn signedIn) {
        return new RegisterResponse(signedIn.accessToken(), signedIn.tenant().planSlug);
    }
}
