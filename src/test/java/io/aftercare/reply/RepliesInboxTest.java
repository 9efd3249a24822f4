package io.aftercare.reply;

import static io.aftercare.reply.ReplyFixtures.clientWithSession;
import static io.aftercare.reply.ReplyFixtures.newClinic;
import static io.aftercare.reply.ReplyFixtures.nextPhone;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.client.Client;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.TwilioInbound;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The inbox the dashboard lists: the API's list of replies, each with its client's internal id for links. */
@AftercareTest
class RepliesInboxTest {

    /** The sessions end an hour before the test, on the real clock. */
    private static final OffsetDateTime ENDED = OffsetDateTime.now().minusHours(1);

    @Inject
    Replies replies;

    @Test
    void shouldListTheInboxAsTheApiListsItWithEachClientsInternalId() {
        String key = newClinic("Inbox Studio " + UUID.randomUUID());
        UUID clinicId = UUID.fromString(ReplyFixtures.clinicId(key));
        String zoePhone = nextPhone();
        String samPhone = nextPhone();
        String zoe = clientWithSession(key, zoePhone, ENDED);
        String sam = clientWithSession(key, samPhone, ENDED);
        Map<String, UUID> internal = Map.of(zoe, internalId(clinicId, zoe), sam, internalId(clinicId, sam));
        String[][] texts = {{zoePhone, "thanks"}, {samPhone, "my scalp is bleeding"}, {zoePhone, "can I swim?"}};
        for (int i = 0; i < texts.length; i++) {
            TwilioInbound.text(texts[i][0], texts[i][1]).statusCode(200);
        }

        List<InboxEntry> entries = new ArrayList<>();
        Replies.InboxPage page = replies.inbox(clinicId, null, null, null, 2);
        entries.addAll(page.entries());
        entries.addAll(replies.inbox(clinicId, null, null, page.nextCursor(), 2).entries());

        assertThat(entries)
                .extracting(entry -> entry.reply().id())
                .containsExactlyElementsOf(replies.list(clinicId, null, null, null, 50).replies().stream()
                        .map(ReplyView::id)
                        .toList());
        assertThat(entries)
                .extracting(entry -> entry.reply().body())
                .containsExactly("my scalp is bleeding", "can I swim?", "thanks");
        assertThat(entries)
                .allSatisfy(entry -> assertThat(entry.client())
                        .isEqualTo(internal.get(entry.reply().clientId())));
        assertThat(replies.inbox(clinicId, "open", "urgent", null, 50).entries())
                .singleElement()
                .returns(internal.get(sam), InboxEntry::client);
    }

    @Test
    void shouldListAndResolveOnlyTheClinicsOwnReplies() {
        String key = newClinic("Own Studio " + UUID.randomUUID());
        String otherKey = newClinic("Other Studio " + UUID.randomUUID());
        UUID clinicId = UUID.fromString(ReplyFixtures.clinicId(key));
        UUID otherId = UUID.fromString(ReplyFixtures.clinicId(otherKey));
        String phone = nextPhone();
        String othersPhone = nextPhone();
        clientWithSession(key, phone, ENDED);
        clientWithSession(otherKey, othersPhone, ENDED);
        TwilioInbound.text(phone, "is this redness normal?").statusCode(200);
        TwilioInbound.text(othersPhone, "there is pus").statusCode(200);
        UUID othersReply = replies.inbox(otherId, null, null, null, 50)
                .entries()
                .get(0)
                .reply()
                .id();

        assertThat(replies.inbox(clinicId, null, null, null, 50).entries())
                .extracting(entry -> entry.reply().body())
                .containsExactly("is this redness normal?");
        assertThat(replies.resolve(clinicId, othersReply, "not ours")).isEmpty();
        assertThat(replies.inbox(otherId, "open", null, null, 50).entries())
                .extracting(entry -> entry.reply().id())
                .containsExactly(othersReply);
    }

    static UUID internalId(UUID clinicId, String externalId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Client.findByExternalId(clinicId, externalId).orElseThrow().id);
    }
}
