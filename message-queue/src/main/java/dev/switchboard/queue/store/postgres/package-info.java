@NullMarked
package dev.switchboard.queue.store.postgres;

import org.jspecify.annotations.NullMarked;
