package io.aftercare.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClinicBootstrapConfigTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @Test
    void shouldStopTheStartNamingTheKeyWhenOnlyTheClinicNameIsSet() {
        assertThatThrownBy(() -> ClinicBootstrap.wanted(Optional.of("My Clinic"), Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("aftercare.bootstrap.api-key (AFTERCARE_BOOTSTRAP_API_KEY) is empty");
    }

    @Test
    void shouldStopTheStartNamingTheClinicNameWhenOnlyTheKeyIsSet() {
        assertThatThrownBy(() -> ClinicBootstrap.wanted(Optional.empty(), Optional.of(KEY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("aftercare.bootstrap.clinic-name (AFTERCARE_BOOTSTRAP_CLINIC_NAME) is empty");
    }

    @Test
    void shouldStopTheStartOnAShortKeyWithoutShowingIt() {
        assertThatThrownBy(() -> ClinicBootstrap.wanted(Optional.of("My Clinic"), Optional.of("short-key-secret")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 16 characters; it needs at least 32")
                .message()
                .doesNotContain("short-key-secret");
    }

    @Test
    void shouldBootstrapWithBothAndSkipWithNeither() {
        assertThat(ClinicBootstrap.wanted(Optional.of("My Clinic"), Optional.of(KEY)))
                .isTrue();
        assertThat(ClinicBootstrap.wanted(Optional.empty(), Optional.empty())).isFalse();
    }
}
