package io.possync.connector.businesscentral.internal;

import io.possync.connector.businesscentral.BusinessCentral;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.ConfigurationException;
import io.possync.api.RecordRejectedException;
import io.possync.api.http.ApiRequest;

/**
 * The contact person of a company debtor as a {@code Person} contact under the customer's company
 * contact (FACTS.md §3.3: {@code contacts} from BC 18; {@code customers(...)/contactsInformation}
 * links a customer to its contacts). Business Central creates the company contact itself, through
 * the business relation its Marketing Setup names for customers; a person with the same name under
 * that company is not created twice. Contacts are never changed or removed: a renamed contact person
 * is added beside the old one, which the ERP's users may still need. Thread-safe.
 */
public final class ContactPersons {

    private final BusinessCentralSession session;

    public ContactPersons(BusinessCentralSession session) {
        this.session = session;
    }

    /** A contact person to make sure of: customer {@code customerId}'s person {@code name}, with {@code email} (may be null). */
    public record Need(String customerId, String name, String email) {
    }

    /**
     * Makes sure of every need in three {@code $batch}es (per 100) instead of three requests each: the
     * customers' contact links, the persons already there, and the persons to create. Returns the
     * failures by index of {@code needs}; a need not in the map is met. When a lookup of the batch
     * fails as a whole, each need is made sure of on its own, so its own error is the one reported.
     */
    public java.util.Map<Integer, io.possync.api.PossyncException> ensureAll(java.util.List<Need> needs) {
        java.util.Map<Integer, io.possync.api.PossyncException> failures = new java.util.HashMap<>();
        if (needs.isEmpty()) {
            return failures;
        }
        java.util.List<String> companies;
        java.util.List<Boolean> present;
        try {
            java.util.List<JsonNode> links = session.lookups(needs.stream().map(n -> ApiRequest.get(session.companyPath() + "/customers("
                    + n.customerId() + ")/contactsInformation").build()).toList());
            companies = new java.util.ArrayList<>();
            for (JsonNode l : links) {
                companies.add(companyOf(l));
            }
            java.util.List<ApiRequest> existing = new java.util.ArrayList<>();
            for (int i = 0; i < needs.size(); i++) {
                existing.add(ApiRequest.get(session.companyPath() + "/contacts").query("$filter", "companyNumber eq "
                        + BusinessCentralSession.literal(companies.get(i)) + " and displayName eq " + BusinessCentralSession.literal(needs.get(i).name()))
                        .query("$select", "id").build());
            }
            present = session.lookups(existing).stream().map(a -> a.path("value").size() > 0).toList();
        } catch (RecordRejectedException | io.possync.api.TransientException batchFailed) {
            for (int i = 0; i < needs.size(); i++) {
                try {
                    ensure(needs.get(i).customerId(), needs.get(i).name(), needs.get(i).email());
                } catch (RecordRejectedException | io.possync.api.TransientException e) {
                    failures.put(i, e);
                }
            }
            return failures;
        }
        java.util.List<Integer> toCreate = new java.util.ArrayList<>();
        java.util.List<BusinessCentralSession.BatchOp> creates = new java.util.ArrayList<>();
        for (int i = 0; i < needs.size(); i++) {
            if (companies.get(i) == null) {
                failures.put(i, noCompanyContact());
            } else if (!present.get(i)) {
                ObjectNode body = body(companies.get(i), needs.get(i).name(), needs.get(i).email());
                toCreate.add(i);
                creates.add(new BusinessCentralSession.BatchOp("POST", session.companyPath() + "/contacts", java.util.Optional.empty(), body));
            }
        }
        for (int from = 0; from < creates.size(); from += BusinessCentralSession.MAX_BATCH_OPERATIONS) {
            int to = Math.min(creates.size(), from + BusinessCentralSession.MAX_BATCH_OPERATIONS);
            java.util.List<JsonNode> answers = session.batch(creates.subList(from, to));
            for (int k = 0; k < answers.size(); k++) {
                int status = answers.get(k).path("status").asInt();
                if (status >= 300) {
                    String message = answers.get(k).path("body").path("error").path("message").asText("HTTP " + status);
                    failures.put(toCreate.get(from + k), status == 429 || status >= 500
                            ? io.possync.api.TransientException.builder(BusinessCentral.SYSTEM + ": the contact person was not created: " + message)
                                    .httpStatus(status).build()
                            : RecordRejectedException.builder("the contact person was not created: " + message).fieldPath("contactPerson")
                                    .vendorCode(answers.get(k).path("body").path("error").path("code").asText(String.valueOf(status))).build());
                }
            }
        }
        return failures;
    }

    private static String companyOf(JsonNode links) {
        for (JsonNode link : links.path("value")) {
            if (link.path("contactType").asText().equals("Company")) {
                return link.path("contactNumber").asText();
            }
        }
        return null;
    }

    private static RecordRejectedException noCompanyContact() {
        return RecordRejectedException.builder("Business Central made no company contact for this company customer: give the"
                + " Marketing Setup a business relation code for customers").fieldPath("contactPerson").build();
    }

    private static ObjectNode body(String company, String name, String email) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("type", "Person").put("displayName", name)
                .put("companyNumber", company);
        if (email != null && !email.isBlank()) {
            body.put("email", email);
        }
        MaxLengths.check("contact", body, null, null);
        return body;
    }

    /** Makes sure customer {@code customerId}'s company contact has a person contact named {@code name}. */
    public void ensure(String customerId, String name, String email) {
        String company = companyContactNumber(customerId);
        JsonNode existing = session.read(ApiRequest.get(session.companyPath() + "/contacts")
                .query("$filter", "companyNumber eq " + BusinessCentralSession.literal(company) + " and displayName eq " + BusinessCentralSession.literal(name))
                .query("$select", "id").build());
        if (existing.path("value").size() > 0) {
            return;
        }
        session.api().sendForJson(ApiRequest.post(session.companyPath() + "/contacts", body(company, name, email).toString()).build());
    }

    private String companyContactNumber(String customerId) {
        JsonNode links;
        try {
            links = session.read(ApiRequest.get(session.companyPath() + "/customers(" + customerId + ")/contactsInformation").build());
        } catch (RecordRejectedException e) {
            if (e.vendorCode().filter(c -> c.contains("ResourceNotFound")).isPresent()) {
                throw new ConfigurationException(BusinessCentral.SYSTEM, "this Business Central has no contacts API (BC 18 or later);"
                        + " turn contactPersons off in the settings");
            }
            throw e;
        }
        String company = companyOf(links);
        if (company == null) {
            throw noCompanyContact();
        }
        return company;
    }
}
