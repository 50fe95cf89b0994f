package io.possync.api;

/**
 * Whether a customer is a company (a company debtor with a contact person) or a private person.
 *
 * <pre>{@code
 * CustomerKind kind = customer.companyName().isPresent() ? CustomerKind.COMPANY : CustomerKind.PERSON;
 * }</pre>
 */
public enum CustomerKind {
    /** A business; the debtor carries the company name and a contact person. */
    COMPANY,
    /** A private person. */
    PERSON
}
