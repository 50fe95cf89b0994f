package io.possync.connector.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.http.ApiRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the item variants written for variant SKUs. Business Central knows a variant by its parent
 * item's number and a code ({@link ItemVariants#code}), not by the SKU, so each SKU is tried with
 * every parent prefix it could have ({@code TEE-RED-M} under {@code TEE} or {@code TEE-RED}) and with
 * its hash code. Found variants are cached per connection; a SKU not found is asked again next
 * time, since the product flow may have created it meanwhile. Thread-safe.
 */
public final class VariantLookup {

    /** A variant: its id, its parent item's number and its code. */
    public record Variant(String id, String itemNumber, String code) {
    }

    private record Candidate(String sku, Optional<String> parent, String code) {
    }

    private final BusinessCentralSession session;
    private final Map<String, Variant> cache = new ConcurrentHashMap<>();
    /** Numbers known to be items' (items are not renumbered, so this only grows), upper-case. */
    private final Set<String> items = ConcurrentHashMap.newKeySet();

    public VariantLookup(BusinessCentralSession session) {
        this.session = session;
    }

    /** The variants among {@code skus}, keyed by SKU as given. */
    public Map<String, Variant> find(Collection<String> skus) {
        Map<String, Variant> out = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (String sku : new LinkedHashSet<>(skus)) {
            Variant known = cache.get(sku.toUpperCase(Locale.ROOT));
            if (known != null) {
                out.put(sku, known);
            } else {
                candidates.addAll(candidates(sku));
            }
        }
        if (candidates.isEmpty()) {
            return out;
        }
        List<String> filters = new ArrayList<>();
        // Hash codes are unique whatever the parent: one query per 40.
        List<String> hashes = candidates.stream().filter(c -> c.parent().isEmpty()).map(Candidate::code).distinct().toList();
        for (int i = 0; i < hashes.size(); i += 40) {
            filters.add("code in (" + list(hashes.subList(i, Math.min(hashes.size(), i + 40))) + ")");
        }
        // Prefix codes are short and shared ("L", "RED-M"): bounded by the parents they could belong to.
        Map<String, Set<String>> byParent = new LinkedHashMap<>();
        candidates.stream().filter(c -> c.parent().isPresent())
                .forEach(c -> byParent.computeIfAbsent(c.parent().get(), p -> new LinkedHashSet<>()).add(c.code()));
        List<String> parents = new ArrayList<>(byParent.keySet());
        for (int i = 0; i < parents.size(); ) {
            List<String> chunkParents = new ArrayList<>();
            Set<String> chunkCodes = new LinkedHashSet<>();
            while (i < parents.size() && chunkParents.size() < 20
                    && (chunkCodes.isEmpty() || chunkCodes.size() + byParent.get(parents.get(i)).size() <= 40)) {
                chunkParents.add(parents.get(i));
                chunkCodes.addAll(byParent.get(parents.get(i)));
                i++;
            }
            filters.add("itemNumber in (" + list(chunkParents) + ") and code in (" + list(new ArrayList<>(chunkCodes)) + ")");
        }
        List<JsonNode> rows = query("itemVariants", filters, "id,code,itemNumber");
        Set<String> resolved = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            for (JsonNode row : rows) {
                boolean codeMatches = row.path("code").asText().equalsIgnoreCase(c.code());
                boolean parentMatches = c.parent().map(p -> row.path("itemNumber").asText().equalsIgnoreCase(p)).orElse(true);
                if (codeMatches && parentMatches && resolved.add(c.sku())) {
                    Variant v = new Variant(row.path("id").asText(), row.path("itemNumber").asText(), row.path("code").asText());
                    cache.put(c.sku().toUpperCase(Locale.ROOT), v);
                    out.put(c.sku(), v);
                }
            }
        }
        return out;
    }

    /** Remembers that {@code sku} is the variant {@code variant} (the connection just wrote it). */
    public void remember(String sku, Variant variant) {
        cache.put(sku.toUpperCase(Locale.ROOT), variant);
    }

    /** Remembers {@code numbers} as items' numbers (a lookup elsewhere in the connection found them). */
    public void rememberItems(Collection<String> numbers) {
        numbers.forEach(n -> items.add(n.toUpperCase(Locale.ROOT)));
    }

    /**
     * Which of {@code numbers} are item numbers (case-insensitive): those the connection already knows, none
     * that it found as a variant (it looked for an item first), and the rest in one query per 40.
     */
    public Set<String> itemNumbers(List<String> numbers) {
        Set<String> out = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String n : numbers) {
            String key = n.toUpperCase(Locale.ROOT);
            if (items.contains(key)) {
                out.add(n);
            } else if (!cache.containsKey(key)) {
                unknown.add(n);
            }
        }
        List<String> filters = new ArrayList<>();
        for (int i = 0; i < unknown.size(); i += 40) {
            filters.add("number in (" + list(unknown.subList(i, Math.min(unknown.size(), i + 40))) + ")");
        }
        query("items", filters, "number").forEach(r -> items.add(r.path("number").asText().toUpperCase(Locale.ROOT)));
        unknown.stream().filter(n -> items.contains(n.toUpperCase(Locale.ROOT))).forEach(out::add);
        return out;
    }

    /** The rows of {@code set} matching any of {@code filters}: the queries go together, as one {@code $batch} of GETs. */
    private List<JsonNode> query(String set, List<String> filters, String select) {
        List<ApiRequest> requests = new ArrayList<>();
        for (String filter : filters) {
            requests.add(BusinessCentralSession.inFilter(session.companyPath() + "/" + set, filter)
                    .query("$select", select).header("Data-Access-Intent", "ReadOnly").build());
        }
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode page : session.lookups(requests)) {
            while (true) {
                page.path("value").forEach(rows::add);
                String next = page.path("@odata.nextLink").asText("");
                if (next.isEmpty()) {
                    break;
                }
                page = session.read(ApiRequest.get(next).build());
            }
        }
        return rows;
    }

    private static String list(List<String> values) {
        return values.stream().map(BusinessCentralSession::literal).collect(java.util.stream.Collectors.joining(","));
    }

    private static List<Candidate> candidates(String sku) {
        List<Candidate> out = new ArrayList<>();
        String upper = sku.toUpperCase(Locale.ROOT);
        for (int i = 1; i < upper.length(); i++) {
            if ("-_ ./".indexOf(upper.charAt(i)) >= 0) {
                String rest = upper.substring(i + 1).replaceFirst("^[-_ ./]+", "");
                if (!rest.isEmpty() && rest.length() <= 10) {
                    out.add(new Candidate(sku, Optional.of(sku.substring(0, i)), rest));
                }
            }
        }
        // The hash form does not depend on the parent (used when the rest is longer than 10 characters).
        out.add(new Candidate(sku, Optional.empty(), ItemVariants.code(sku, "\u0000")));
        return out;
    }
}
