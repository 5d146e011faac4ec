@NullMarked
package dev.switchboard.gateway.observe;

import org.jspecify.annotations.NullMarked;
