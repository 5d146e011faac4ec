package dev.switchboard.collector.target;

import java.net.URI;

/**
 * One instance the collector polls.
 *
 * @param service the service it belongs to (discovery's service id, lower case, or the static target's name)
 * @param instance an id unique within the service
 * @param baseUrl where the instance answers
 * @param healthUrl the endpoint that is polled
 * @param origin where the collector learned about it
 */
public record Target(String service, String instance, URI baseUrl, URI healthUrl, Origin origin) {

    /** How the collector learned about a target. */
    public enum Origin {
        /** Registered in discovery: a Spring service with Actuator. */
        DISCOVERY,
        /** Configured by URL: a backend that does not register. */
        STATIC
    }

    /** Identifies the target across polls: service and instance. */
    public String key() {
        return service + "/" + instance;
    }
}
