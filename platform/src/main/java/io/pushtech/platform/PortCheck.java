package io.pushtech.platform;

import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Settings;
import io.pushtech.common.http.PortInUseException;
import io.pushtech.common.service.ServiceDefinition;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** Finds a taken service port before anything starts, so the error comes at once and names the port. */
final class PortCheck {

    private PortCheck() {}

    static void requireFree(List<ServiceDefinition> services, Settings settings) {
        String host = settings.get(CommonSettings.HTTP_HOST);
        for (ServiceDefinition service : services) {
            int port = settings.get(service.port());
            if (port > 0 && !isFree(host, port)) {
                throw new PortInUseException(
                        service.name(), port, service.port().name());
            }
        }
    }

    private static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
