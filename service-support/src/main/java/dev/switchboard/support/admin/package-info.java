/** Admin credential: operations that change or reveal a service's internals need the admin key. */
@NullMarked
package dev.switchboard.support.admin;

import org.jspecify.annotations.NullMarked;
