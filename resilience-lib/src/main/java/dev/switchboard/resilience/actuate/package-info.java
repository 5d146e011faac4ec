/**
 * Actuator endpoint listing every circuit breaker, with reset and force-open by POST.
 */
@NullMarked
package dev.switchboard.resilience.actuate;

import org.jspecify.annotations.NullMarked;
