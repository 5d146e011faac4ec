@NullMarked
package dev.switchboard.collector.history;

import org.jspecify.annotations.NullMarked;
