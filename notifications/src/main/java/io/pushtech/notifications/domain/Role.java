package io.pushtech.notifications.domain;

import java.util.Locale;

/** Which side of a match a notified user is on. */
public enum Role {
    /** The owner of the search: the person looking for something. */
    SEARCHER,
    /** The owner of the offer, notified only when their preferences ask for it. */
    OFFERER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
