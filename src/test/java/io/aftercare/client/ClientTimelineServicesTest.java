package io.aftercare.client;

import static io.aftercare.support.TestClinics.numberEndingWith;
import static io.aftercare.support.TestClinics.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.aftercare.problem.ProblemException;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reply.Conversations;
import io.aftercare.reply.Conversations.Entry;
import io.aftercare.session.SessionKind;
import io.aftercare.session.SessionService;
import io.aftercare.session.SessionStatus;
import io.aftercare.session.SessionSummary;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.aftercare.support.TwilioInbound;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a client's timeline is built from: the client's sessions, texts and replies, read by internal ids. */
@AftercareTest
class ClientTimelineServicesTest {

    @Inject
    ClientDirectory directory;

    @Inject
    SessionService sessions;

    @Inject
    Conversations conversations;

    @Test
    void shouldListAClientsSessionsInTheOrderTheyEndedOnlyForItsClinic() {
        Clinic clinic = TestClinics.create();
        Clinic other = TestClinics.create();
        String clientId = "client-" + UUID.randomUUID();
        String phone = numberEndingWith("1357");
        OffsetDateTime ended = OffsetDateTime.now().minusDays(20).truncatedTo(ChronoUnit.SECONDS);
        UUID first = session(clinic, clientId, "Zoë", "Tremblay", phone, ended);
        UUID second = session(clinic, clientId, "Zoë", "Tremblay", phone, ended.plusDays(14));
        UUID client = internalId(clinic, clientId);

        List<SessionSummary> listed = sessions.forClient(clinic.id(), client);

        assertThat(listed).extracting(SessionSummary::id).containsExactly(first, second);
        assertThat(listed.get(0).kind()).isEqualTo(SessionKind.TREATMENT);
        assertThat(listed.get(0).status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(listed.get(0).clientId()).isEqualTo(client);
        assertThat(listed.get(0).endedAt()).isEqualTo(ended.toInstant());
        assertThat(sessions.forClient(other.id(), client)).isEmpty();
        assertThat(sessions.summary(clinic.id(), second)).contains(listed.get(1));
        assertThat(sessions.summary(other.id(), second)).isEmpty();
    }

    @Test
    void shouldCancelASessionAndItsPendingTextsOnlyForItsClinic() {
        Clinic clinic = TestClinics.create();
        Clinic other = TestClinics.create();
        String clientId = "client-" + UUID.randomUUID();
        UUID posted = session(
                clinic,
                clientId,
                "Zoë",
                "Tremblay",
                numberEndingWith("2468"),
                OffsetDateTime.now().minusHours(1));
        UUID client = internalId(clinic, clientId);

        assertThat(sessions.cancel(other.id(), posted)).isEmpty();
        assertThat(sessions.summary(clinic.id(), posted).orElseThrow().status()).isEqualTo(SessionStatus.ACTIVE);

        assertThat(sessions.cancel(clinic.id(), posted).orElseThrow().status()).isEqualTo(SessionStatus.CANCELLED);
        given().auth()
                .oauth2(clinic.key())
                .get("/v1/sessions/" + posted)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        // The first text may have gone out already, as the dispatcher runs meanwhile: it stays as it is.
        assertThat(texts(conversations.of(clinic.id(), client).entries()))
                .contains(ReminderStatus.CANCELLED)
                .doesNotContainAnyElementsOf(ReminderStatus.PENDING);
    }

    @Test
    void shouldShowAClientsTextsAndRepliesByItsInternalIdOnlyToItsClinicAndNotOnceErased() {
        Clinic clinic = TestClinics.create();
        Clinic other = TestClinics.create();
        String clientId = "client-" + UUID.randomUUID();
        String phone = numberEndingWith("8642");
        session(clinic, clientId, "Zoë", "Tremblay", phone, OffsetDateTime.now().minusHours(1));
        UUID client = internalId(clinic, clientId);
        TwilioInbound.text(phone, "is this redness normal?").statusCode(200);

        Conversations.Conversation conversation = conversations.of(clinic.id(), client);

        assertThat(conversation.clientId()).isEqualTo(clientId);
        assertThat(texts(conversation.entries())).isNotEmpty();
        assertThat(conversation.entries())
                .filteredOn(entry -> entry.reply() != null)
                .extracting(entry -> entry.reply().body())
                .containsExactly("is this redness normal?");
        assertThatThrownBy(() -> conversations.of(other.id(), client)).isInstanceOf(ProblemException.class);

        TestClinics.erase(clinic, clientId);
        assertThatThrownBy(() -> conversations.of(clinic.id(), client)).isInstanceOf(ProblemException.class);
    }

    private UUID internalId(Clinic clinic, String clientId) {
        return directory.search(clinic.id(), clientId, null).clients().get(0).id();
    }

    private static List<ReminderStatus> texts(List<Entry> entries) {
        return entries.stream()
                .filter(entry -> entry.text() != null)
                .map(entry -> entry.text().status())
                .toList();
    }
}
