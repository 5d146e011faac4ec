@NullMarked
package dev.switchboard.gateway.discovery;

import org.jspecify.annotations.NullMarked;
