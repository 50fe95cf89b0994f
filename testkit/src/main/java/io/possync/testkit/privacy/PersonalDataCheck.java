package io.possync.testkit.privacy;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.possync.api.Address;
import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.Ref;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Customers full of personal data, and a search for that data in what a sync wrote to its logs and
 * exceptions: every e-mail address, name, company name, street, phone and VAT number, in each form it can
 * take on the wire — as it is, URL-encoded, JSON-escaped, XML-escaped. A connector's privacy test runs a
 * sync of these customers at DEBUG and expects {@link #leaks} to find nothing.
 *
 * <pre>{@code
 * List<Customer> customers = PersonalDataCheck.customers("pos", 20);
 * ... sync them, collecting log lines and exception messages into texts ...
 * assertThat(PersonalDataCheck.leaks(texts, PersonalDataCheck.values(customers))).isEmpty();
 * }</pre>
 */
public final class PersonalDataCheck {

    private static final String[] FIRST = {"Annelies", "Jörg", "Zoë", "Maarten", "Françoise", "Siobhán"};
    private static final String[] LAST = {"O'Brien-Vermeulen", "van der Heijden", "Müller-Lüdenscheidt", "Ğüneş", "de Kock & Zn"};
    private static final String[] STREET = {"Keizersgracht", "Rue de l'Église", "Hauptstraße", "Ωmega-laan"};

    private PersonalDataCheck() {
    }

    /** {@code n} customers of {@code system}, every second one a company with a contact person, all with address, phone and VAT number. */
    public static List<Customer> customers(String system, int n) {
        List<Customer> out = new ArrayList<>();
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        for (int i = 0; i < n; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[i % LAST.length] + " " + (100 + i);
            boolean company = i % 2 == 0;
            Customer.Builder b = Customer.builder(new Ref(system, EntityType.CUSTOMER, "P" + (1000 + i)), at.plusSeconds(i))
                    .kind(company ? CustomerKind.COMPANY : CustomerKind.PERSON)
                    .email("private.person+" + i + "@example-mail.com")
                    .contactPerson(ContactPerson.of(first, last))
                    .phone("+31 6 " + (10000000 + 7919 * i))
                    .vatNumber("NL" + (800000000 + 104729 * i) + "B01")
                    .billingAddress(Address.builder().street(STREET[i % STREET.length] + " " + (200 + i)).houseNumber(String.valueOf(12 + i))
                            .postalCode((1000 + i) + " AB").city("Amsterdam").country("NL").build());
            if (company) {
                b.companyName("Bakkerij " + last + " B.V.");
            }
            out.add(b.build());
        }
        return out;
    }

    /** The personal values of {@code customers}: e-mails, first, last and full names, company names, streets, phones, VAT numbers. */
    public static Set<String> values(Collection<Customer> customers) {
        Set<String> values = new LinkedHashSet<>();
        for (Customer c : customers) {
            c.email().ifPresent(values::add);
            c.companyName().ifPresent(values::add);
            c.phone().ifPresent(values::add);
            c.vatNumber().ifPresent(values::add);
            c.contactPerson().ifPresent(p -> {
                p.lastName().ifPresent(values::add);
                p.firstName().flatMap(f -> p.lastName().map(l -> f + " " + l)).ifPresent(values::add);
            });
            c.billingAddress().flatMap(Address::street).ifPresent(values::add);
        }
        return values;
    }

    /**
     * Every place in {@code texts} where one of {@code values} appears, in any of its forms; each as
     * "form of value: excerpt". Values shorter than five characters are not searched (they would match
     * anything).
     */
    public static List<String> leaks(Collection<String> texts, Collection<String> values) {
        List<String> leaks = new ArrayList<>();
        for (String value : values) {
            if (value.length() < 5) {
                continue;
            }
            for (String form : forms(value)) {
                for (String text : texts) {
                    int at = text.indexOf(form);
                    if (at >= 0) {
                        int from = Math.max(0, at - 60);
                        int to = Math.min(text.length(), at + form.length() + 60);
                        leaks.add("'" + form + "' in: …" + text.substring(from, to) + "…");
                        break;
                    }
                }
            }
        }
        return leaks;
    }

    /** {@code value} as it is, URL-encoded (both space forms), JSON-escaped and XML-escaped. */
    public static Set<String> forms(String value) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.add(url);
        forms.add(url.replace("+", "%20"));
        forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(value)));
        forms.add(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;"));
        forms.add(value.replace("&", "&amp;").replace("'", "&#39;"));
        return forms;
    }
}
