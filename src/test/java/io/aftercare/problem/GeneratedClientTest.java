package io.aftercare.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.aftercare.apiclient.ApiClient;
import io.aftercare.apiclient.ApiException;
import io.aftercare.apiclient.api.ClientsApi;
import io.aftercare.apiclient.api.ClinicApi;
import io.aftercare.apiclient.api.SessionsApi;
import io.aftercare.apiclient.model.ClientHistory;
import io.aftercare.apiclient.model.ClientRequest;
import io.aftercare.apiclient.model.ClinicSettings;
import io.aftercare.apiclient.model.Session;
import io.aftercare.apiclient.model.SessionRequest;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client openapi-generator makes from the committed document (target/generated-test-sources/openapi) talks to the
 * service: what the document says is what the service does.
 */
@AftercareTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URL service;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient();
        api.updateBaseUri(service.toString().replaceAll("/$", ""));
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + Sessions.CLINIC_KEY));
    }

    @Test
    void shouldPostASessionReadItBackAndChangeASetting() throws ApiException {
        SessionsApi sessions = new SessionsApi(api);
        String clientId = "generated-" + UUID.randomUUID();
        SessionRequest post = new SessionRequest()
                .sessionId("generated-" + UUID.randomUUID())
                .client(new ClientRequest()
                        .id(clientId)
                        .firstName("Sam")
                        .phone("+1 604 555 0142")
                        .timeZone("America/Vancouver")
                        .locale("en"))
                .endedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
                .sessionNumber(1);

        Session created = sessions.createSession(post);
        Session read = sessions.getSession(created.getId());
        ClientHistory firstPage = new ClientsApi(api).getClientHistory(clientId, null, 2);

        assertThat(read.getSessionId()).isEqualTo(post.getSessionId());
        assertThat(read.getClientId()).isEqualTo(clientId);
        assertThat(read.getReminders()).isNotEmpty().hasSameSizeAs(created.getReminders());
        assertThat(firstPage.getReminders()).hasSize(2);
        assertThat(firstPage.getNextCursor()).isNotBlank();

        ClinicApi clinic = new ClinicApi(api);
        ClinicSettings settings = clinic.getSettings();
        boolean transliterate = Boolean.TRUE.equals(settings.getSmsTransliteration());
        clinic.updateSettings(settings.smsTransliteration(!transliterate));

        assertThat(clinic.getSettings().getSmsTransliteration()).isEqualTo(!transliterate);
    }

    @Test
    void shouldReadAProblemAsTheDocumentDescribesIt() {
        ApiException missing =
                catchThrowableOfType(ApiException.class, () -> new SessionsApi(api).getSession(UUID.randomUUID()));

        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(missing.getResponseBody()).contains("\"status\":404");
    }
}
