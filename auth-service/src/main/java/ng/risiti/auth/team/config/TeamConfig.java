package ng.risiti.auth.team.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Invitations. The link's base URL is {@code risiti.auth.web-url}, read by {@code InvitationMailer}: a mapping
 * rooted at {@code risiti.auth} would also have to claim the platform's {@code risiti.auth.url}.
 */
@ConfigMapping(prefix = "risiti.auth.team")
public interface TeamConfig {

    /** docs/specification.md (Team and settings) gives no lifetime; seven days was asked for when invitations were built. */
    @WithDefault("P7D")
    Duration invitationLifetime();
}
