package io.pushtech.storage.domain;

import java.util.regex.Pattern;

/** The form of every id the system hands out or accepts: of items, owners, devices and images. */
public final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");

    private Ids() {}

    public static boolean isValid(String value) {
        return value != null && ID.matcher(value).matches();
    }
}
