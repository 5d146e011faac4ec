package dev.switchboard.samples.registration;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Eureka's REST API exactly as a non-JVM backend calls it: register ({@code POST /apps/{APP}}), renew
 * ({@code PUT /apps/{APP}/{id}}), deregister ({@code DELETE /apps/{APP}/{id}}). No Eureka client library.
 */
final class EurekaRestClient {

    private final RestClient http;

    /** @param http a client whose base URL is the registry's {@code /eureka/} URL */
    EurekaRestClient(RestClient http) {
        this.http = http;
    }

    /** Registers the instance; Eureka answers 204. */
    void register(Instance instance) {
        http.post().uri(instance.appPath()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("instance", instance.toEurekaJson()))
                .retrieve().toBodilessEntity();
    }

    /** Renews the lease. False when the registry does not know the instance (expired or restarted): register again. */
    boolean renew(Instance instance) {
        HttpStatusCode status = http.put().uri(instance.instancePath())
                .exchange((request, response) -> response.getStatusCode());
        if (status.value() == 404) {
            return false;
        }
        if (status.isError()) {
            throw new RegistryException("Eureka answered " + status.value() + " to a heartbeat");
        }
        return true;
    }

    void deregister(Instance instance) {
        http.delete().uri(instance.instancePath()).retrieve().toBodilessEntity();
    }

    /** What this instance tells the registry about itself. */
    record Instance(String serviceName, String hostname, int port, int renewalSeconds, int leaseSeconds, String status,
            long lastDirtyTimestamp) {

        /** The same instance reporting another status; a newer dirty timestamp makes the registry take the change. */
        Instance withStatus(String newStatus, long now) {
            return new Instance(serviceName, hostname, port, renewalSeconds, leaseSeconds, newStatus, now);
        }

        String app() {
            return serviceName.toUpperCase(Locale.ROOT);
        }

        String instanceId() {
            return hostname + ":" + serviceName + ":" + port;
        }

        String appPath() {
            return "apps/" + app();
        }

        /** Written out rather than templated: URI variables would encode the colons, which curl users never do. */
        String instancePath() {
            return appPath() + "/" + instanceId();
        }

        Map<String, Object> toEurekaJson() {
            String base = "http://" + hostname + ":" + port;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("instanceId", instanceId());
            json.put("app", app());
            json.put("hostName", hostname);
            json.put("ipAddr", hostname);
            // Spring Cloud clients look instances up by VIP address, which they expect to be the service id.
            json.put("vipAddress", serviceName);
            json.put("secureVipAddress", serviceName);
            json.put("status", status);
            json.put("lastDirtyTimestamp", Long.toString(lastDirtyTimestamp));
            json.put("port", Map.of("$", port, "@enabled", "true"));
            json.put("securePort", Map.of("$", 443, "@enabled", "false"));
            json.put("healthCheckUrl", base + "/health");
            json.put("statusPageUrl", base + "/actuator/info");
            json.put("homePageUrl", base + "/");
            json.put("dataCenterInfo", Map.of("@class", "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo",
                    "name", "MyOwn"));
            json.put("leaseInfo", Map.of("renewalIntervalInSecs", renewalSeconds, "durationInSecs", leaseSeconds));
            return json;
        }
    }

    static final class RegistryException extends RuntimeException {

        RegistryException(String message) {
            super(message);
        }
    }
}
