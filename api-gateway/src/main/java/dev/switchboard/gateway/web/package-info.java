@NullMarked
package dev.switchboard.gateway.web;

import org.jspecify.annotations.NullMarked;
