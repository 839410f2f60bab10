package io.pushtech.common.http;

/** A service's HTTP port is taken; the message names the service, the port and the setting to change. */
public final class PortInUseException extends RuntimeException {

    public PortInUseException(String service, int port, String setting) {
        super(
                service + ": port " + port + " is already in use (set " + setting + " to another port)",
                null,
                false,
                false);
    }
}
