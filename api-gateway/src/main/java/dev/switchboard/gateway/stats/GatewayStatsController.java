package dev.switchboard.gateway.stats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/gateway/stats}: what the gateway has served, per route. */
@RestController
class GatewayStatsController {

    private final GatewayStatsAssembler assembler;

    GatewayStatsController(GatewayStatsAssembler assembler) {
        this.assembler = assembler;
    }

    @GetMapping(path = "/api/v1/gateway/stats", produces = "application/json")
    Mono<GatewayStats> stats() {
        return assembler.stats();
    }
}
