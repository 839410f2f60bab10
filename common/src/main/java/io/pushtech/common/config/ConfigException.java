package io.pushtech.common.config;

/** A setting has a value that cannot be used; the message names the setting and the value it got. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
