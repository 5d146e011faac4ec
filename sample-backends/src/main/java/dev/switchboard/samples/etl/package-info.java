@NullMarked
package dev.switchboard.samples.etl;

import org.jspecify.annotations.NullMarked;
