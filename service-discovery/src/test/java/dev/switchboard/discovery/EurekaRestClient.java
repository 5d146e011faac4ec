package dev.switchboard.discovery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Locale;

/**
 * Eureka's REST API exactly as a Python or R backend would call it: plain HTTP and JSON, no Eureka client
 * library. Mirrors the curl commands in the module README.
 */
final class EurekaRestClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String eurekaUrl;

    EurekaRestClient(String eurekaUrl) {
        this.eurekaUrl = eurekaUrl;
    }

    HttpResponse<String> register(String app, String instanceId, int port, int leaseSeconds) throws Exception {
        String body = """
                {"instance": {
                  "instanceId": "%2$s", "app": "%1$s", "hostName": "127.0.0.1", "ipAddr": "127.0.0.1",
                  "vipAddress": "%3$s", "status": "UP",
                  "port": {"$": %4$d, "@enabled": "true"},
                  "healthCheckUrl": "http://127.0.0.1:%4$d/health",
                  "statusPageUrl": "http://127.0.0.1:%4$d/health",
                  "homePageUrl": "http://127.0.0.1:%4$d/",
                  "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"},
                  "leaseInfo": {"renewalIntervalInSecs": %5$d, "durationInSecs": %6$d}
                }}""".formatted(app.toUpperCase(Locale.ROOT), instanceId, app.toLowerCase(Locale.ROOT), port,
                Math.max(1, leaseSeconds / 2), leaseSeconds);
        return send(HttpRequest.newBuilder(uri("/apps/" + app)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)));
    }

    HttpResponse<String> renew(String app, String instanceId) throws Exception {
        return send(HttpRequest.newBuilder(uri("/apps/" + app + "/" + instanceId)).PUT(BodyPublishers.noBody()));
    }

    HttpResponse<String> deregister(String app, String instanceId) throws Exception {
        return send(HttpRequest.newBuilder(uri("/apps/" + app + "/" + instanceId)).DELETE());
    }

    HttpResponse<String> application(String app) throws Exception {
        return send(HttpRequest.newBuilder(uri("/apps/" + app)).header("Accept", "application/json").GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(eurekaUrl + path);
    }
}
