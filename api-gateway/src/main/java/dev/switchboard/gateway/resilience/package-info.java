@NullMarked
package dev.switchboard.gateway.resilience;

import org.jspecify.annotations.NullMarked;
