/**
 * Conventions shared by every servlet-based Switchboard service: request ids, RFC 9457 errors,
 * the seed's {@code GET /health} and request body limits. Adding this module is enough; see
 * {@link dev.switchboard.support.ServiceSupportAutoConfiguration}.
 */
@NullMarked
package dev.switchboard.support;

import org.jspecify.annotations.NullMarked;
