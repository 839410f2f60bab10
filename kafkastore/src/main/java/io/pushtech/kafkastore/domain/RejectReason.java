package io.pushtech.kafkastore.domain;

/** Why an entry went to {@code events.rejected}; the metric tag and the {@code reason} field of the record. */
public enum RejectReason {
    MISSING_EVENT_FIELD("missing_event_field"),
    UNREADABLE_EVENT("unreadable_event"),
    MISSING_DEVICE_AND_USER("missing_device_and_user"),
    INVALID_LOCATION("invalid_location"),
    ENRICHMENT_FAILED("enrichment_failed");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
