package io.pushtech.storage.domain;

/** A pair that matches now, seen from one side: the other side's id and the distance at its last event. */
public record CurrentMatch(String searchId, String offerId, double distance) {}
