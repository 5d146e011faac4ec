@NullMarked
package dev.switchboard.samples;

import org.jspecify.annotations.NullMarked;
