@NullMarked
package dev.switchboard.queue.store.jdbc;

import org.jspecify.annotations.NullMarked;
