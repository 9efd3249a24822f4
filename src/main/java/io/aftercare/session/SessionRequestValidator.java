package io.aftercare.session;

import io.aftercare.clinic.Clinic;
import io.aftercare.config.AftercareConfig;
import io.aftercare.phone.PhoneNumbers;
import io.aftercare.plan.Plans;
import io.aftercare.plan.TimeZones;
import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.JsonPaths;
import io.aftercare.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks a posted session field by field and reports every problem at once. */
@ApplicationScoped
class SessionRequestValidator {

    /** A year covers the touch-up and any refresh a clinic books at the end of a session. */
    private static final Duration MOST_AHEAD_NEXT_SESSION = Duration.ofDays(366);

    private final Validator validator;
    private final Plans plans;
    private final AftercareConfig config;
    private final Clock clock;

    SessionRequestValidator(Validator validator, Plans plans, AftercareConfig config, Clock clock) {
        this.validator = validator;
        this.plans = plans;
        this.config = config;
        this.clock = clock;
    }

    ValidSession validate(SessionRequest request, Clinic clinic) {
        if (request == null) {
            throw ProblemException.invalid("", "a session is required as the JSON body");
        }
        List<FieldViolation> errors = new ArrayList<>();
        validator
                .validate(request)
                .forEach(violation -> errors.add(
                        new FieldViolation(JsonPaths.of(violation.getPropertyPath()), violation.getMessage())));
        SessionRequest.ClientRequest client = request.client();

        String phone = null;
        ZoneId zone = null;
        Locale locale = null;
        if (client != null) {
            if (client.phone() != null && !client.phone().isBlank()) {
                PhoneNumbers.Parsed parsed = PhoneNumbers.mobile(client.phone(), clinic.defaultRegion);
                phone = parsed.e164();
                if (!parsed.valid()) {
                    errors.add(new FieldViolation("client.phone", parsed.problem()));
                }
            }
            zone = zone(orDefault(client.timeZone(), clinic.defaultTimeZone), errors);
            locale = locale(orDefault(client.locale(), clinic.defaultLocale), errors);
        }
        if (request.endedAt() != null) {
            checkEndedAt(request.endedAt().toInstant(), errors);
            checkNextSession(request, errors);
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::reason));
            throw ProblemException.invalid(errors.stream().distinct().toList());
        }
        return new ValidSession(
                request.sessionId(),
                client.id(),
                client.firstName().strip(),
                client.lastName() == null || client.lastName().isBlank()
                        ? null
                        : client.lastName().strip(),
                phone,
                zone,
                locale,
                request.endedAt().toInstant(),
                request.sessionNumber(),
                Boolean.TRUE.equals(request.finalSession()),
                request.kind() == null ? SessionKind.TREATMENT : request.kind(),
                request.nextSessionAt() == null ? null : request.nextSessionAt().toInstant());
    }

    private void checkEndedAt(Instant endedAt, List<FieldViolation> errors) {
        Instant now = clock.instant();
        if (endedAt.isAfter(now.plus(config.sessions().maxClockSkew()))) {
            errors.add(new FieldViolation("endedAt", "is in the future; post a session once it has ended"));
        } else if (endedAt.isBefore(now.minus(config.sessions().maxAge()))) {
            errors.add(new FieldViolation(
                    "endedAt", "is more than " + config.sessions().maxAge().toDays() + " days ago"));
        }
    }

    private static void checkNextSession(SessionRequest request, List<FieldViolation> errors) {
        if (request.nextSessionAt() == null) {
            return;
        }
        Instant next = request.nextSessionAt().toInstant();
        Instant ended = request.endedAt().toInstant();
        if (!next.isAfter(ended)) {
            errors.add(new FieldViolation("nextSessionAt", "must be after endedAt"));
        } else if (next.isAfter(ended.plus(MOST_AHEAD_NEXT_SESSION))) {
            errors.add(new FieldViolation(
                    "nextSessionAt", "is more than " + MOST_AHEAD_NEXT_SESSION.toDays() + " days after endedAt"));
        }
    }

    private static ZoneId zone(String id, List<FieldViolation> errors) {
        if (TimeZones.isIana(id)) {
            return ZoneId.of(id);
        }
        errors.add(new FieldViolation("client.timeZone", "is not an IANA time zone such as America/Vancouver"));
        return null;
    }

    private Locale locale(String tag, List<FieldViolation> errors) {
        Set<String> languages = plans.current().languages();
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (languages.contains(locale.getLanguage())) {
                return locale;
            }
        } catch (IllformedLocaleException | NullPointerException e) {
            // reported below, like any other unsupported locale
        }
        errors.add(new FieldViolation("client.locale", "is not a supported language; use one of " + languages));
        return null;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
