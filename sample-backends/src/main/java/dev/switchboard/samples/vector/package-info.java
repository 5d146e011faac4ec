@NullMarked
package dev.switchboard.samples.vector;

import org.jspecify.annotations.NullMarked;
