package io.aftercare.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Set;

/** Reads phone numbers as people write them and normalises them to E.164, with libphonenumber. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    // North American numbers do not say whether they are mobile, so "fixed line or mobile" has to pass.
    private static final Set<PhoneNumberType> TEXTABLE =
            Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

    private PhoneNumbers() {}

    /** A number that can receive texts, in E.164, or the reason it cannot. */
    public static Parsed mobile(String written, String defaultRegion) {
        Parsed parsed = any(written, defaultRegion);
        if (parsed.e164() != null && !TEXTABLE.contains(UTIL.getNumberType(parse(parsed.e164())))) {
            return Parsed.invalid("is not a mobile number");
        }
        return parsed;
    }

    /** Any valid number in E.164, or the reason it is not one. */
    public static Parsed any(String written, String defaultRegion) {
        if (written == null || written.isBlank()) {
            return Parsed.invalid("must not be blank");
        }
        if (written.length() > 40) {
            return Parsed.invalid("is too long to be a phone number");
        }
        try {
            PhoneNumber number = UTIL.parse(written, defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                return Parsed.invalid("is not a valid phone number");
            }
            return new Parsed(UTIL.format(number, PhoneNumberFormat.E164), null);
        } catch (NumberParseException e) {
            return Parsed.invalid(
                    e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE
                            ? "needs a country code such as +1"
                            : "is not a phone number");
        }
    }

    public static boolean isKnownRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region);
    }

    private static PhoneNumber parse(String e164) {
        try {
            return UTIL.parse(e164, null);
        } catch (NumberParseException e) {
            throw new IllegalStateException("An E.164 number we formatted must parse", e);
        }
    }

    /** Either {@code e164} or {@code problem} is set. */
    public record Parsed(String e164, String problem) {
        static Parsed invalid(String problem) {
            return new Parsed(null, problem);
        }

        public boolean valid() {
            return e164 != null;
        }
    }
}
