@NullMarked
package dev.switchboard.collector.target;

import org.jspecify.annotations.NullMarked;
