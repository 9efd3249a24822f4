package io.aftercare.staff;

import static io.aftercare.support.StaffForms.PASSWORD;
import static io.aftercare.support.StaffForms.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.config.AftercareConfig;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.StaffForms;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Passwords are hashed at aftercare.staff.bcrypt-cost (4 in tests), and so is the hash unknown addresses cost. */
@AftercareTest
class StaffPasswordsTest {

    @Inject
    AftercareConfig config;

    @Inject
    StaffPasswords passwords;

    @Test
    void shouldHashPasswordsAndTheNoAccountCheckAtTheConfiguredCost() {
        assertThat(config.staff().bcryptCost()).isEqualTo(4);
        String email = StaffForms.newUser("Cost Test");

        assertThat(StaffPasswords.costOf(hashOf(email))).isEqualTo(4);
        // An unknown address costs the same check as a known one: its timing tells nothing.
        assertThat(StaffPasswords.costOf(passwords.noAccountHash())).isEqualTo(4);
        assertThat(passwords.matches(PASSWORD, null)).isFalse();
    }

    @Test
    void shouldRedoAHashOfAnotherCostAtTheNextSignIn() {
        String email = StaffForms.newUser("Old Cost");
        setHash(email, BcryptUtil.bcryptHash(PASSWORD, 5));

        assertThat(StaffForms.signIn(email, PASSWORD).cookie(SESSION)).isNotBlank();

        String redone = hashOf(email);
        assertThat(StaffPasswords.costOf(redone)).isEqualTo(4);
        assertThat(BcryptUtil.matches(PASSWORD, redone)).isTrue();
        assertThat(StaffForms.signIn(email, PASSWORD).cookie(SESSION)).isNotBlank();
    }

    @Test
    void shouldReadTheCostOfAHash() {
        assertThat(StaffPasswords.costOf("$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"))
                .isEqualTo(12);
        assertThat(StaffPasswords.costOf("$2y$04$abc")).isEqualTo(4);
        assertThat(StaffPasswords.costOf("not a hash")).isEqualTo(-1);
        assertThat(StaffPasswords.costOf(null)).isEqualTo(-1);
    }

    private static String hashOf(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> StaffUser.findByEmail(email).orElseThrow().passwordHash);
    }

    private static void setHash(String email, String hash) {
        QuarkusTransaction.requiringNew().run(() -> StaffUser.findByEmail(email).orElseThrow().passwordHash = hash);
    }
}
