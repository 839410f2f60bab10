package io.pushtech.common.http;

/**
 * Where a service's HTTP server listens.
 *
 * @param host bind address
 * @param port port, 0 for any free one
 * @param portSetting the setting that configures the port, named in errors
 */
public record HttpEndpoint(String host, int port, String portSetting) {}
