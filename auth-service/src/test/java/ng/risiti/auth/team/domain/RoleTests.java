package ng.risiti.auth.team.domain;

import static org.assertj.core.api.Assertions.assertThat;

import ng.risiti.platform.security.Scope;
import org.junit.jupiter.api.Test;

class RoleTests {

    @Test
    void rolesAreOrderedAndMapToTheSpecifiedScopes() {
        assertThat(Role.OWNER.atLeast(Role.ADMIN)).isTrue();
        assertThat(Role.MEMBER.atLeast(Role.ACCOUNTANT)).isFalse();
        assertThat(Role.ACCOUNTANT.scopes()).contains(Scope.PAYMENTS_WRITE, Scope.REPORTS_READ).doesNotContain(Scope.ADMIN);
        assertThat(Role.READONLY.scopes()).allMatch(scope -> scope.endsWith(":read"));
        assertThat(Role.parse("admin")).contains(Role.ADMIN);
        assertThat(Role.parse("root")).isEmpty();
    }
}
