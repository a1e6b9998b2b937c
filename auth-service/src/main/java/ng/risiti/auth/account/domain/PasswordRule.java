package ng.risiti.auth.account.domain;

/**
 * What a new password must be (docs/api-rules.md, Authentication): at least 8 characters with an uppercase letter
 * and a number; capped so the cost of hashing it stays bounded.
 */
public final class PasswordRule {

    public static final String PATTERN = "(?=.*\\p{Lu})(?=.*\\d)[\\s\\S]{8,128}";
    public static final String MESSAGE = "must be 8 to 128 characters and include an uppercase letter and a number";

    private PasswordRule() {
    }
}
