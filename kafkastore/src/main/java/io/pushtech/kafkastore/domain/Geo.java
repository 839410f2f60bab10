package io.pushtech.kafkastore.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where an IP address is, from the GeoLite2 City database. Every field may be absent ({@code null}, omitted from
 * the JSON): the database knows some addresses only to the country.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param region ISO 3166-2 subdivision code (without the country prefix), the most general subdivision
 * @param accuracyRadiusKm radius around {@code lat}/{@code lng} in which the address is, in kilometres
 * @param timeZone IANA time zone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Geo(
        String country,
        String region,
        String city,
        String postalCode,
        Double lat,
        Double lng,
        Integer accuracyRadiusKm,
        String timeZone) {}
