package io.pushtech.notifications.infra.onesignal;

import java.util.List;
import java.util.Optional;

/**
 * How sending one notification ended, after any retries.
 *
 * @param status what happened
 * @param notificationId OneSignal's id when it sent something
 * @param httpStatus the last HTTP status, 0 when the last attempt got no answer
 * @param errors what OneSignal said was wrong (also on a 200, such as aliases without a device)
 */
public record SendOutcome(
        Status status, Optional<String> notificationId, int httpStatus, List<String> errors, int attempts) {

    public enum Status {
        /** OneSignal accepted it (possibly not for every recipient, see errors). */
        SENT,
        /** OneSignal answered 200 with no id: no recipient could be reached (no subscribed device). */
        NO_RECIPIENTS,
        /** A permanent failure (4xx other than 429): retrying cannot help. */
        REJECTED,
        /** Retryable failures until the retry deadline passed. */
        GAVE_UP
    }

    public boolean delivered() {
        return status == Status.SENT || status == Status.NO_RECIPIENTS;
    }

    /** A reason for {@code notifications.failed}. */
    public String reason() {
        return switch (status) {
            case REJECTED -> "rejected_" + httpStatus;
            case GAVE_UP -> httpStatus == 0 ? "retries_exhausted_network" : "retries_exhausted_" + httpStatus;
            case NO_RECIPIENTS -> "no_recipients";
            case SENT -> "sent";
        };
    }
}
