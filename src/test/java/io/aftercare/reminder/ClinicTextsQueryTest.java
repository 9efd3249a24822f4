package io.aftercare.reminder;

import static io.aftercare.reminder.ClinicTextFixtures.heldText;
import static io.aftercare.reminder.ClinicTextFixtures.newClient;
import static io.aftercare.reminder.ClinicTextFixtures.newClinic;
import static io.aftercare.reminder.ClinicTextFixtures.scheduledText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import io.aftercare.reminder.ClinicTextFixtures.TestClinic;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's clinic-wide lists of texts: the texts due in a day and the failures that need someone, each a page of
 * 50 at a time through a keyset cursor, each only the clinic's own.
 */
@AftercareTest
class ClinicTextsQueryTest {

    private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    /** Far from the texts of the session each client is posted with (those fall within 90 days of it). */
    private static final Instant WINDOW = Instant.parse("2028-05-01T07:00:00Z");

    private static final OffsetDateTime SESSION_ENDED = OffsetDateTime.parse("2026-11-02T11:00:00-08:00");

    @Inject
    Reminders reminders;

    @Inject
    OneOffTexts oneOffTexts;

    @Inject
    ReminderClaims claims;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @Test
    void shouldPageFiftyOneTextsInTwoPagesWithNoDuplicateOrGapWhenATextIsAddedBetweenPages() {
        TestClinic clinic = newClinic();
        UUID client = newClient(clinic, SESSION_ENDED);
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            // Texts 20 and 21 share their due time: the id decides between them, and the cursor must too.
            Instant due = WINDOW.plus(Duration.ofMinutes(i == 21 ? 20 : i));
            recorded.add(new Recorded(heldText(oneOffTexts, clinic, client, due), due));
        }
        recorded.sort(Comparator.comparing(Recorded::due).thenComparing(Recorded::id));
        Instant end = WINDOW.plus(Duration.ofDays(1));

        ClinicTextPage first = reminders.dueBetween(clinic.id(), WINDOW, end, null, 50);
        // One text lands before the cursor and one after it while the staff read the first page.
        heldText(oneOffTexts, clinic, client, WINDOW.plus(Duration.ofMinutes(5)));
        UUID later = heldText(oneOffTexts, clinic, client, WINDOW.plus(Duration.ofHours(2)));
        ClinicTextPage second = reminders.dueBetween(
                clinic.id(), WINDOW, end, first.nextCursor().orElseThrow(), 50);

        assertThat(ids(first)).containsExactlyElementsOf(ids(recorded.subList(0, 50)));
        assertThat(ids(second)).containsExactly(recorded.get(50).id(), later);
        assertThat(second.nextCursor()).isEmpty();
        assertThat(first.texts())
                .allSatisfy(text -> assertThat(text)
                        .returns(client, ClinicText::clientId)
                        .returns(TextKind.MANUAL, ClinicText::kind)
                        .returns(ReminderStatus.HELD, ClinicText::status)
                        .returns(false, ClinicText::erased));
    }

    @Test
    void shouldBoundTodayByTheClinicsOwnDayWhenTheClocksChange() {
        DueDay springForward = DueDay.of(LocalDate.of(2027, 3, 14), VANCOUVER);
        DueDay fallBack = DueDay.of(LocalDate.of(2027, 11, 7), VANCOUVER);

        assertThat(springForward)
                .isEqualTo(new DueDay(Instant.parse("2027-03-14T08:00:00Z"), Instant.parse("2027-03-15T07:00:00Z")));
        assertThat(Duration.between(springForward.from(), springForward.to())).hasHours(23);
        assertThat(Duration.between(fallBack.from(), fallBack.to())).hasHours(25);
        // Half past eleven at night, after the change, is still that day.
        assertThat(DueDay.of(Instant.parse("2027-03-15T06:30:00Z"), VANCOUVER)).isEqualTo(springForward);

        TestClinic clinic = newClinic();
        UUID client = newClient(clinic, SESSION_ENDED);
        heldText(oneOffTexts, clinic, client, springForward.from().minusSeconds(1));
        UUID midnight = heldText(oneOffTexts, clinic, client, springForward.from());
        UUID lastSecond =
                heldText(oneOffTexts, clinic, client, springForward.to().minusSeconds(1));
        heldText(oneOffTexts, clinic, client, springForward.to());

        assertThat(ids(reminders.dueBetween(clinic.id(), springForward.from(), springForward.to(), null, 50)))
                .containsExactly(midnight, lastSecond);

        // The hour lived twice: 01:30 PDT and 01:30 PST are both of the day.
        UUID firstHalfPastOne = heldText(oneOffTexts, clinic, client, Instant.parse("2027-11-07T08:30:00Z"));
        UUID secondHalfPastOne = heldText(oneOffTexts, clinic, client, Instant.parse("2027-11-07T09:30:00Z"));
        UUID lastOfTheLongDay =
                heldText(oneOffTexts, clinic, client, fallBack.to().minusSeconds(1));
        heldText(oneOffTexts, clinic, client, fallBack.to());

        assertThat(ids(reminders.dueBetween(clinic.id(), fallBack.from(), fallBack.to(), null, 50)))
                .containsExactly(firstHalfPastOne, secondHalfPastOne, lastOfTheLongDay);
    }

    @Test
    void shouldListTheTextsThatNeedSomeoneLatestFirstWithTheErrorInWords() {
        TestClinic clinic = newClinic();
        UUID client = newClient(clinic, SESSION_ENDED);
        Instant now = Instant.now();
        UUID sent = scheduledText(oneOffTexts, clinic, client, now.minus(2, ChronoUnit.DAYS), Optional.empty());
        await().atMost(Duration.ofSeconds(15)).until(() -> ClinicTextFixtures.status(sent) == ReminderStatus.SENT);

        twilio.failWith(400, 21211, "The 'To' number is not a valid phone number.");
        UUID failed = scheduledText(oneOffTexts, clinic, client, now.minus(1, ChronoUnit.DAYS), Optional.empty());
        UUID expired = scheduledText(
                oneOffTexts, clinic, client, now.minus(3, ChronoUnit.DAYS), Optional.of(now.minus(2, ChronoUnit.DAYS)));
        UUID held = heldText(oneOffTexts, clinic, client, now.minus(6, ChronoUnit.DAYS));
        UUID failedLongAgo =
                scheduledText(oneOffTexts, clinic, client, now.minus(8, ChronoUnit.DAYS), Optional.empty());
        UUID heldForLater = heldText(oneOffTexts, clinic, client, now.plus(1, ChronoUnit.DAYS));
        // What the release job does every 15 s: the listing is under test here, not the job's timing.
        claims.expireStale(Instant.now());
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(Map.of(
                                failed, ClinicTextFixtures.status(failed),
                                expired, ClinicTextFixtures.status(expired),
                                failedLongAgo, ClinicTextFixtures.status(failedLongAgo)))
                        .containsEntry(failed, ReminderStatus.FAILED)
                        .containsEntry(expired, ReminderStatus.EXPIRED)
                        .containsEntry(failedLongAgo, ReminderStatus.FAILED));

        Instant weekAgo = now.minus(7, ChronoUnit.DAYS);
        ClinicTextPage first = reminders.needingAttention(clinic.id(), weekAgo, null, 2);
        ClinicTextPage second = reminders.needingAttention(
                clinic.id(), weekAgo, first.nextCursor().orElseThrow(), 2);

        assertThat(ids(first)).containsExactly(failed, expired);
        assertThat(ids(second)).containsExactly(held).doesNotContain(sent, failedLongAgo, heldForLater);
        assertThat(second.nextCursor()).isEmpty();
        assertThat(first.texts().get(0))
                .returns(ReminderStatus.FAILED, ClinicText::status)
                .returns("21211: invalid 'To' number", ClinicText::error);
        assertThat(first.texts().get(1).error()).contains("its advice no longer applied");
    }

    @Test
    void shouldListOnlyTheClinicsOwnTextsWhateverTheCursorHolds() {
        TestClinic clinic = newClinic();
        TestClinic other = newClinic();
        UUID client = newClient(clinic, SESSION_ENDED);
        UUID othersClient = newClient(other, SESSION_ENDED);
        Instant now = Instant.now();
        UUID own = heldText(oneOffTexts, clinic, client, WINDOW.plusSeconds(60));
        UUID ownNeedingAttention = heldText(oneOffTexts, clinic, client, now.minus(1, ChronoUnit.DAYS));
        heldText(oneOffTexts, other, othersClient, WINDOW);
        heldText(oneOffTexts, other, othersClient, WINDOW.plusSeconds(120));
        heldText(oneOffTexts, other, othersClient, now.minus(1, ChronoUnit.DAYS));
        Instant end = WINDOW.plus(Duration.ofDays(1));
        // A cursor of the other clinic's list, standing before its second text.
        String othersCursor = reminders
                .dueBetween(other.id(), WINDOW, end, null, 1)
                .nextCursor()
                .orElseThrow();

        assertThat(ids(reminders.dueBetween(clinic.id(), WINDOW, end, null, 50)))
                .containsExactly(own);
        assertThat(ids(reminders.dueBetween(clinic.id(), WINDOW, end, othersCursor, 50)))
                .containsExactly(own);
        assertThat(ids(reminders.needingAttention(clinic.id(), now.minus(7, ChronoUnit.DAYS), null, 50)))
                .containsExactly(ownNeedingAttention);
    }

    @Test
    void shouldRefuseACursorOrLimitItDidNotGiveNamingTheField() {
        UUID clinic = newClinic().id();
        Instant end = WINDOW.plus(Duration.ofDays(1));
        String[] cursors = {
            "bm90IGEgY3Vyc29y", "%%%", io.aftercare.db.PageCursor.encode("+1000000-01-01T00:00:00Z", UUID.randomUUID())
        };

        for (String cursor : cursors) {
            assertThatThrownBy(() -> reminders.dueBetween(clinic, WINDOW, end, cursor, 50))
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            problem -> assertThat(fields(problem)).containsExactly("cursor"));
            assertThatThrownBy(() -> reminders.needingAttention(clinic, WINDOW, cursor, 50))
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            problem -> assertThat(fields(problem)).containsExactly("cursor"));
        }
        assertThatThrownBy(() -> reminders.dueBetween(clinic, WINDOW, end, null, 0))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(fields(problem)).containsExactly("limit"));
    }

    private record Recorded(UUID id, Instant due) {}

    private static List<UUID> ids(ClinicTextPage page) {
        return page.texts().stream().map(ClinicText::id).toList();
    }

    private static List<UUID> ids(List<Recorded> recorded) {
        return recorded.stream().map(Recorded::id).toList();
    }

    private static List<String> fields(ProblemException problem) {
        return problem.problem().errors().stream().map(FieldViolation::field).toList();
    }
}
