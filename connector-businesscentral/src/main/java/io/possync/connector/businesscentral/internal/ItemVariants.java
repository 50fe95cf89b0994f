package io.possync.connector.businesscentral.internal;

import io.possync.connector.businesscentral.BusinessCentral;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.EntityType;
import io.possync.api.NaturalKey;
import io.possync.api.PossyncException;
import io.possync.api.Product;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.TransientException;
import io.possync.api.Write;
import io.possync.api.WriteOutcomeUnknownException;
import io.possync.api.WriteResult;
import io.possync.api.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Variants of configurable products as Business Central item variants under their parent item
 * (FACTS.md §3.5: code ≤ 10, description ≤ 100). The parent is found by the variant's
 * {@code parentSku}. The variant code is the SKU without the parent's prefix when that fits in 10
 * characters (TEE-RED-M under TEE → RED-M), else {@code V} and 9 characters of the SKU's hash, so
 * codes are stable between runs. A create that meets an existing code (a create whose answer was
 * lost) resolves to the existing variant.
 */
public final class ItemVariants {

    private final BusinessCentralSession session;
    private final EntityEndpoint<Product> items;
    private final Optional<PostingGroupWriter> skuWriter;

    /** Variants of {@code items} in {@code session}'s company. */
    public ItemVariants(BusinessCentralSession session, EntityEndpoint<Product> items) {
        this.session = session;
        this.items = items;
        this.skuWriter = session.settings().customApi().filter(io.possync.connector.businesscentral.CustomApi::variantStock).isPresent()
                ? PostingGroupWriter.forItems(session) : Optional.empty();
    }

    /** Whether {@code product} is written as an item variant. */
    public static boolean isVariant(Product product) {
        return product.type() == io.possync.api.ProductType.VARIANT && product.parentSku().isPresent();
    }

    /** The variant code for {@code sku} under {@code parentSku}. */
    public static String code(String sku, String parentSku) {
        String rest = sku.toUpperCase(Locale.ROOT);
        String parent = parentSku.toUpperCase(Locale.ROOT);
        if (rest.startsWith(parent)) {
            rest = rest.substring(parent.length()).replaceFirst("^[-_ ./]+", "");
        }
        if (!rest.isEmpty() && rest.length() <= 10) {
            return rest;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sku.getBytes(StandardCharsets.UTF_8));
            String hash = new java.math.BigInteger(1, digest).toString(36).toUpperCase(Locale.ROOT);
            return "V" + hash.substring(0, 9);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Performs variant writes, one result per write in order. */
    public List<WriteResult> writeAll(List<Write<Product>> writes) {
        WriteResult[] results = new WriteResult[writes.size()];
        Set<NaturalKey> parentKeys = new LinkedHashSet<>();
        writes.forEach(w -> parentKeys.add(NaturalKey.sku(w.record().record().parentSku().orElseThrow())));
        Map<NaturalKey, Ref> parents = items.findAll(parentKeys);
        List<Integer> pending = new ArrayList<>();
        List<BusinessCentralSession.BatchOp> ops = new ArrayList<>();
        List<String> parentIds = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            Write<Product> w = writes.get(i);
            Product p = w.record().record();
            Ref source = p.sourceRef();
            Ref parent = parents.get(NaturalKey.sku(p.parentSku().orElseThrow()));
            if (parent == null && w instanceof Write.Create) {
                results[i] = new WriteResult.Failed(source, RecordRejectedException.builder("the parent item '"
                        + p.parentSku().get() + "' does not exist in Business Central yet").record(source).fieldPath("parentSku").build());
                continue;
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            String description = w.record().fields().path("displayName").asText(p.name());
            body.put("description", description);
            if (w instanceof Write.Create) {
                body.put("code", code(p.sku(), p.parentSku().get()));
            }
            try {
                MaxLengths.check("itemVariant", body, null, null);
            } catch (RecordRejectedException e) {
                results[i] = new WriteResult.Failed(source, e.withRecord(source));
                continue;
            }
            if (w instanceof Write.Update<Product> u) {
                ops.add(new BusinessCentralSession.BatchOp("PATCH", session.companyPath() + "/itemVariants(" + u.target().id() + ")",
                        Optional.of("*"), body));
                parentIds.add("");
            } else {
                ops.add(new BusinessCentralSession.BatchOp("POST", session.companyPath() + "/items(" + parent.id() + ")/itemVariants",
                        Optional.empty(), body));
                parentIds.add(parent.id());
            }
            pending.add(i);
        }
        if (!ops.isEmpty()) {
            send(writes, pending, ops, parentIds, results, true);
        }
        if (skuWriter.isPresent()) {
            writeSkus(writes, results);
        }
        return List.of(results);
    }

    /** Puts each written variant's SKU on the custom route's variant page, where the stock query finds it. */
    private void writeSkus(List<Write<Product>> writes, WriteResult[] results) {
        Map<Integer, ObjectNode> bodies = new java.util.HashMap<>();
        for (int i = 0; i < results.length; i++) {
            if (results[i] instanceof WriteResult.Written) {
                bodies.put(i, JsonNodeFactory.instance.objectNode().put(io.possync.connector.businesscentral.CustomApi.VARIANT_SKU,
                        writes.get(i).record().record().sku()));
            }
        }
        List<WriteResult> list = new ArrayList<>(java.util.Arrays.asList(results));
        skuWriter.get().fields(io.possync.connector.businesscentral.CustomApi.VARIANT_SKU_ENTITY_SET, list, bodies);
        for (int i = 0; i < results.length; i++) {
            results[i] = list.get(i);
        }
    }

    private void send(List<Write<Product>> writes, List<Integer> pending, List<BusinessCentralSession.BatchOp> ops, List<String> parentIds,
                      WriteResult[] results, boolean mayResend) {
        List<JsonNode> answers;
        try {
            answers = session.batch(ops);
        } catch (WriteOutcomeUnknownException lost) {
            if (mayResend) {
                // Sent again: creates that did land now answer 409 and resolve to the existing variant.
                send(writes, pending, ops, parentIds, results, false);
            } else {
                BatchResults.failAll(pending, writes, lost, results);
            }
            return;
        } catch (TransientException | RecordRejectedException e) {
            BatchResults.failAll(pending, writes, e, results);
            return;
        }
        for (int k = 0; k < pending.size(); k++) {
            int i = pending.get(k);
            Write<Product> w = writes.get(i);
            Ref source = w.record().sourceRef();
            JsonNode answer = answers.get(k);
            if (BatchResults.succeeded(answer)) {
                String id = BatchResults.id(answer).orElseThrow();
                results[i] = new WriteResult.Written(source, variantRef(id), w instanceof Write.Create);
                if (w instanceof Write.Create) {
                    remember(w.record().record(), id, ops.get(k).body().path("code").asText());
                }
                continue;
            }
            PossyncException error = BatchResults.error(answer);
            if (BatchResults.is(error, "Internal_EntityWithSameKeyExists") && w instanceof Write.Create) {
                String code = ops.get(k).body().path("code").asText();
                Optional<String> existing = find(parentIds.get(k), code);
                existing.ifPresent(id -> remember(w.record().record(), id, code));
                results[i] = existing.<WriteResult>map(id -> new WriteResult.Written(source, variantRef(id), true))
                        .orElseGet(() -> BatchResults.failed(source, error));
            } else {
                results[i] = BatchResults.failed(source, error);
            }
        }
    }

    /** The sales documents that follow in this connection find the variant without asking for it. */
    private void remember(Product variant, String id, String code) {
        session.variants().remember(variant.sku(), new VariantLookup.Variant(id, variant.parentSku().orElseThrow(), code));
    }

    private Optional<String> find(String parentId, String code) {
        JsonNode page = session.read(ApiRequest.get(session.companyPath() + "/items(" + parentId + ")/itemVariants")
                .query("$filter", "code eq " + BusinessCentralSession.literal(code)).query("$select", "id,code").build());
        for (JsonNode row : page.path("value")) {
            return Optional.of(row.path("id").asText());
        }
        return Optional.empty();
    }

    private static Ref variantRef(String id) {
        return new Ref(BusinessCentral.SYSTEM, EntityType.PRODUCT, id);
    }
}
