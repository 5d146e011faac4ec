@NullMarked
package dev.switchboard.discovery;

import org.jspecify.annotations.NullMarked;
