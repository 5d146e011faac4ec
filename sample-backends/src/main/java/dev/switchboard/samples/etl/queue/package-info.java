@NullMarked
package dev.switchboard.samples.etl.queue;

import org.jspecify.annotations.NullMarked;
