package io.possync.connector.mpluskassa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderLine;
import io.possync.api.OrderStatus;
import io.possync.api.OrderTotals;
import io.possync.api.Payment;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.testkit.mpluskassa.MplusSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Invoices and offers written once by their external ids, and the till's receipts read as invoices. */
class DocumentsTest {

    private final MplusSandbox sandbox = MplusSandbox.builder().start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private MplusKassa mplus() {
        return MplusKassa.connect(Sandbox.settings(sandbox).build());
    }

    private static MappedRecord<Order> order(String number, String field) {
        Order o = Order.builder(new Ref("erp", EntityType.ORDER, number), number, Instant.parse("2026-11-20T10:00:00Z")).currency("EUR")
                .lines(List.of(OrderLine.of("100001", "Tee", new BigDecimal("2"), new BigDecimal("9.95"), new BigDecimal("21"))))
                .payments(List.of(new Payment("PIN", new BigDecimal("19.90"))))
                .totals(new OrderTotals(new BigDecimal("16.45"), new BigDecimal("3.45"), new BigDecimal("19.90"))).build();
        MplusKassa defaults = MplusKassa.connect(MplusSettings.builder(0, "i", io.possync.api.http.Secret.of("s")).build());
        return mapped(o, switch (field) {
            case "extInvoiceId" -> defaults.invoices().defaultMapping();
            case "extProposalId" -> defaults.proposals().defaultMapping();
            default -> defaults.orders().defaultMapping();
        });
    }

    /** The order as the engine would hand it to a sink: mapped with the sink's default mapping. */
    static MappedRecord<Order> mapped(Order o, io.possync.api.MappingDefaults defaults) {
        ObjectNode json = Json.MAPPER.valueToTree(o);
        json.putObject("links").putObject("products");
        return new MappedRecord<>(o, io.possync.core.mapping.internal.CompiledMapping.compile(io.possync.core.mapping.Mapping.of(defaults))
                .apply(json, o.sourceRef(), false));
    }

    @Test
    void anInvoiceIsSavedOnceAndFoundByItsExtInvoiceId() {
        sandbox.seedArticle(100001, "Tee", 995);
        MplusKassa mplus = mplus();

        Ref first = mplus.invoices().create(order("INV-1", "extInvoiceId"));
        Ref again = mplus.invoices().create(order("INV-1", "extInvoiceId"));

        assertThat(again).isEqualTo(first);
        assertThat(sandbox.invoices()).singleElement().satisfies(i -> {
            assertThat(i.extOrderId()).isEqualTo("INV-1");
            assertThat(i.payments()).containsEntry("PIN", 1990L);
        });
        assertThat(mplus.invoices().find(NaturalKey.orderNumber("INV-1"))).contains(first);
    }

    @Test
    void anOfferIsSavedOnceEvenThoughMplusKassaCannotLookItUpByItsExternalId() {
        sandbox.seedArticle(100001, "Tee", 995);
        MplusKassa mplus = mplus();

        Ref first = mplus.proposals().create(order("OFF-1", "extProposalId"));
        Ref again = mplus.proposals().create(order("OFF-1", "extProposalId"));

        assertThat(again).isEqualTo(first);
        assertThat(sandbox.proposals()).hasSize(1);
        assertThat(mplus.proposals().find(NaturalKey.orderNumber("OFF-1"))).contains(first);
    }

    @Test
    void theTillsReceiptsAreReadAsCompletedInvoicesWithTheirCustomer() {
        sandbox.seedArticle(100001, "Tee", 995);
        MplusKassa mplus = mplus();
        long relation = Long.parseLong(mplus.relations().create(new MappedRecord<>(io.possync.api.Customer.builder(
                new Ref("erp", EntityType.CUSTOMER, "c1"), Instant.EPOCH).email("jan@example.nl").build(),
                Json.MAPPER.createObjectNode().put("name", "Jan Jansen").put("email", "jan@example.nl"))).id());
        sandbox.ringUp(100001, 3, "CASH", 0);
        sandbox.ringUp(100001, 1, "PIN", relation);

        List<Order> sales = mplus.receipts().changesSince(Cursor.initial(), 50).records();

        assertThat(sales).hasSize(2).allSatisfy(o -> {
            assertThat(o.kind()).isEqualTo(OrderKind.INVOICE);
            assertThat(o.status()).isEqualTo(OrderStatus.COMPLETED);
        });
        Order cash = sales.get(0);
        assertThat(cash.number()).isEqualTo("1-1-2026-1");
        assertThat(cash.totals().gross()).isEqualByComparingTo("29.85");
        assertThat(cash.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("100001");
            assertThat(l.quantity()).isEqualByComparingTo("3");
            assertThat(l.unitPrice()).isEqualByComparingTo("9.95");
        });
        assertThat(cash.customer()).isEmpty();
        assertThat(sales.get(1).customer()).hasValueSatisfying(c -> assertThat(c.email()).contains("jan@example.nl"));
    }
}
