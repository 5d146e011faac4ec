@NullMarked
package dev.switchboard.samples.fault;

import org.jspecify.annotations.NullMarked;
