package dev.switchboard.gateway.security;

import org.springframework.security.core.AuthenticationException;

/** A presented key that is not an accepted one. The message is safe to show: it never contains the key. */
final class InvalidCredentialException extends AuthenticationException {

    InvalidCredentialException(String message) {
        super(message);
    }
}
