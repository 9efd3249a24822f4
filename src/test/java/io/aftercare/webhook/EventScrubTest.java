package io.aftercare.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an event's body keeps of an erased client: our id of them and the facts, never their words or the clinic's id. */
class EventScrubTest {

    private static final UUID ERASED = UUID.fromString("0190f4a2-7c1e-7d3a-9b2c-1a2b3c4d5e6f");
    private static final UUID OTHER = UUID.fromString("0190f4a2-7c1e-7d3a-9b2c-ffffffffffff");

    @Test
    void shouldEmptyAReplysWordsAndTheClinicsIdOfTheClientAndKeepEverythingElseInPlace() {
        String reply = "{\"type\":\"reply.received\",\"timestamp\":\"2026-11-02T20:00:00Z\",\"data\":{\"replyId\":"
                + "\"0190f4a2-0000-7000-8000-000000000001\",\"clientId\":\"" + ERASED + "\",\"clientExternalId\":"
                + "\"maria-lopez-1984\",\"sessionExternalId\":\"s-9\",\"category\":\"URGENT\",\"body\":"
                + "\"my scalp is bleeding \\u00e9 \\\"hot\\\"\",\"receivedAt\":\"2026-11-02T20:00:00Z\"}}";

        String scrubbed = EventScrub.without(reply, ERASED);

        assertThat(scrubbed)
                .isEqualTo("{\"type\":\"reply.received\",\"timestamp\":\"2026-11-02T20:00:00Z\",\"data\":{\"replyId\":"
                        + "\"0190f4a2-0000-7000-8000-000000000001\",\"clientId\":\"" + ERASED
                        + "\",\"clientExternalId\":null,\"sessionExternalId\":\"s-9\",\"category\":\"URGENT\","
                        + "\"body\":null,\"receivedAt\":\"2026-11-02T20:00:00Z\"}}");
    }

    @Test
    void shouldEmptyATextsErrorAndTheClinicsIdOfTheClient() {
        String failed = "{\"type\":\"reminder.failed\",\"timestamp\":\"2026-11-02T20:00:00Z\",\"data\":{\"clientId\":\""
                + ERASED + "\",\"clientExternalId\":\"maria-lopez-1984\",\"step\":\"day-4\",\"status\":\"FAILED\","
                + "\"error\":\"Twilio 21610: the number replied STOP\"}}";

        JsonPath data = JsonPath.from(EventScrub.without(failed, ERASED)).setRootPath("data");

        assertThat(data.getString("clientId")).isEqualTo(ERASED.toString());
        assertThat(data.getString("clientExternalId")).isNull();
        assertThat(data.getString("error")).isNull();
        assertThat(data.getString("step")).isEqualTo("day-4");
        assertThat(data.getString("status")).isEqualTo("FAILED");
    }

    @Test
    void shouldTakeTheErasedClientOutOfAnOptOutAndKeepTheOthers() {
        String optOut = "{\"type\":\"client.opted_out\",\"timestamp\":\"2026-11-02T20:00:00Z\",\"data\":{\"clients\":["
                + "{\"clientId\":\"" + ERASED + "\",\"externalId\":\"maria-lopez-1984\"},"
                + "{\"clientId\":\"" + OTHER + "\",\"externalId\":\"jo-lopez-2010\"}],\"source\":\"reply STOP\"}}";

        String scrubbed = EventScrub.without(optOut, ERASED);

        assertThat(scrubbed).doesNotContain(ERASED.toString()).doesNotContain("maria");
        JsonPath data = JsonPath.from(scrubbed).setRootPath("data");
        assertThat(data.getList("clients.clientId")).containsExactly(OTHER.toString());
        assertThat(data.getList("clients.externalId")).containsExactly("jo-lopez-2010");
        assertThat(data.getString("source")).isEqualTo("reply STOP");
    }

    @Test
    void shouldLeaveAnEventAboutAnotherClientOrNoClientAsItWas() {
        String otherReply = "{\"type\":\"reply.received\",\"data\":{\"clientId\":\"" + OTHER
                + "\",\"clientExternalId\":\"jo\",\"body\":\"is this normal?\"}}";
        String pause = "{\"type\":\"clinic.sending_paused\",\"data\":{\"reason\":\"credentials refused\",\"at\":null}}";

        assertThat(EventScrub.without(otherReply, ERASED)).isSameAs(otherReply);
        assertThat(EventScrub.without(pause, ERASED)).isSameAs(pause);
    }
}
