@NullMarked
package dev.switchboard.samples.role;

import org.jspecify.annotations.NullMarked;
