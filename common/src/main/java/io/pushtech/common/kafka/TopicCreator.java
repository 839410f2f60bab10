package io.pushtech.common.kafka;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the topics a service needs when they do not exist yet. Blocking: call it off the event loop. */
public final class TopicCreator {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    public TopicCreator(Admin admin) {
        this.admin = admin;
    }

    public void ensure(List<NewTopic> topics) throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<NewTopic> missing =
                topics.stream().filter(t -> !existing.contains(t.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Probes that the cluster answers; for readiness checks. */
    public void probe() throws ExecutionException, InterruptedException, TimeoutException {
        admin.describeCluster().clusterId().get(2, TimeUnit.SECONDS);
    }
}
