@NullMarked
package dev.switchboard.gateway.stats;

import org.jspecify.annotations.NullMarked;
