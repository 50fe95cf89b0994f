package io.possync.connector.businesscentral;

import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.api.internal.Json;
import io.possync.testkit.Fault;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Updates that meet records another user changed (409) are sent again as one batch with fresh etags, not one by one. */
class StaleUpdatesTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aBatchOfStaleUpdatesIsSentAgainAsOneBatchAfterOneReadOfTheEtags() {
        for (int i = 1; i <= 10; i++) {
            sandbox.seed("items", Map.of("number", "SKU-" + i, "displayName", "Item " + i));
        }
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        List<Write<Product>> updates = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            Ref target = bc.items().find(NaturalKey.sku("SKU-" + i)).orElseThrow();
            Product p = Product.builder(new Ref("pos", EntityType.PRODUCT, "p" + i), "SKU-" + i, Instant.parse("2026-12-05T10:00:00Z"))
                    .name("Item " + i + " renamed").build();
            updates.add(new Write.Update<>(target, new MappedRecord<>(p, Json.MAPPER.createObjectNode().put("displayName", "Item " + i + " renamed"))));
        }
        sandbox.faults().nextWrite(Fault.concurrentEdit());   // someone saves every record just before the batch lands
        long before = sandbox.requestCount();

        List<WriteResult> results = bc.items().writeAll(updates);

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(WriteResult.Written.class));
        assertThat(sandbox.rows("items")).allSatisfy(r -> assertThat(r.path("displayName").asText()).endsWith("renamed"));
        assertThat(sandbox.requestCount() - before).as("the batch, one read of the etags, the batch again").isEqualTo(3);
    }
}
