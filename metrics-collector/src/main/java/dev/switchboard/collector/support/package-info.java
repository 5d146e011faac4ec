/** Small pieces shared by the collector's features. */
@NullMarked
package dev.switchboard.collector.support;

import org.jspecify.annotations.NullMarked;
