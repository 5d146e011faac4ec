@NullMarked
package dev.switchboard.support.problem;

import org.jspecify.annotations.NullMarked;
