@NullMarked
package dev.switchboard.queue.config;

import org.jspecify.annotations.NullMarked;
