@NullMarked
package dev.switchboard.gateway.aggregate;

import org.jspecify.annotations.NullMarked;
