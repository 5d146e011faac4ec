@NullMarked
package dev.switchboard.collector.state;

import org.jspecify.annotations.NullMarked;
