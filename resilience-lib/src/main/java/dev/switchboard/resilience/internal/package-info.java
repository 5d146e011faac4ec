/**
 * Implementation details of the resilience library; not an API, may change without notice.
 */
@NullMarked
package dev.switchboard.resilience.internal;

import org.jspecify.annotations.NullMarked;
