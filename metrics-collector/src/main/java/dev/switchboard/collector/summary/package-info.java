@NullMarked
package dev.switchboard.collector.summary;

import org.jspecify.annotations.NullMarked;
