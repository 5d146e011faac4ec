package dev.switchboard.collector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in a real headless Chromium: services and their statuses appear from live polling, and the
 * response-time chart is drawn from history. Skipped when Debian's chromium and chromedriver are not installed,
 * unless SWITCHBOARD_REQUIRE_SERVICES=true.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DashboardIT {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    static final WireMockServer healthy = new WireMockServer(options().dynamicPort());
    static final WireMockServer failing = new WireMockServer(options().dynamicPort());

    static {
        healthy.start();
        failing.start();
        healthy.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(200)
                .withUniformRandomDelay(5, 40).withBody("{\"status\":\"UP\"}")));
        failing.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(503)
                .withBody("{\"status\":\"DOWN\"}")));
    }

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private Path profileDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.collector.summary-refresh", () -> "500ms");
        registry.add("switchboard.collector.interval", () -> "200ms");
        registry.add("switchboard.collector.static-targets.vector-api", () -> "http://localhost:" + healthy.port());
        registry.add("switchboard.collector.static-targets.etl-api", () -> "http://localhost:" + failing.port());
        registry.add("switchboard.collector.history.data-dir", () -> "target/it-data/" + UUID.randomUUID());
        registry.add("eureka.client.enabled", () -> "false");
    }

    @AfterAll
    static void stopServers() {
        healthy.stop();
        failing.stop();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("SWITCHBOARD_REQUIRE_SERVICES"))) {
            throw new IllegalStateException("SWITCHBOARD_REQUIRE_SERVICES=true but " + CHROMIUM + " or "
                    + CHROMEDRIVER + " is missing: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, () -> "Skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " not installed (apt-get install -y chromium chromium-driver)");
        profileDir = Files.createTempDirectory("collector-dashboard-chromium");
        ChromeOptions chromeOptions = new ChromeOptions();
        chromeOptions.setBinary(CHROMIUM.toFile());
        chromeOptions.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, chromeOptions);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profileDir != null) {
            try (var files = Files.walk(profileDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void showsEveryServiceAndDrawsTheResponseTimeChart() throws Exception {
        browser.get("http://localhost:" + port + "/");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<WebElement> rows = browser.findElements(By.cssSelector("#services tbody tr[data-service]"));
            assertThat(rows).extracting(row -> row.getDomAttribute("data-service"))
                    .containsExactlyInAnyOrder("vector-api", "etl-api");
            assertThat(status("vector-api")).isEqualTo("UP");
            assertThat(status("etl-api")).isEqualTo("DOWN");
        });
        assertThat(browser.findElement(By.cssSelector("#services tr[data-service='vector-api']")).getText())
                .contains("1 / 1");

        // The page refreshes itself every 10 s; the history of the first service is charted.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            WebElement chart = browser.findElement(By.id("chart"));
            assertThat(Integer.parseInt(chart.getDomAttribute("data-points"))).isPositive();
            assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
            assertThat(browser.findElement(By.cssSelector("#chart .u-legend")).getText()).contains("mean (ms)");
        });
        // Clicking the other service charts it.
        browser.findElement(By.cssSelector("#services tr[data-service='etl-api']")).click();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(browser.findElement(By.id("chart")).getDomAttribute("data-service")).isEqualTo("etl-api"));
        assertThat(browser.findElements(By.cssSelector("#instances tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();

        Path shot = Path.of("target", "dashboard-it.png");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    private String status(String service) {
        return browser.findElement(By.cssSelector("#services tr[data-service='" + service + "']"))
                .getDomAttribute("data-status");
    }
}
