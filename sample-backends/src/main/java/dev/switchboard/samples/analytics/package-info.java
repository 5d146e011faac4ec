@NullMarked
package dev.switchboard.samples.analytics;

import org.jspecify.annotations.NullMarked;
