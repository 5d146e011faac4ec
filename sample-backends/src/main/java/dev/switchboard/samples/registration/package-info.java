@NullMarked
package dev.switchboard.samples.registration;

import org.jspecify.annotations.NullMarked;
