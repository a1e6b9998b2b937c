package ng.risiti.auth.mfa.rest;

import java.util.List;
import ng.risiti.auth.mfa.service.MfaService;

/** POST /auth/mfa/setup: shown once; the secret is stored encrypted and the backup codes only as hashes. */
public record MfaSetupResponse(String secret, String otpauthUri, String qrCode, List<String> backupCodes) {

    public static MfaSetupResponse of(MfaService.Enrollment enrollment) {
        return new MfaSetupResponse(enrollment.secret(), enrollment.otpauthUri(), enrollment.qrCode(), enrollment.backupCodes());
    }

    @Override
    public String toString() {
        return "MfaSetupResponse[***]";
    }
}
