package ng.risiti.auth.mfa.rest;

import java.util.List;

/** POST /auth/mfa/setup: shown once; the secret is stored encrypted and the backup codes only as hashes. */
public record MfaSetupResponse(String secret, String otpauthUri, String qrCode, List<String> backupCodes) {

    @Override
    public String toString() {
        return "MfaSetupResponse[***]";
    }
}
