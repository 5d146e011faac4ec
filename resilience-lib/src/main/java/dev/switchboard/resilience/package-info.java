/**
 * Public API of the resilience library: named HTTP clients with retry and a circuit breaker
 * ({@link dev.switchboard.resilience.ResilientHttpClients}), their configuration model
 * ({@link dev.switchboard.resilience.ResilienceProperties}), the policy translator shared with reactive
 * callers ({@link dev.switchboard.resilience.ResiliencePolicies}) and the one failure type
 * ({@link dev.switchboard.resilience.ResilientCallException}).
 */
@NullMarked
package dev.switchboard.resilience;

import org.jspecify.annotations.NullMarked;
