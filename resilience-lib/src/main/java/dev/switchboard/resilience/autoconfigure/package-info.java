/**
 * Spring Boot auto-configuration of the resilience library: adding the dependency is enough.
 */
@NullMarked
package dev.switchboard.resilience.autoconfigure;

import org.jspecify.annotations.NullMarked;
