@NullMarked
package dev.switchboard.collector.api;

import org.jspecify.annotations.NullMarked;
