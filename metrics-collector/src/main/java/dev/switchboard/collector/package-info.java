@NullMarked
package dev.switchboard.collector;

import org.jspecify.annotations.NullMarked;
