@NullMarked
package dev.switchboard.gateway.tracing;

import org.jspecify.annotations.NullMarked;
