package dev.switchboard.samples;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Another Switchboard service run from its packaged jar as a separate process on a free port, for tests against
 * the real thing (the registry, the queue). Stopped by its own process handle, never by name.
 */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private JarProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * The module's packaged jar: the system property {@code switchboard.<module>.jar} if set, else
     * {@code ../<module>/target/<module>-*.jar} (the reactor builds modules in order, so a full build has it).
     */
    public static Optional<Path> jarOf(String module) throws IOException {
        String configured = System.getProperty("switchboard." + module + ".jar");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isRegularFile);
        }
        Path target = Path.of("..", module, "target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(path -> path.getFileName().toString().matches(module + "-[^/]*\\.jar"))
                    .filter(path -> !path.getFileName().toString().endsWith("-sources.jar"))
                    .findFirst();
        }
    }

    /** Starts the jar with {@code args} plus {@code --server.port=<free>} and waits until {@code /health} answers 200. */
    public static JarProcess start(Path jar, String name, String... args) throws IOException {
        int port = freePort();
        Path log = Files.createDirectories(Path.of("target")).resolve(name + "-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        JarProcess started = new JarProcess(process, port, log);
        HttpClient http = HttpClient.newHttpClient();
        try {
            await(name + " healthy (log: " + log + ")").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited; see " + log);
                        }
                        try {
                            return http.send(HttpRequest.newBuilder(URI.create(started.url("/health"))).build(),
                                    BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException ex) {
                            return false;
                        }
                    });
        } catch (RuntimeException ex) {
            started.close();
            throw ex;
        }
        return started;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
