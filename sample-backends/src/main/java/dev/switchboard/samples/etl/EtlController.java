package dev.switchboard.samples.etl;

import dev.switchboard.support.problem.ProblemException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The etl-api stand-in: submit a job (202 with its location), list jobs, read one. */
@RestController
@Profile("etl-api")
@RequestMapping("/api/v1/etl/jobs")
class EtlController {

    private static final int MAX_LIST_LIMIT = 1000;

    private final EtlJobService service;
    private final EtlEngine engine;
    private final EtlProperties properties;

    EtlController(EtlJobService service, EtlEngine engine, EtlProperties properties) {
        this.service = service;
        this.engine = engine;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<EtlJob> submit(@Valid @RequestBody EtlJobRequest request) {
        if (request.records().size() > properties.maxRecords()) {
            throw invalid("records may hold at most " + properties.maxRecords() + " entries, had " + request.records().size());
        }
        String problem = engine.check(request);
        if (problem != null) {
            throw invalid(problem);
        }
        try {
            EtlJob job = service.submit(request);
            return ResponseEntity.accepted().location(URI.create("/api/v1/etl/jobs/" + job.id())).body(job);
        } catch (JobDispatcher.DispatchException ex) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "etl-unavailable", String.valueOf(ex.getMessage()))
                    .withHeader("Retry-After", "5");
        }
    }

    @GetMapping
    List<EtlJob> list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw invalid("limit must be between 1 and " + MAX_LIST_LIMIT + ", was " + limit);
        }
        return service.list(status == null ? null : status(status), limit);
    }

    @GetMapping("/{id}")
    EtlJob job(@PathVariable String id) {
        UUID jobId;
        try {
            jobId = UUID.fromString(id);
        } catch (IllegalArgumentException ex) {
            throw invalid("job id must be a UUID, was '" + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'");
        }
        return service.find(jobId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "job-not-found",
                "No ETL job " + jobId + " is known here (jobs are kept in memory, the oldest finished ones are forgotten)"));
    }

    private static JobStatus status(String text) {
        return Arrays.stream(JobStatus.values()).filter(value -> value.name().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> invalid("status must be one of " + Arrays.toString(JobStatus.values()).toLowerCase(Locale.ROOT)
                        + ", was '" + text + "'"));
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", detail);
    }
}
