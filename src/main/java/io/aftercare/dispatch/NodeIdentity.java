package io.aftercare.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Names this process in the claims it makes, so an operator can tell which node holds a text. */
@ApplicationScoped
class NodeIdentity {

    private final String id;

    NodeIdentity() {
        this.id = host() + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    String id() {
        return id;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
