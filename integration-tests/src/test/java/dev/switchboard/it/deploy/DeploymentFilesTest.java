package dev.switchboard.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No Docker engine runs on the build machines, so compose is validated by reading it: every service of the
 * suite is there with the port, healthcheck, memory limit and environment its own configuration expects, in
 * agreement with the local run script; Prometheus scrapes them all (and promtool accepts the file).
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("switchboard.root", "..")).toAbsolutePath().normalize();
    /** Variables a container sets for the JVM or Spring itself rather than for the application's configuration. */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS",
            "JDK_JAVA_OPTIONS");
    private static final Pattern PORT_PLACEHOLDER = Pattern.compile("port: \\$\\{SERVER_PORT:(\\d+)}");

    private static Map<String, Map<String, Object>> services;
    private static Map<String, Service> suite;

    /** A service of the suite as the run script declares it: name, Maven module, port. */
    record Service(String name, String module, int port) {
    }

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        suite = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("\"([a-z-]+)\\|([a-z-]+)\\|(\\d+)\\|").matcher(Files.readString(ROOT.resolve("switchboard")));
        while (entry.find()) {
            suite.put(entry.group(1), new Service(entry.group(1), entry.group(2), Integer.parseInt(entry.group(3))));
        }
    }

    @Test
    void runScriptAndComposeDeclareTheSameServices() {
        assertThat(suite.keySet()).containsExactlyInAnyOrder("service-discovery", "api-gateway", "message-queue",
                "metrics-collector", "vector-api", "analytics-api", "etl-api");
        assertThat(services.keySet()).containsAll(suite.keySet());
    }

    @Test
    void everyServiceExposesItsConfiguredPortAndChecksItsHealthThere() throws IOException {
        for (Service service : suite.values()) {
            Map<String, Object> compose = services.get(service.name());
            assertThat(defaultPort(service)).as("%s default port in application.yml", service.name()).isEqualTo(service.port());
            assertThat(asList(compose.get("ports"))).as("%s ports", service.name())
                    .containsExactly(service.port() + ":" + service.port());
            assertThat(asList(asMap(compose.get("healthcheck")).get("test"))).as("%s healthcheck", service.name())
                    .containsExactly("CMD", "healthcheck", Integer.toString(service.port()));
            assertThat(compose.get("mem_limit")).as("%s memory limit", service.name()).isNotNull();
        }
    }

    @Test
    void everyImageIsBuiltFromItsModule() {
        for (Service service : suite.values()) {
            String image = (String) services.get(service.name()).get("image");
            assertThat(image).as("%s image", service.name()).isEqualTo("switchboard/" + service.module() + ":latest");
            boolean built = services.values().stream()
                    .filter(other -> image.equals(other.get("image")) && other.get("build") != null)
                    .anyMatch(other -> service.module().equals(asMap(asMap(other.get("build")).get("args")).get("MODULE")));
            assertThat(built).as("some compose service builds %s from module %s", image, service.module()).isTrue();
        }
    }

    @Test
    void everyEnvironmentVariableIsReadByTheServiceConfiguration() throws IOException {
        for (Service service : suite.values()) {
            String configuration = Files.readString(applicationYml(service));
            for (String variable : asMap(services.get(service.name()).get("environment")).keySet()) {
                if (!PLATFORM_VARIABLES.contains(variable)) {
                    assertThat(configuration).as("%s reads %s (compose sets it)", service.name(), variable)
                            .containsPattern("\\$\\{" + variable + "[:}]");
                }
            }
        }
    }

    @Test
    void dependenciesWaitForHealth() {
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                asMap(dependsOn).forEach((dependency, condition) -> {
                    assertThat(services).as("%s depends on a defined service", name).containsKey(dependency);
                    assertThat(asMap(condition).get("condition")).as("%s -> %s", name, dependency).isEqualTo("service_healthy");
                });
            }
        });
    }

    @Test
    void prometheusScrapesEveryService() throws Exception {
        String prometheus = Files.readString(ROOT.resolve("docker/prometheus/prometheus.yml"));
        for (Service service : suite.values()) {
            assertThat(prometheus).contains("\"" + service.name() + ":" + service.port() + "\"");
        }
        boolean promtool = Files.isExecutable(Path.of("/usr/bin/promtool"));
        assumeTrue(promtool || !"true".equals(System.getenv("SWITCHBOARD_REQUIRE_SERVICES")) ? promtool : fail("promtool missing"),
                "promtool not installed (Debian package prometheus); syntax not checked");
        Process check = new ProcessBuilder("promtool", "check", "config", "docker/prometheus/prometheus.yml")
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void grafanaDashboardUsesTheProvisionedDatasource() throws IOException {
        String datasource = Files.readString(ROOT.resolve("docker/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasource).contains("uid: prometheus");
        JsonNode dashboard = JsonMapper.builder().build().readTree(
                ROOT.resolve("docker/grafana/dashboards/switchboard-overview.json").toFile());
        assertThat(dashboard.path("panels").size()).isPositive();
        dashboard.path("panels").forEach(panel ->
                assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("prometheus"));
    }

    private static boolean fail(String message) {
        throw new AssertionError(message);
    }

    private static int defaultPort(Service service) throws IOException {
        String configuration = Files.readString(applicationYml(service));
        if (!"sample-backends".equals(service.module())) {
            Matcher port = PORT_PLACEHOLDER.matcher(configuration);
            assertThat(port.find()).as("%s declares port: ${SERVER_PORT:n}", service.module()).isTrue();
            return Integer.parseInt(port.group(1));
        }
        // The sample backends declare one profile document per role, each with its own port.
        for (String document : configuration.split("(?m)^---$")) {
            if (document.contains("on-profile: " + service.name())) {
                Matcher port = PORT_PLACEHOLDER.matcher(document);
                assertThat(port.find()).isTrue();
                return Integer.parseInt(port.group(1));
            }
        }
        throw new AssertionError("no profile document for " + service.name());
    }

    private static Path applicationYml(Service service) {
        return ROOT.resolve(service.module()).resolve("src/main/resources/application.yml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).map(Object.class::cast).toList();
    }
}
