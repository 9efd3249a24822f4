package io.aftercare.page;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * The clinic as a client's page names it.
 *
 * @param phone the clinic's number in E.164, for the {@code tel:} link; null when the clinic gave none
 */
record ClinicContact(String name, String phone) {

    /** The number written for reading, e.g. {@code +1 604-555-0100}. */
    public String phoneShown() {
        if (phone == null) {
            return null;
        }
        PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
        try {
            return numbers.format(numbers.parse(phone, null), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return phone;
        }
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }
}
