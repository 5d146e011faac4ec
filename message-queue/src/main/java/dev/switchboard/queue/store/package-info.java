@NullMarked
package dev.switchboard.queue.store;

import org.jspecify.annotations.NullMarked;
