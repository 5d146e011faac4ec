package dev.switchboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.admin.AdminKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

class AdminCredentialIT {

    static final String ADMIN_KEY = "s3cret-admin-key";
    /** {@code printf %s s3cret-admin-key | sha256sum}: configuration holds only this digest. */
    static final String ADMIN_KEY_SHA256 = "cc12d797df6c222c24b62d8b0f3ec4d36a6dd1129268175bac7e87135b9ce63e";

    @Nested
    @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TestApp.class, properties = {
            "spring.application.name=admin-test",
            "management.endpoints.web.exposure.include=health,info,prometheus,env,loggers",
            "switchboard.admin.operations=POST /things/*/purge",
            "switchboard.admin.key-sha256=" + "0000000000000000000000000000000000000000000000000000000000000000,"
                    + ADMIN_KEY_SHA256 })
    class WithAnAdminKeyConfigured {

        @LocalServerPort
        int port;

        @Test
        void adminOperationWithoutKeyIs401AndDoesNothing() throws Exception {
            String before = send("GET", "/things/purges", null).body();
            HttpResponse<String> response = send("POST", "/things/a/purge", null);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("urn:switchboard:problem:unauthenticated").doesNotContain(ADMIN_KEY);
            assertThat(send("GET", "/things/purges", null).body()).isEqualTo(before);
        }

        @Test
        void adminOperationWithWrongKeyIs403() throws Exception {
            HttpResponse<String> response = send("POST", "/things/a/purge", "not-the-key");
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("urn:switchboard:problem:forbidden").doesNotContain("not-the-key");
        }

        @Test
        void adminOperationWithRightKeyRuns() throws Exception {
            int before = Integer.parseInt(send("GET", "/things/purges", null).body());
            assertThat(send("POST", "/things/a/purge", ADMIN_KEY).statusCode()).isEqualTo(200);
            assertThat(send("GET", "/things/purges", null).body()).isEqualTo(String.valueOf(before + 1));
        }

        @Test
        void configuredDigestIsTheKeysSha256() {
            assertThat(AdminKeys.sha256Hex(ADMIN_KEY)).isEqualTo(ADMIN_KEY_SHA256);
        }

        @Test
        void ordinaryOperationsStayOpen() throws Exception {
            assertThat(send("GET", "/things/a", null).statusCode()).isEqualTo(200);
            assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);
        }

        @Test
        void publicActuatorEndpointsStayOpenAndTheOthersNeedTheKey() throws Exception {
            assertThat(send("GET", "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
            assertThat(send("GET", "/actuator/info", null).statusCode()).isEqualTo(200);
            assertThat(send("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(200);
            assertThat(send("GET", "/actuator/env", null).statusCode()).isEqualTo(401);
            assertThat(send("GET", "/actuator", null).statusCode()).isEqualTo(401);
            assertThat(send("GET", "/actuator/env", ADMIN_KEY).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> send(String method, String path, @Nullable String key) throws Exception {
            return AdminCredentialIT.send(port, method, path, key);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TestApp.class, properties = {
            "spring.application.name=admin-test", "switchboard.admin.operations=POST /things/*/purge" })
    class WithoutAnAdminKey {

        @LocalServerPort
        int port;

        @Test
        void adminOperationsAreRefusedEvenWithSomeKey() throws Exception {
            HttpResponse<String> response = AdminCredentialIT.send(port, "POST", "/things/a/purge", ADMIN_KEY);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("urn:switchboard:problem:admin-disabled");
        }
    }

    static HttpResponse<String> send(int port, String method, String path, @Nullable String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, BodyPublishers.noBody());
        if (key != null) {
            request.header("X-Admin-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
    }

    @SpringBootApplication
    @Import(ThingsController.class)
    static class TestApp {
    }

    @RestController
    static class ThingsController {

        private final AtomicInteger purges = new AtomicInteger();

        @GetMapping("/things/purges")
        int purges() {
            return purges.get();
        }

        @GetMapping("/things/{name}")
        String get(@PathVariable String name) {
            return name;
        }

        @PostMapping("/things/{name}/purge")
        String purge(@PathVariable String name) {
            purges.incrementAndGet();
            return "purged " + name;
        }
    }
}
