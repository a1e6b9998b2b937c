package ng.risiti.auth.session.domain;

/** Where a sign-in came from (the request's User-Agent and client IP), kept on the session it opens. */
public record Client(String userAgent, String ipAddress) {
}
