package io.possync.api;

import static io.possync.api.internal.Nulls.opt;

import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * A person's name: the customer itself for a person debtor, the contact person for a company.
 *
 * <pre>{@code
 * ContactPerson p = ContactPerson.of("Anna", "de Vries");
 * }</pre>
 *
 * @param firstName first name
 * @param lastName  last name, including prefixes such as "de" or "van"
 */
public record ContactPerson(Optional<@Size(max = 100) String> firstName, Optional<@Size(max = 100) String> lastName) {

    /** Replaces null optionals with empty ones. */
    public ContactPerson {
        firstName = opt(firstName);
        lastName = opt(lastName);
    }

    /** A name from its two parts, either of which may be null. */
    public static ContactPerson of(String firstName, String lastName) {
        return new ContactPerson(Optional.ofNullable(firstName), Optional.ofNullable(lastName));
    }

    /** First and last name joined by a space, or empty when both are missing. */
    public String fullName() {
        return (firstName.orElse("") + " " + lastName.orElse("")).trim();
    }
}
