@NullMarked
package dev.switchboard.collector.config;

import org.jspecify.annotations.NullMarked;
