@NullMarked
package dev.switchboard.queue.metrics;

import org.jspecify.annotations.NullMarked;
