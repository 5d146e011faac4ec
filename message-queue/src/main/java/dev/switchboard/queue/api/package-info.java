@NullMarked
package dev.switchboard.queue.api;

import org.jspecify.annotations.NullMarked;
