package ng.risiti.auth.team.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of GET /team: a member ({@code status} active, {@code id} the user id) or a pending invitation
 * ({@code status} invited, {@code id} the invitation id, names null until accepted, {@code expires_at} set).
 */
public record TeamMemberView(UUID id, String email, String firstName, String lastName, String role, String status,
        OffsetDateTime createdAt, OffsetDateTime expiresAt) {

    public static final String ACTIVE = "active";
    public static final String INVITED = "invited";
}
