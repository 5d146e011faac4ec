@NullMarked
package dev.switchboard.queue;

import org.jspecify.annotations.NullMarked;
