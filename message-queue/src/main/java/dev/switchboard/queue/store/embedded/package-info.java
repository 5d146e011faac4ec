@NullMarked
package dev.switchboard.queue.store.embedded;

import org.jspecify.annotations.NullMarked;
