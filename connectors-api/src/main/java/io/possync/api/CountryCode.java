package io.possync.api;

import io.possync.api.internal.CountryCodeValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated string is an ISO 3166-1 alpha-2 country code in upper case ({@code NL}, {@code DE}).
 *
 * <pre>{@code
 * record Address(@CountryCode String country) {}
 * }</pre>
 */
@Documented
@Constraint(validatedBy = CountryCodeValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CountryCode {
    /** The violation message. */
    String message() default "must be an ISO 3166-1 alpha-2 country code such as NL or DE";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};
}
