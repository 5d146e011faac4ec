package dev.switchboard.queue.config;

import dev.switchboard.queue.store.StoreDefaults;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the message queue.
 *
 * @param store which store keeps the messages: {@code embedded} (SQLite on local disk) or {@code postgres}
 * @param maxPayloadSize largest payload of one message; larger ones are refused with 413
 * @param maxBatchSize most messages one batch publish may carry
 * @param defaults settings a queue gets when it is created without explicit ones
 * @param longPoll how {@code consume?wait=} requests are held
 * @param maintenanceInterval how often expired messages and idempotency keys are deleted
 * @param metricsRefreshInterval how often the per-queue gauges are recounted from the store
 * @param embedded settings of the embedded store
 * @param postgres settings of the PostgreSQL store
 */
@Validated
@ConfigurationProperties("switchboard.queue")
public record QueueProperties(
        @NotNull @DefaultValue("embedded") StoreType store,
        @NotNull @DefaultValue("256KB") DataSize maxPayloadSize,
        @Min(1) @Max(1000) @DefaultValue("100") int maxBatchSize,
        @Valid @NotNull @DefaultValue Defaults defaults,
        @Valid @NotNull @DefaultValue LongPoll longPoll,
        @NotNull @DefaultValue("30s") Duration maintenanceInterval,
        @NotNull @DefaultValue("5s") Duration metricsRefreshInterval,
        @Valid @NotNull @DefaultValue Embedded embedded,
        @Valid @NotNull @DefaultValue Postgres postgres) {

    public StoreDefaults storeDefaults() {
        return new StoreDefaults(defaults.visibilityTimeout(), defaults.maxDeliveries(), defaults.retention(),
                defaults.idempotencyWindow());
    }

    /** The available stores. */
    public enum StoreType {
        EMBEDDED, POSTGRES
    }

    /**
     * Settings of implicitly created queues.
     *
     * @param visibilityTimeout how long a delivered message stays invisible unless acked
     * @param maxDeliveries deliveries after which a message is dead-lettered (0: never)
     * @param retention how long a message is kept at most
     * @param idempotencyWindow how long an {@code Idempotency-Key} is remembered
     */
    public record Defaults(
            @NotNull @DefaultValue("30s") Duration visibilityTimeout,
            @Min(0) @DefaultValue("5") int maxDeliveries,
            @NotNull @DefaultValue("4d") Duration retention,
            @NotNull @DefaultValue("5m") Duration idempotencyWindow) {
    }

    /**
     * Long polling.
     *
     * @param recheckInterval how often a queue with waiting consumers is checked for messages that became ready
     *        without a local publish (delays and visibility timeouts running out, publishes on another replica)
     */
    public record LongPoll(@NotNull @DefaultValue("250ms") Duration recheckInterval) {
    }

    /**
     * The embedded store.
     *
     * @param dataDir directory of the SQLite database file
     * @param readPoolSize connections serving reads (stats); writes use one dedicated connection
     * @param maxGroupCommit most writes committed together in one transaction
     */
    public record Embedded(
            @NotNull @DefaultValue("./data") Path dataDir,
            @Min(1) @DefaultValue("4") int readPoolSize,
            @Min(1) @DefaultValue("512") int maxGroupCommit) {
    }

    /**
     * The PostgreSQL store.
     *
     * @param url JDBC URL of the database
     * @param schema schema holding the queue tables, created by the migration when missing
     * @param poolSize connections in the pool
     */
    public record Postgres(
            @NotBlank @DefaultValue("jdbc:postgresql://localhost:5432/switchboard") String url,
            @NotBlank @DefaultValue("postgres") String user,
            @NotNull @DefaultValue("") String password,
            @NotBlank @DefaultValue("public") String schema,
            @Min(1) @DefaultValue("16") int poolSize) {
    }
}
