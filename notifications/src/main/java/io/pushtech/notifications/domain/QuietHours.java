package io.pushtech.notifications.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily period, in the user's time zone, during which no push is sent; it may span midnight (22:00 to 07:00).
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }

    public boolean contains(Instant instant, ZoneId zone) {
        LocalTime time = ZonedDateTime.ofInstant(instant, zone).toLocalTime();
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }
}
