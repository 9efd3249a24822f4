package io.aftercare.staff;

import io.aftercare.config.AftercareConfig;
import io.aftercare.problem.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hashes and checks passwords with bcrypt at the configured cost ({@code aftercare.staff.bcrypt-cost}). */
@ApplicationScoped
class StaffPasswords {

    static final int MIN_LENGTH = 12;
    // bcrypt reads only the first 72 bytes; a longer password would be silently cut.
    static final int MAX_BYTES = 72;

    // Modular crypt format: $2a$<cost>$<salt and hash>.
    private static final Pattern COST = Pattern.compile("^\\$2[abxy]?\\$(\\d{2})\\$");

    private final int cost;
    // Checked against when there is no hash to check (no such account, or none set), so that the answer takes as long
    // as a wrong password's and its timing does not tell which addresses have an account.
    private final String noAccountHash;

    StaffPasswords(AftercareConfig config) {
        this.cost = config.staff().bcryptCost();
        this.noAccountHash = BcryptUtil.bcryptHash("no such account: timing only", cost);
    }

    String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** Whether the password matches the hash; a null hash costs a check all the same and never matches. */
    boolean matches(String password, String hash) {
        String presented = password == null ? "" : password;
        if (hash == null) {
            BcryptUtil.matches(presented, noAccountHash);
            return false;
        }
        return BcryptUtil.matches(presented, hash);
    }

    /** Whether a hash was made at another cost than the configured one (and is to be redone at the next sign-in). */
    boolean outdated(String hash) {
        return costOf(hash) != cost;
    }

    /** Refuses (400, field {@code password}) a password under 12 characters or over 72 bytes. */
    static void check(String password) {
        if (password == null
                || password.codePointCount(0, password.length()) < MIN_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ProblemException.invalid(
                    "password", "must be at least " + MIN_LENGTH + " characters and at most " + MAX_BYTES + " bytes");
        }
    }

    static int costOf(String hash) {
        Matcher matcher = COST.matcher(hash == null ? "" : hash);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    String noAccountHash() {
        return noAccountHash;
    }
}
