@NullMarked
package dev.switchboard.gateway.cache;

import org.jspecify.annotations.NullMarked;
