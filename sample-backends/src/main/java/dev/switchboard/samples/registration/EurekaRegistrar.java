package dev.switchboard.samples.registration;

import dev.switchboard.samples.registration.EurekaRestClient.Instance;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * Keeps this instance registered with Eureka: registers once the web server listens, renews the lease on every
 * interval (registering again when the registry has forgotten it), and deregisters before the web server stops.
 * When the instance's health changes (e.g. the unhealthy fault switch), it registers again with status UP or DOWN,
 * as Eureka's own clients do, so that discovery clients stop routing to a sick instance. An unreachable registry
 * never blocks start-up or serving; the next tick simply tries again.
 */
final class EurekaRegistrar implements SmartLifecycle, ApplicationListener<AvailabilityChangeEvent<?>> {

    private static final Logger log = LoggerFactory.getLogger(EurekaRegistrar.class);

    private final EurekaRestClient eureka;
    private final RegistrationProperties properties;
    private final Environment environment;
    private final Supplier<String> healthStatus;
    private final Clock clock;
    private final ApplicationAvailability availability;
    private volatile boolean running;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean registered;
    private volatile boolean failing;
    private volatile Instance instance;
    private ScheduledExecutorService scheduler;

    /** @param healthStatus this instance's status as Eureka spells it: {@code UP}, {@code DOWN} or {@code OUT_OF_SERVICE} */
    EurekaRegistrar(EurekaRestClient eureka, RegistrationProperties properties, Environment environment,
            Supplier<String> healthStatus, Clock clock, ApplicationAvailability availability) {
        this.eureka = eureka;
        this.properties = properties;
        this.environment = environment;
        this.healthStatus = healthStatus;
        this.clock = clock;
        this.availability = availability;
    }

    @Override
    public void start() {
        // The actual port is known once the web server started (an earlier lifecycle phase), also for port 0.
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        instance = new Instance(environment.getRequiredProperty("spring.application.name"), properties.hostname(), port,
                (int) Math.max(1, properties.renewalInterval().toSeconds()),
                (int) Math.max(1, properties.leaseDuration().toSeconds()), "UP", clock.millis());
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "eureka-registration");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
    }

    /**
     * Registration begins once the application accepts traffic: before that its readiness (part of its health)
     * still refuses traffic, and an instance should not be advertised, even as DOWN, while it is starting.
     */
    @Override
    public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && running && scheduled.compareAndSet(false, true)) {
            log.info("Registering {} as {} with {}", instance.app(), instance.instanceId(), properties.eurekaUrl());
            scheduler.execute(this::firstRegistration);
        }
    }

    /**
     * Other listeners of the same event (the one that records the readiness state among them) may not have run
     * yet, so wait for the recorded state to say so before reading the health for the first registration.
     */
    private void firstRegistration() {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            scheduler.schedule(this::firstRegistration, 20, TimeUnit.MILLISECONDS);
            return;
        }
        long interval = properties.renewalInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** One heartbeat, or one registration when not (or no longer) registered or when the health changed. */
    void tick() {
        try {
            String status = healthStatus.get();
            boolean statusChanged = !status.equals(instance.status());
            if (registered && !statusChanged && eureka.renew(instance)) {
                recovered();
                return;
            }
            if (registered && statusChanged) {
                log.info("Health of {} is now {}; updating its registration", instance.instanceId(), status);
            } else if (registered) {
                log.info("Eureka no longer knows {}; registering again", instance.instanceId());
            }
            Instance next = statusChanged ? instance.withStatus(status, clock.millis()) : instance;
            eureka.register(next);
            instance = next;
            registered = true;
            log.info("Registered {} with Eureka at {}", instance.instanceId(), properties.eurekaUrl());
            recovered();
        } catch (RuntimeException ex) {
            if (!failing) {
                log.warn("Eureka at {} is unreachable or refused {} ({}); retrying every {}", properties.eurekaUrl(),
                        instance.instanceId(), ex.getMessage(), properties.renewalInterval());
                failing = true;
            }
        }
    }

    private void recovered() {
        if (failing) {
            log.info("Eureka at {} answers again", properties.eurekaUrl());
            failing = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (registered) {
            try {
                eureka.deregister(instance);
                log.info("Deregistered {} from Eureka", instance.instanceId());
            } catch (RuntimeException ex) {
                log.warn("Could not deregister {} ({}); its lease will expire", instance.instanceId(), ex.getMessage());
            }
            registered = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
