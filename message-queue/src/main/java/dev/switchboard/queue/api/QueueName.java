package dev.switchboard.queue.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A queue name: 1 to 80 letters, digits, '.', '_' or '-', not only dots (which would be a path segment), plus an
 * optional {@code .dlq} suffix so that the dead-letter queue of every valid name is addressable too.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Pattern(regexp = "(?!\\.+$)[A-Za-z0-9._-]{1,80}(\\.dlq)?")
public @interface QueueName {

    String message() default "must be 1 to 80 letters, digits, '.', '_' or '-' (plus an optional '.dlq' suffix)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
