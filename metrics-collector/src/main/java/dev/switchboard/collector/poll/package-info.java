@NullMarked
package dev.switchboard.collector.poll;

import org.jspecify.annotations.NullMarked;
