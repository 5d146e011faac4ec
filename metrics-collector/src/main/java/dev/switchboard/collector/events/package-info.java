@NullMarked
package dev.switchboard.collector.events;

import org.jspecify.annotations.NullMarked;
