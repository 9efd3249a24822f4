package io.aftercare.phone;

/** Hides all but the country-code side and the last two digits of a number, for logs. */
public final class PhoneMask {

    private PhoneMask() {}

    public static String mask(String e164) {
        if (e164 == null || e164.length() < 6) {
            return "***";
        }
        return e164.substring(0, 3) + "*".repeat(e164.length() - 5) + e164.substring(e164.length() - 2);
    }
}
