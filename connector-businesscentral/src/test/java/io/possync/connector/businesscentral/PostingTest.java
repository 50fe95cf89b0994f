package io.possync.connector.businesscentral;

import io.possync.testkit.shop.ListSource;

import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.RetrySchedule;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.Fault;
import io.possync.testkit.shop.SyntheticShop;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Till sales booked at once: invoices created and posted, and a failed post healed without a second invoice. */
class PostingTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final SyncEngine engine = SyncEngine.builder().stateStore(store).build();
    private final SyntheticShop shop = SyntheticShop.builder().orders(20).skus(5).build();
    private Flow<Order> flow;

    @BeforeEach
    void setUp() {
        shop.skus().forEach(sku -> sandbox.seed("items", Json.MAPPER.createObjectNode().put("number", sku)
                .put("displayName", sku).put("type", "Inventory")));
        sandbox.seed("customers", Json.MAPPER.createObjectNode().put("number", "CASH").put("displayName", "Cash sales")
                .put("type", "Person"));
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        flow = Flow.orders("till").from(new ListSource<>("pos", shop.orders())).to(bc.postedSalesInvoices()).kind(OrderKind.INVOICE)
                .defaultDebtor("CASH").retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void assertEveryOrderOncePostedInvoice() {
        assertThat(sandbox.rows("salesInvoices")).hasSize(20).allSatisfy(i -> {
            assertThat(i.path("status").asText()).isEqualTo("Open");
            assertThat(i.path("number").asText()).startsWith("PS-INV");
        });
        assertThat(sandbox.rows("salesInvoices")).extracting(i -> i.path("externalDocumentNumber").asText()).doesNotHaveDuplicates();
    }

    @Test
    void everyInvoiceIsCreatedAndPosted() {
        SyncReport report = engine.run(flow);

        assertThat(report.count(Outcome.CREATED)).isEqualTo(20);
        assertEveryOrderOncePostedInvoice();
    }

    @Test
    void aFailedPostLeavesTheDraftWhichTheNextRunPostsInsteadOfCreatingAnother() {
        // First write: the invoices' $batch goes through. Second write: the posting $batch is refused.
        sandbox.faults().nextWrite(Fault.delay(Duration.ZERO)).nextWrite(Fault.status(400));

        SyncReport first = engine.run(flow);
        assertThat(first.count(Outcome.REJECTED)).isEqualTo(20);
        assertThat(sandbox.rows("salesInvoices")).allSatisfy(i -> assertThat(i.path("status").asText()).isEqualTo("Draft"));

        SyncReport second = engine.run(flow);

        assertThat(second.count(Outcome.CREATED)).isEqualTo(20);
        assertThat(store.retryQueue("till", 10)).isEmpty();
        assertEveryOrderOncePostedInvoice();
    }

    @Test
    void aPostWhoseAnswerIsLostIsRecognisedAsPostedOnTheNextRun() {
        sandbox.faults().nextWrite(Fault.delay(Duration.ZERO)).nextWrite(Fault.lostResponse());

        engine.run(flow);
        SyncReport second = engine.run(flow);

        assertThat(second.count(Outcome.SKIPPED_EXISTING)).isEqualTo(20);
        assertThat(store.retryQueue("till", 10)).isEmpty();
        assertEveryOrderOncePostedInvoice();
    }

    @Test
    void anUnpostedInvoiceSinkLeavesDrafts() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        engine.run(Flow.orders("drafts").from(new ListSource<>("pos", shop.orders())).to(bc.salesInvoices()).defaultDebtor("CASH").build());

        assertThat(sandbox.rows("salesInvoices")).hasSize(20).allSatisfy(i -> assertThat(i.path("status").asText()).isEqualTo("Draft"));
        assertThat(List.of(bc.salesInvoices().posts(), bc.postedSalesInvoices().posts())).containsExactly(false, true);
    }
}
