package io.pushtech.platform;

import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Settings;
import io.pushtech.common.service.ServiceVerticle;
import java.io.PrintStream;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Prints where things listen, one per line, in the format scripts parse:
 * {@code <service> http://127.0.0.1:<port>}, {@code kafka <host:port>}, {@code redis <url>}, {@code mongodb <uri>}.
 */
final class Addresses {

    private static final Pattern USER_INFO = Pattern.compile("://[^/@]*@");

    private Addresses() {}

    static void printInfrastructure(PrintStream out, Settings settings) {
        out.println("kafka " + settings.get(CommonSettings.KAFKA_BOOTSTRAP));
        out.println("redis " + redacted(settings.get(CommonSettings.REDIS_URL)));
        out.println("mongodb " + redacted(settings.get(CommonSettings.MONGO_URI)));
    }

    static void printServices(PrintStream out, List<ServiceVerticle> services) {
        services.forEach(service -> out.println(service.name() + " http://127.0.0.1:" + service.port()));
    }

    /** Credentials in a URL stay out of the terminal and its scrollback. */
    static String redacted(String url) {
        return USER_INFO.matcher(url).replaceFirst("://***@");
    }
}
