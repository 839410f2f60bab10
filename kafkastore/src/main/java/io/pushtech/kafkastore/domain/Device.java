package io.pushtech.kafkastore.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a user agent says about the client: operating system, browser, device family, and whether it is a bot.
 * Versions are {@code major[.minor[.patch]]}; absent fields are {@code null} and omitted from the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Device(String os, String osVersion, String browser, String browserVersion, String family, boolean bot) {}
