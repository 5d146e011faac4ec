@NullMarked
package dev.switchboard.gateway.retry;

import org.jspecify.annotations.NullMarked;
