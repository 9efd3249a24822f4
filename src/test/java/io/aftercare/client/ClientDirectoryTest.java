package io.aftercare.client;

import static io.aftercare.support.TestClinics.client;
import static io.aftercare.support.TestClinics.numberEndingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftercare.client.ClientDirectory.Entry;
import io.aftercare.client.ClientDirectory.Page;
import io.aftercare.problem.ProblemException;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@AftercareTest
class ClientDirectoryTest {

    @Inject
    ClientDirectory directory;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldFindClientsByTheStartOfTheirNameOrTheLastDigitsOfTheirNumber() {
        Clinic clinic = TestClinics.create();
        Clinic other = TestClinics.create();
        String zoe = client(clinic, "Zoë", "Tremblay", numberEndingWith("0123"));
        String zola = client(clinic, "Marc", "Zola", numberEndingWith("4567"));
        client(clinic, "Sam", "Lee", numberEndingWith("9876"));
        String erased = client(clinic, "Zoey", "Tremblay", numberEndingWith("0123"));
        TestClinics.erase(clinic, erased);
        client(other, "Zoë", "Tremblay", numberEndingWith("0123"));

        assertThat(externalIds(directory.search(clinic.id(), "zo", null))).containsExactly(zoe, zola);
        assertThat(externalIds(directory.search(clinic.id(), "tremb", null))).containsExactly(zoe);
        assertThat(externalIds(directory.search(clinic.id(), "TREMB", null))).containsExactly(zoe);
        assertThat(externalIds(directory.search(clinic.id(), "0123", null))).containsExactly(zoe);
        assertThat(externalIds(directory.search(clinic.id(), zoe, null))).containsExactly(zoe);
        assertThat(externalIds(directory.search(clinic.id(), "", null)))
                .hasSize(3)
                .doesNotContain(erased);
    }

    @Test
    void shouldFindAWholeNumberExactlyAsTheClinicWritesIt() {
        Clinic clinic = TestClinics.create();
        String number = numberEndingWith("2468");
        String zoe = client(clinic, "Zoë", "Tremblay", number);
        client(clinic, "Sam", "Lee", numberEndingWith("2469"));
        String national = "(" + number.substring(2, 5) + ") " + number.substring(5, 8) + "-" + number.substring(8);

        assertThat(externalIds(directory.search(clinic.id(), number, null))).containsExactly(zoe);
        assertThat(externalIds(directory.search(clinic.id(), national, null))).containsExactly(zoe);
    }

    @Test
    void shouldFindOneClientOnlyInItsOwnClinicAndOnlyUntilItIsErased() {
        Clinic clinic = TestClinics.create();
        Clinic other = TestClinics.create();
        String zoe = client(clinic, "Zoë", "Tremblay", numberEndingWith("0123"));
        Entry found = directory.search(clinic.id(), zoe, null).clients().get(0);

        assertThat(directory.find(clinic.id(), found.id())).contains(found);
        assertThat(found.firstName()).isEqualTo("Zoë");
        assertThat(found.phone()).endsWith("0123");
        assertThat(directory.find(other.id(), found.id())).isEmpty();

        TestClinics.erase(clinic, zoe);
        assertThat(directory.find(clinic.id(), found.id())).isEmpty();
    }

    @Test
    void shouldTreatPercentUnderscoreAndBackslashInTheSearchAsThemselves() {
        Clinic clinic = TestClinics.create();
        String underscore = client(clinic, "Jo_n", "Smith", numberEndingWith("1111"));
        client(clinic, "Joan", "Smith", numberEndingWith("2222"));
        String percent = client(clinic, "Al", "100%Pure", numberEndingWith("3333"));
        client(clinic, "Al", "1000Pure", numberEndingWith("4444"));
        String backslash = client(clinic, "Ba\\ck", "Slash", numberEndingWith("5555"));
        client(clinic, "Back", "Slash", numberEndingWith("6666"));

        assertThat(externalIds(directory.search(clinic.id(), "jo_", null))).containsExactly(underscore);
        assertThat(externalIds(directory.search(clinic.id(), "100%", null))).containsExactly(percent);
        assertThat(externalIds(directory.search(clinic.id(), "%", null))).isEmpty();
        assertThat(externalIds(directory.search(clinic.id(), "_", null))).isEmpty();
        assertThat(externalIds(directory.search(clinic.id(), "ba\\", null))).containsExactly(backslash);
    }

    @Test
    void shouldPageByFiftyWithNoDuplicateOrGapWhenAClientIsAddedBetweenPages() {
        Clinic clinic = TestClinics.create();
        Instant start = Instant.now().minus(Duration.ofDays(1));
        // Written as SessionWriter would, in one transaction: 51 posted sessions would take seconds.
        List<String> byName = IntStream.range(0, 51)
                .mapToObj(i -> insertClient(clinic, "A%03d".formatted(i), "Pager", start.plusSeconds(i)))
                .toList();
        List<String> newestFirst = new ArrayList<>(byName);
        Collections.reverse(newestFirst);

        Page firstByName = directory.search(clinic.id(), "pager", null);
        Page firstRecent = directory.search(clinic.id(), "", null);
        // Sorts before where both first pages ended: by name, and as the most recently updated.
        String added = insertClient(clinic, "A000a", "Pager", start.plusSeconds(60));
        Page secondByName = directory.search(clinic.id(), "pager", firstByName.nextCursor());
        Page secondRecent = directory.search(clinic.id(), "", firstRecent.nextCursor());

        assertThat(firstByName.clients()).hasSize(50);
        assertThat(secondByName.nextCursor()).isNull();
        assertThat(concat(firstByName, secondByName)).containsExactlyElementsOf(byName);
        assertThat(firstRecent.clients()).hasSize(50);
        assertThat(secondRecent.nextCursor()).isNull();
        assertThat(concat(firstRecent, secondRecent)).containsExactlyElementsOf(newestFirst);
        assertThat(externalIds(directory.search(clinic.id(), "", null))).startsWith(added);
        assertThat(externalIds(directory.search(clinic.id(), "pager", null))).contains(added);
    }

    @Test
    void shouldRefuseACursorItDidNotGiveForThisList() {
        Clinic clinic = TestClinics.create();
        Clinic other = TestClinics.create();
        String otherClient = client(other, "Bea", "Cursor", numberEndingWith("0000"));
        Entry elsewhere =
                directory.search(other.id(), otherClient, null).clients().get(0);
        String byName = ClientCursor.byName(elsewhere.id()).encode();
        String recent = new ClientCursor(elsewhere.updatedAt(), elsewhere.id()).encode();

        assertThat(directory.search(other.id(), "cursor", byName).clients()).isEmpty();
        assertThatThrownBy(() -> directory.search(clinic.id(), "cursor", byName))
                .satisfies(ClientDirectoryTest::namesCursor);
        assertThatThrownBy(() -> directory.search(other.id(), "cursor", recent))
                .satisfies(ClientDirectoryTest::namesCursor);
        assertThatThrownBy(() -> directory.search(other.id(), "", byName)).satisfies(ClientDirectoryTest::namesCursor);
        assertThatThrownBy(() -> directory.search(other.id(), "", "not-a-cursor"))
                .satisfies(ClientDirectoryTest::namesCursor);
    }

    @Test
    void shouldRefuseASearchTooLongOrWithControlCharacters() {
        Clinic clinic = TestClinics.create();

        assertThatThrownBy(() -> directory.search(clinic.id(), "a".repeat(101), null))
                .isInstanceOf(ProblemException.class)
                .extracting(
                        e -> ((ProblemException) e).problem().errors().get(0).field())
                .isEqualTo("q");
        assertThatThrownBy(() -> directory.search(clinic.id(), "zo\u0000", null))
                .isInstanceOf(ProblemException.class)
                .extracting(
                        e -> ((ProblemException) e).problem().errors().get(0).field())
                .isEqualTo("q");
    }

    private String insertClient(Clinic clinic, String firstName, String lastName, Instant updatedAt) {
        String externalId = "client-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "INSERT INTO client (id, clinic_id, external_id, first_name, last_name, phone,"
                                        + " time_zone, locale, created_at, updated_at)"
                                        + " VALUES (:id, :clinic, :externalId, :first, :last, :phone, 'America/Vancouver', 'en',"
                                        + " :at, :at)")
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("clinic", clinic.id())
                        .setParameter("externalId", externalId)
                        .setParameter("first", firstName)
                        .setParameter("last", lastName)
                        .setParameter("phone", numberEndingWith("0000"))
                        .setParameter("at", updatedAt)
                        .executeUpdate());
        return externalId;
    }

    private static void namesCursor(Throwable thrown) {
        assertThat(thrown).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) thrown).problem().errors().get(0).field())
                .isEqualTo("cursor");
    }

    private static List<String> externalIds(Page page) {
        return page.clients().stream().map(Entry::externalId).toList();
    }

    private static List<String> concat(Page first, Page second) {
        List<String> all = new ArrayList<>(externalIds(first));
        all.addAll(externalIds(second));
        return all;
    }
}
