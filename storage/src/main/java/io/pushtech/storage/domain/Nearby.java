package io.pushtech.storage.domain;

/** An item found by a nearby query, with its distance in metres from the query's center. */
public record Nearby<T>(T item, double distance) {}
