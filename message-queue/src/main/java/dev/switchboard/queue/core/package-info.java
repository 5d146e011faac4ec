@NullMarked
package dev.switchboard.queue.core;

import org.jspecify.annotations.NullMarked;
